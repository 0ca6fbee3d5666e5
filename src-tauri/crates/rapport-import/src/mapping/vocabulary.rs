//! The column names the automatic mapping knows, by exporting program and language. Names are
//! compared after [`normalize`]: lower case, accents removed, "ß" as "ss", and nothing but
//! letters and digits kept, so "E-Mail 2: Adresse" and "email 2 adresse" are the same name.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{AddressPart, Target};
use crate::fields::{PhoneUsage, Usage};

/// A header as it is compared.
pub(crate) fn normalize(text: &str) -> String {
    // Notes compare their header and value for every row; ASCII needs no decomposing.
    if text.is_ascii() {
        return text
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    normalize_unicode(text)
}

fn normalize_unicode(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c == 'ß' {
            out.push_str("ss");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

use AddressPart::{Country, Extended, Locality, PoBox, PostalCode, Region, Street};
use Target::{
    BirthDay, BirthMonth, BirthYear, Birthday, Categories, Department, DisplayName, FamilyName,
    GivenName, JobTitle, MiddleName, Nickname, Note, Notes, Organization, Prefix, Related, Suffix,
    Url,
};

const fn email(u: Usage) -> Target {
    Target::Email(u)
}
const fn phone(u: PhoneUsage) -> Target {
    Target::Phone(u)
}
const fn addr(u: Usage, p: AddressPart) -> Target {
    Target::Address(u, p)
}

/// (names separated by `|`, target). Plain "Title"/"Titre" is decided per file (see
/// `mapping::auto`): a job title unless the file also has a job-title column.
const NAMES: &[(&str, Target)] = &[
    // Names.
    ("Title|Titre|Job Title|Organization Title|Organization 1 - Title|Position|Jobtitel|Berufsbezeichnung|Fonction|Poste|Titre du poste|Puesto|Cargo|Role", JobTitle),
    ("Name Prefix|Prefix|Salutation|Anrede|Titel|Civilité|Tratamiento|Título", Prefix),
    ("First Name|Given Name|First|Firstname|Forename|Vorname|Prénom|Nombre", GivenName),
    ("Middle Name|Additional Name|Middle|Weitere Vornamen|Zweiter Vorname|Deuxième prénom|Autre prénom|Segundo nombre", MiddleName),
    ("Last Name|Family Name|Surname|Last|Lastname|Nachname|Familienname|Nom|Nom de famille|Apellidos|Apellido", FamilyName),
    ("Suffix|Name Suffix|Suffixe|Sufijo|Namenszusatz", Suffix),
    ("Nickname|Nick|Spitzname|Surnom|Apodo|Sobrenombre", Nickname),
    ("Display Name|Name|Full Name|Anzeigename|Vollständiger Name|Nom complet|Nom d'affichage|Nombre completo|Nombre para mostrar", DisplayName),
    // Organisation.
    ("Company|Organization|Organisation|Organization Name|Organization 1 - Name|Firma|Unternehmen|Société|Entreprise|Organisme|Empresa|Compañía|Organización", Organization),
    ("Department|Organization Department|Organization 1 - Department|Abteilung|Service|Département|Departamento", Department),
    // Email.
    ("E-mail Address|E-mail 2 Address|E-mail 3 Address|Email|E-mail|Email Address|Mail|Primary Email|Secondary Email|E-Mail-Adresse|E-Mail 2: Adresse|E-Mail 3: Adresse|E-Mail-Adresse 2|E-Mail-Adresse 3|Courriel|Adresse e-mail|Adresse e-mail 2|Adresse e-mail 3|Adresse de messagerie|Adresse de messagerie 2|Adresse de messagerie 3|Correo electrónico|Correo electrónico 2|Correo electrónico 3|Correo|Dirección de correo electrónico|Dirección de correo electrónico 2|Dirección de correo electrónico 3", email(Usage::Other)),
    ("Work Email|Business Email|Work E-mail|E-Mail geschäftlich|Courriel professionnel|Correo del trabajo", email(Usage::Work)),
    ("Home Email|Personal Email|Home E-mail|E-Mail privat|Courriel personnel|Correo personal", email(Usage::Home)),
    ("Other Email|Other E-mail|Weitere E-Mail", email(Usage::Other)),
    // Phones.
    ("Business Phone|Business Phone 2|Company Main Phone|Work Phone|Work Phone 2|Telefon geschäftlich|Telefon geschäftlich 2|Telefon Firma|Téléphone bureau|Téléphone (bureau)|Téléphone bureau 2|Téléphone (bureau) 2|Téléphone société|Teléfono del trabajo|Teléfono del trabajo 2|Teléfono de la organización|Teléfono de la compañía", phone(PhoneUsage::Work)),
    ("Home Phone|Home Phone 2|Telefon privat|Telefon privat 2|Téléphone domicile|Téléphone (domicile)|Téléphone domicile 2|Téléphone (domicile) 2|Teléfono particular|Teléfono particular 2|Teléfono de casa", phone(PhoneUsage::Home)),
    ("Mobile Phone|Mobile Number|Mobile|Cell|Cell Phone|Cellphone|Mobiltelefon|Mobil|Handy|Tél. mobile|Téléphone mobile|Portable|Teléfono móvil|Móvil|Celular", phone(PhoneUsage::Mobile)),
    ("Business Fax|Home Fax|Other Fax|Fax Number|Fax|Fax geschäftlich|Fax privat|Weiteres Fax|Télécopie bureau|Télécopie (bureau)|Télécopie domicile|Télécopie (domicile)|Télécopie|Fax del trabajo|Fax particular|Otro fax", phone(PhoneUsage::Fax)),
    ("Pager|Pager Number|Récepteur de radiomessagerie|Radiomessagerie|Localizador|Buscapersonas", phone(PhoneUsage::Pager)),
    ("Phone|Telephone|Phone Number|Tel|Other Phone|Primary Phone|Car Phone|Callback|Radio Phone|ISDN|TTY/TDD Phone|Telex|Telefon|Telefonnummer|Weiteres Telefon|Haupttelefon|Autotelefon|Rückmeldung|Téléphone|Autre téléphone|Téléphone principal|Téléphone voiture|Teléfono|Otro teléfono|Teléfono principal|Teléfono del automóvil", phone(PhoneUsage::Other)),
    // Addresses: Outlook (en, de, fr, es), Thunderbird, generic.
    ("Business Street|Work Address|Work Street|Straße geschäftlich|Rue (bureau)|Calle del trabajo", addr(Usage::Work, Street)),
    ("Business Street 2|Business Street 3|Work Address 2|Straße geschäftlich 2|Straße geschäftlich 3|Rue (bureau) 2|Rue (bureau) 3|Calle del trabajo 2|Calle del trabajo 3", addr(Usage::Work, Extended)),
    ("Business City|Work City|Ort geschäftlich|Ville (bureau)|Ciudad del trabajo|Ciudad de trabajo", addr(Usage::Work, Locality)),
    ("Business State|Work State|Region geschäftlich|Bundesland geschäftlich|Dép/Région (bureau)|État/Prov (bureau)|Estado del trabajo|Provincia o estado de trabajo|Provincia o estado del trabajo", addr(Usage::Work, Region)),
    ("Business Postal Code|Work ZipCode|Work Zip|Work Postal Code|Postleitzahl geschäftlich|Code postal (bureau)|Código postal del trabajo|Código postal de trabajo", addr(Usage::Work, PostalCode)),
    ("Business Country/Region|Business Country|Work Country|Land/Region geschäftlich|Land geschäftlich|Pays/Région (bureau)|País o región del trabajo|País o región de trabajo", addr(Usage::Work, Country)),
    ("Business Address PO Box|Work PO Box|Postfach geschäftlich|B.P. (bureau)|Apartado postal del trabajo", addr(Usage::Work, PoBox)),
    ("Home Street|Home Address|Straße privat|Rue (domicile)|Calle del domicilio|Calle particular", addr(Usage::Home, Street)),
    ("Home Street 2|Home Street 3|Home Address 2|Straße privat 2|Straße privat 3|Rue (domicile) 2|Rue (domicile) 3|Calle del domicilio 2|Calle del domicilio 3", addr(Usage::Home, Extended)),
    ("Home City|Ort privat|Ville (domicile)|Ciudad de residencia|Ciudad del domicilio", addr(Usage::Home, Locality)),
    ("Home State|Region privat|Bundesland privat|Dép/Région (domicile)|État/Prov (domicile)|Estado del domicilio|Provincia o estado de residencia", addr(Usage::Home, Region)),
    ("Home Postal Code|Home ZipCode|Home Zip|Postleitzahl privat|Code postal (domicile)|Código postal de residencia|Código postal del domicilio", addr(Usage::Home, PostalCode)),
    ("Home Country/Region|Home Country|Land/Region privat|Land privat|Pays/Région (domicile)|País o región de residencia|País o región del domicilio", addr(Usage::Home, Country)),
    ("Home Address PO Box|Home PO Box|Postfach privat|B.P. (domicile)", addr(Usage::Home, PoBox)),
    ("Other Street|Street|Address|Weitere Straße|Straße|Strasse|Adresse|Rue|Rue (autre)|Dirección|Calle|Otra calle", addr(Usage::Other, Street)),
    ("Other Street 2|Other Street 3|Address 2|Street 2|Weitere Straße 2|Weitere Straße 3|Rue (autre) 2|Rue (autre) 3|Otra calle 2|Otra calle 3", addr(Usage::Other, Extended)),
    ("Other City|City|Town|Weiterer Ort|Ort|Stadt|Ville|Ville (autre)|Ciudad|Otra ciudad", addr(Usage::Other, Locality)),
    ("Other State|State|Region|Province|County|Weitere Region|Bundesland|Kanton|Région|Dép/Région (autre)|État/Prov (autre)|Provincia|Estado|Región|Otro estado", addr(Usage::Other, Region)),
    ("Other Postal Code|Postal Code|Zip|Zip Code|ZipCode|Postcode|Post Code|Weitere Postleitzahl|Postleitzahl|PLZ|Code postal|Code postal (autre)|Código postal|Otro código postal", addr(Usage::Other, PostalCode)),
    ("Other Country/Region|Other Country|Country|Country/Region|Weiteres Land/Region|Weiteres Land|Land|Land/Region|Pays|Pays/Région|Pays/Région (autre)|País|País o región|Otro país o región", addr(Usage::Other, Country)),
    ("Other Address PO Box|PO Box|Weiteres Postfach|Postfach|B.P.|Boîte postale|Apartado postal", addr(Usage::Other, PoBox)),
    // Dates, notes, lists.
    ("Birthday|Birth Date|Birthdate|Date of Birth|DOB|Geburtstag|Geburtsdatum|Anniversaire|Date de naissance|Cumpleaños|Fecha de nacimiento", Birthday),
    ("Birth Year", BirthYear),
    ("Birth Month", BirthMonth),
    ("Notes|Note|Comments|Comment|Notizen|Notiz|Bemerkungen|Kommentar|Remarques|Commentaires|Notas|Comentarios", Notes),
    ("Categories|Category|Labels|Group Membership|Groups|Group|Tags|Kategorien|Kategorie|Gruppen|Catégories|Catégorie|Groupes|Categorías|Categoría|Grupos", Categories),
    ("Web Page|Web Page 1|Web Page 2|Webpage|Website|Web Site|Personal Web Page|Homepage|Home Page|URL|Web|Webseite|Internetseite|Page Web|Site Web|Página web|Sitio web", Url),
    ("Spouse|Partner|Ehepartner|Conjoint|Cónyuge", Related),
    // Known names that stay in the notes ("Header: value"): they help recognise a header row.
    ("Custom 1|Custom 2|Custom 3|Custom 4|Screen Name|Anniversary|Gender|Priority|Sensitivity|Private|Initials|Account|Billing Information|Mileage|Location|Office Location|Manager's Name|Assistant's Name|Assistant's Phone|Children|Hobby|Language|Directory Server|Internet Free Busy|User 1|User 2|User 3|User 4|Keywords|Government ID Number|Organizational ID Number|Referred By|E-mail Type|E-mail Display Name|E-mail 2 Type|E-mail 2 Display Name|E-mail 3 Type|E-mail 3 Display Name|File As|Phonetic First Name|Phonetic Middle Name|Phonetic Last Name|Yomi Name|Given Name Yomi|Additional Name Yomi|Family Name Yomi|Short Name|Maiden Name|Photo|Occupation|Subject", Note),
    ("Geschlecht|Priorität|Vertraulichkeit|Privat|Initialen|Konto|Abrechnungsinformation|Reisekilometer|Büro|Name des Vorgesetzten|Name Assistent|Telefon Assistent|Kinder|Sprache|Jahrestag|Stichwörter|Benutzer 1|Benutzer 2|Benutzer 3|Benutzer 4|Verzeichnisserver|Frei/Gebucht|E-Mail-Typ|E-Mail: Angezeigter Name|E-Mail 2: Typ|E-Mail 2: Angezeigter Name|E-Mail 3: Typ|E-Mail 3: Angezeigter Name", Note),
    ("Sexe|Priorité|Critère de diffusion|Privé|Initiales|Compte|Kilométrage|Bureau|Nom du manager|Nom de l'assistant(e)|Enfants|Passe-temps|Langue|Mots clés|Type de messagerie|Nom complet de l'adresse de messagerie|Sexo|Prioridad|Confidencialidad|Privado|Iniciales|Cuenta|Oficina|Hijos|Aficiones|Idioma|Aniversario|Palabras clave|Tipo de correo electrónico|Nombre para mostrar del correo electrónico", Note),
];

/// Google's numbered columns ("E-mail 1 - Value", "Address 2 - City"): kind, number, part.
pub(crate) struct Numbered {
    pub kind: String,
    pub index: u32,
    pub part: String,
}

pub(crate) fn numbered(header: &str) -> Option<Numbered> {
    let (left, right) = header.split_once(" - ")?;
    let left = left.trim();
    let (kind, index) = left.rsplit_once(' ')?;
    let index: u32 = index.trim().parse().ok()?;
    Some(Numbered {
        kind: normalize(kind),
        index,
        part: normalize(right),
    })
}

/// What a Google numbered column feeds. `Note` for its "Type"/"Label" columns (their value
/// sets the usage of the pair in `apply`) and for kinds without a field (IM, Event, ...).
fn numbered_target(n: &Numbered) -> Option<Target> {
    let part = n.part.as_str();
    if part == "type" || part == "label" {
        return Some(Note);
    }
    let target = match (n.kind.as_str(), part) {
        ("email", "value") => email(Usage::Other),
        ("phone", "value") => phone(PhoneUsage::Other),
        ("website", "value") => Url,
        ("relation", "value") => Related,
        ("address", "street") => addr(Usage::Other, Street),
        ("address", "extendedaddress") => addr(Usage::Other, Extended),
        ("address", "city") => addr(Usage::Other, Locality),
        ("address", "pobox") => addr(Usage::Other, PoBox),
        ("address", "region") => addr(Usage::Other, Region),
        ("address", "postalcode") => addr(Usage::Other, PostalCode),
        ("address", "country") => addr(Usage::Other, Country),
        ("organization", "name") => Organization,
        ("organization", "title") => JobTitle,
        ("organization", "department") => Department,
        ("email" | "phone" | "website" | "relation" | "address" | "organization", _)
        | ("im" | "event" | "customfield" | "externalid" | "calendarlink", _) => Note,
        _ => return None,
    };
    Some(target)
}

fn table() -> &'static HashMap<String, Target> {
    static TABLE: OnceLock<HashMap<String, Target>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for (names, target) in NAMES {
            for name in names.split('|') {
                map.entry(normalize(name)).or_insert(*target);
            }
        }
        map
    })
}

/// The target a header name is known for, `None` for a name the vocabulary does not know.
pub(crate) fn known(header: &str) -> Option<Target> {
    if let Some(n) = numbered(header) {
        if let Some(target) = numbered_target(&n) {
            return Some(target);
        }
    }
    // Thunderbird's "Birth Day" and "Birthday" differ only by the space normalising drops.
    let words: Vec<String> = header.split_whitespace().map(str::to_lowercase).collect();
    if words == ["birth", "day"] {
        return Some(BirthDay);
    }
    let key = normalize(header);
    if key.is_empty() {
        return None;
    }
    table().get(&key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_headers_normalize_as_any_other_text() {
        let every: String = (0..128u8).map(char::from).collect();
        for text in [every.as_str(), "E-Mail 2: Adresse", "Business Phone 2"] {
            assert_eq!(normalize(text), normalize_unicode(text), "{text:?}");
        }
        assert_eq!(normalize("Straße (geschäftlich)"), "strassegeschaftlich");
    }
}
