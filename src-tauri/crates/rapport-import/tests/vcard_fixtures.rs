//! The vCard reader against the peer fixtures (tests/fixtures, see SOURCES.md there) and a few
//! hand-made files for the cases the fixtures do not cover.

use rapport_import::fields::{PhoneUsage, Usage};
use rapport_import::vcard::{read, CardFile};
use rapport_import::{ContactFields, Reason};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../tests/fixtures/",
            $name
        ))
    };
}

/// Helpers that unwrap: test code only.
#[cfg(test)]
mod support {
    use super::*;

    pub fn cards(bytes: &[u8]) -> (CardFile, Vec<ContactFields>) {
        let file = read(bytes).expect("the file is read");
        let fields = file
            .cards
            .iter()
            .map(|c| c.outcome.clone().expect("the card is read"))
            .collect();
        (file, fields)
    }

    pub fn one(bytes: &[u8]) -> ContactFields {
        let (file, mut fields) = cards(bytes);
        assert_eq!(file.cards.len(), 1);
        assert_eq!(file.cards[0].record, 1);
        fields.remove(0)
    }

    pub fn notes(c: &ContactFields) -> &str {
        c.notes.as_deref().unwrap_or_default()
    }

    pub fn phone_values(c: &ContactFields) -> Vec<(&str, PhoneUsage)> {
        c.phones
            .iter()
            .map(|p| (p.value.as_str(), p.usage))
            .collect()
    }
}
use support::{cards, notes, one, phone_values};

// ---------------------------------------------------------------- fixtures

#[test]
fn eds_photo_1_is_a_png_whatever_it_says() {
    let c = one(fixture!("eds__photo-1.vcf"));
    let photo = c.photo.as_ref().unwrap();
    assert_eq!(photo.media_type, "image/png");
    assert_eq!(&photo.data[..4], b"\x89PNG");
    assert_eq!(photo.bytes, photo.data.len());
    assert_eq!(c.given_name.as_deref(), Some("photo"));
    assert_eq!(c.emails[0].value, "photo@no.where");
    assert_eq!(c.emails[0].usage, Usage::Work);
    assert_eq!(c.notes, None, "UID and REV are technical");
}

#[test]
fn eds_vcard_12_qp_soft_breaks_across_components() {
    let c = one(fixture!("eds__vcard_12.vcf"));
    assert_eq!(c.family_name.as_deref(), Some("Brüning"));
    assert_eq!(c.given_name.as_deref(), Some("Michael"));
    assert_eq!(c.display_name.as_deref(), Some("Michael Brüning"));
    let adr = &c.addresses[0];
    assert_eq!(adr.usage, Usage::Home);
    assert_eq!(adr.street.as_deref(), Some("Münsterplatz 21"));
    assert_eq!(adr.locality.as_deref(), Some("Ulm"));
    assert_eq!(adr.region.as_deref(), Some("Baden-Württemberg"));
    assert_eq!(adr.postal_code.as_deref(), Some("89073"));
    assert_eq!(adr.country, None);
    assert_eq!(
        phone_values(&c),
        vec![
            ("+491622433834", PhoneUsage::Mobile),
            ("017623384942", PhoneUsage::Mobile),
            ("+4973117546691", PhoneUsage::Work),
        ]
    );
    assert_eq!(c.birthday.as_deref(), Some("1978-12-29"));
    assert!(notes(&c).contains("Münsterplatz 21\n89073 Ulm, Baden-Württemberg"));
}

#[test]
fn eds_vcard_13_evil_escapes_and_folded_parameters() {
    let c = one(fixture!("eds__vcard_13.vcf"));
    assert_eq!(c.display_name.as_deref(), Some("Ralf Engels"));
    let work = &c.addresses[0];
    assert_eq!(work.usage, Usage::Work);
    assert_eq!(work.street.as_deref(), Some("Evil semicolon city;"));
    assert_eq!(work.locality.as_deref(), Some("Semicolon;way"));
    assert_eq!(work.country.as_deref(), Some("U.S.A."));
    let home = &c.addresses[1];
    assert_eq!(home.street.as_deref(), Some("Evil backslash \\ way"));
    assert_eq!(home.region.as_deref(), Some("Newlines\nCountry\nevil"));
    // TYPE=VOICE,M<fold>SG,WORK and TYPE=<fold>FAX,WORK
    assert_eq!(
        phone_values(&c),
        vec![
            ("+1-919-676-9515", PhoneUsage::Work),
            ("+1-919-676-9564", PhoneUsage::Fax)
        ]
    );
    assert_eq!(c.emails[0].value, "Frank_Dawson@Lotus.com");
    assert!(c.emails[0].pref, "TYPE=INTERNET<fold>,PREF");
    assert_eq!(c.emails[0].usage, Usage::Other);
    assert_eq!(c.emails[1].value, "semicolon;@points.net");
}

#[test]
fn eds_vcard_5_cjk_from_qp_with_soft_breaks_inside_characters() {
    let name = "十城目管理大型知座";
    let c = one(fixture!("eds__vcard_5.vcf"));
    assert_eq!(c.display_name.as_deref(), Some(name));
    assert_eq!(c.given_name.as_deref(), Some(name));
    assert_eq!(c.organization.as_deref(), Some(name));
    assert_eq!(c.job_title.as_deref(), Some(name));
    let adr = &c.addresses[0];
    assert_eq!(adr.usage, Usage::Work);
    assert_eq!(
        adr.extended.as_deref(),
        Some(&*format!("{name}\n{name}\n{name}"))
    );
    assert_eq!(adr.street.as_deref(), Some(name));
    assert_eq!(c.phones.len(), 4);
    assert!(c.phones.iter().all(|p| p.value == name));
    assert_eq!(c.phones[3].usage, PhoneUsage::Mobile);
    assert_eq!(c.emails[0].value, "weird@weird.com");
    assert!(!notes(&c).contains('\u{FFFD}'));
}

#[test]
fn eds_vcard_7_without_begin_is_refused_as_a_whole() {
    let err = read(fixture!("eds__vcard_7.vcf")).unwrap_err();
    assert_eq!(err.reason, Reason::UnsupportedFile);
    assert!(err.message.contains("BEGIN:VCARD"), "{}", err.message);
}

#[test]
fn eds_vcard_8_without_end_is_a_truncated_card() {
    let file = read(fixture!("eds__vcard_8.vcf")).unwrap();
    assert_eq!(file.cards.len(), 1);
    assert_eq!(file.cards[0].record, 1);
    let rejection = file.cards[0].outcome.clone().unwrap_err();
    assert_eq!(rejection.reason, Reason::TruncatedCard);
    assert_eq!(rejection.reason.code(), "truncated_card");
    assert!(
        rejection.message.contains("END:VCARD"),
        "{}",
        rejection.message
    );
}

#[test]
fn eds_vcard_9_cut_in_a_property_name_is_a_truncated_card() {
    let file = read(fixture!("eds__vcard_9.vcf")).unwrap();
    assert_eq!(file.cards.len(), 1);
    let rejection = file.cards[0].outcome.clone().unwrap_err();
    assert_eq!(rejection.reason, Reason::TruncatedCard);
    assert!(
        rejection.message.contains("middle of a property"),
        "{}",
        rejection.message
    );
    assert!(rejection.message.contains("END:VCARD"));
}

#[test]
fn ezvcard_android_six_cards() {
    let (file, c) = cards(fixture!("ezvcard__John_Doe_ANDROID.vcf"));
    assert_eq!(file.cards.len(), 6);
    let records: Vec<u64> = file.cards.iter().map(|c| c.record).collect();
    assert_eq!(records, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(c[0].emails[0].value, "john.doe@company.com");
    assert!(c[0].emails[0].pref);
    assert_eq!(c[0].categories, vec!["My Contacts"]);
    assert_eq!(c[2].family_name.as_deref(), Some("Ñ Ñ Ñ Ñ"));
    assert_eq!(c[2].display_name.as_deref(), Some("Ñ Ñ Ñ Ñ Ñ"));
    assert_eq!(c[3].phones.len(), 4);
    assert_eq!(c[4].given_name.as_deref(), Some("Ñ Ñ Ñ"));
    assert_eq!(c[4].emails[1].value, "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ");
    assert_eq!(c[4].urls, vec!["www.company.com", "http://www.company.com"]);
    assert_eq!(c[4].photo.as_ref().unwrap().media_type, "image/jpeg");
    assert_eq!(c[4].phones[2].usage, PhoneUsage::Fax);
    assert_eq!(c[5].phones[0].value, "55556666");
}

#[test]
fn ezvcard_blackberry_photo_on_one_long_line() {
    let c = one(fixture!("ezvcard__John_Doe_BLACK_BERRY.vcf"));
    assert_eq!(c.family_name.as_deref(), Some("Doe"));
    assert_eq!(c.organization.as_deref(), Some("Acme Solutions"));
    assert_eq!(phone_values(&c), vec![("+96123456789", PhoneUsage::Mobile)]);
    let photo = c.photo.as_ref().unwrap();
    assert_eq!(photo.media_type, "image/jpeg");
    assert!(photo.bytes > 1000);
    assert_eq!(c.notes, None, "an empty NOTE is left out");
}

#[test]
fn ezvcard_gmail_labels_and_escapes() {
    let c = one(fixture!("ezvcard__John_Doe_GMAIL.vcf"));
    assert_eq!(c.middle_name.as_deref(), Some("Richter, James"));
    assert_eq!(c.prefix.as_deref(), Some("Mr."));
    assert_eq!(c.suffix.as_deref(), Some("Sr."));
    assert_eq!(c.urls, vec!["http://www.ibm.com"], "Apple's http\\: escape");
    assert_eq!(c.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(c.related.len(), 1);
    assert_eq!(c.related[0].value, "Jenny");
    assert_eq!(c.related[0].kind.as_deref(), Some("spouse"));
    let n = notes(&c);
    assert!(n.starts_with(
        "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\""
    ));
    assert!(n.contains("LIMITED TO, THE IMPLIED"), "fold inside a word");
    assert!(n.contains("\nFavotire Color: Blue"));
    assert!(n.contains("Anniversary: 1975-03-01"));
    assert!(n.contains("Phonetic first name: Jon"));
    assert!(!n.contains("X-ABLabel") && !n.contains("_$!<"));
}

#[test]
fn ezvcard_iphone_photo_groups_and_cr_cr_lf() {
    let c = one(fixture!("ezvcard__John_Doe_IPHONE.vcf"));
    assert_eq!(
        c.display_name.as_deref(),
        Some("Mr. John Richter James Doe Sr.")
    );
    assert_eq!(c.middle_name.as_deref(), Some("Richter,James"));
    assert_eq!(c.organization.as_deref(), Some("IBM"));
    assert_eq!(c.department.as_deref(), Some("Accounting"));
    let photo = c.photo.as_ref().unwrap();
    assert_eq!(photo.media_type, "image/jpeg");
    assert!(photo.bytes > 30000, "{}", photo.bytes);
    // item1.EMAIL: INTERNET + pref; item2.TEL labelled AssistantPhone.
    assert_eq!(c.emails[0].value, "john.doe@ibm.com");
    assert!(c.emails[0].pref);
    assert_eq!(c.emails[0].usage, Usage::Other);
    assert_eq!(c.phones.len(), 7);
    assert_eq!(c.phones[0].usage, PhoneUsage::Mobile);
    assert_eq!(c.phones[3].usage, PhoneUsage::Fax);
    assert_eq!(c.phones[5].usage, PhoneUsage::Pager);
    assert_eq!(c.phones[6].value, "905-222-1234");
    assert_eq!(c.phones[6].usage, PhoneUsage::Other);
    assert!(notes(&c).contains("AssistantPhone: 905-222-1234"));
    assert_eq!(c.addresses[0].usage, Usage::Home);
    assert_eq!(
        c.addresses[1].street.as_deref(),
        Some("Street4\nBuilding 6\nFloor 8")
    );
    assert_eq!(c.urls, vec!["http://www.ibm.com"]);
    assert_eq!(c.birthday.as_deref(), Some("2012-06-06"));
    assert!(!notes(&c).contains("PRODID") && !notes(&c).contains("X-ABADR"));
}

#[test]
fn ezvcard_mac_address_book_mixed_line_endings() {
    let c = one(fixture!("ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf"));
    assert_eq!(
        c.display_name.as_deref(),
        Some("Mr. John Richter,James Doe Sr.")
    );
    assert_eq!(c.emails[0].usage, Usage::Work);
    assert!(c.emails[0].pref);
    assert_eq!(c.phones.len(), 7);
    assert_eq!(c.addresses[0].street.as_deref(), Some("Silicon Alley 5,"));
    assert_eq!(c.photo.as_ref().unwrap().media_type, "image/jpeg");
    assert!(c.photo.as_ref().unwrap().bytes > 10000);
    assert_eq!(c.related[0].value, "Jenny");
    assert_eq!(c.related[0].kind.as_deref(), Some("spouse"));
    assert!(notes(&c).contains("Favotire Color: Blue"));
    assert!(!notes(&c).contains("ABPerson"), "X-ABUID is technical");
}

#[test]
fn ezvcard_ms_outlook_label_with_crlf_from_qp() {
    let c = one(fixture!("ezvcard__John_Doe_MS_OUTLOOK.vcf"));
    let n = notes(&c);
    assert!(
        n.contains("Address label (work): Cresent moon drive\nAlbaney, New York  12345"),
        "{n}"
    );
    assert!(n.contains("Address label (home): Silicon Alley 5,\nNew York, New York  12345"));
    assert!(
        n.contains("Role: Counting Money"),
        "ROLE is a note next to TITLE"
    );
    assert!(n.contains("Anniversary: 2011-01-13"));
    assert!(n.contains("IM: johny5@aol.com"));
    assert!(!n.contains("X-MS-OL"));
    assert_eq!(c.job_title.as_deref(), Some("Money Counter"));
    assert_eq!(c.addresses[0].street.as_deref(), Some("Cresent moon drive"));
    assert_eq!(c.addresses[0].usage, Usage::Work);
    assert_eq!(c.birthday.as_deref(), Some("1980-03-22"));
    assert_eq!(c.emails[0].value, "john.doe@ibm.cm");
    let related: Vec<(&str, Option<&str>)> = c
        .related
        .iter()
        .map(|r| (r.value.as_str(), r.kind.as_deref()))
        .collect();
    assert_eq!(
        related,
        vec![("Big Blue", Some("manager")), ("Jenny", Some("assistant"))]
    );
    assert_eq!(c.photo.as_ref().unwrap().media_type, "image/jpeg");
}

#[test]
fn ezvcard_fullcontact_many_x_properties() {
    let c = one(fixture!("ezvcard__fullcontact.vcf"));
    assert_eq!(c.middle_name.as_deref(), Some("MiddleName"));
    assert_eq!(c.emails.len(), 5);
    assert_eq!(c.phones.len(), 9);
    assert_eq!(c.addresses.len(), 4);
    assert_eq!(c.organization.as_deref(), Some("Organization1"));
    assert_eq!(c.department.as_deref(), Some("Department1"));
    assert_eq!(c.job_title.as_deref(), Some("Title1"));
    assert_eq!(
        c.birthday.as_deref(),
        Some("2016-08-01"),
        "ALTID alternate once"
    );
    assert_eq!(c.photo, None, "photos here are links");
    let n = notes(&c);
    assert!(n.starts_with("Notes line 1\nNotes line 2\n"));
    assert!(n.contains(
        "Photo: https://d3m0kzytmr41b1.cloudfront.net/c335e945d1b60edd9d75eb4837c432f637e95c8a"
    ));
    assert!(n.contains("Organization: Organization2; Department2"));
    assert!(n.contains("Title: Title2"));
    assert!(n.contains("IM: skype:skype"));
    assert!(n.contains("Anniversary: 2016-08-02"));
    assert!(
        !n.contains("Birthday"),
        "the BDAY alternate is the same date"
    );
    assert!(!n.contains("X-ETAG") && !n.contains("PRODID"));
    assert!(c
        .related
        .iter()
        .any(|r| r.value == "Mother" && r.kind.as_deref() == Some("mother")));
    assert_eq!(c.urls.len(), 4);
    assert_eq!(c.categories, vec!["Tag"]);
}

#[test]
fn ezvcard_gmail_list_three_cards() {
    let (file, c) = cards(fixture!("ezvcard__gmail-list.vcf"));
    assert_eq!(file.cards.len(), 3);
    assert_eq!(c[2].display_name.as_deref(), Some("Doug White"));
    assert_eq!(c[2].emails[0].value, "dwhite@gmail.com");
    assert_eq!(c[2].emails[0].usage, Usage::Other, "TYPE=INTERNET alone");
    assert_eq!(c[1].family_name.as_deref(), Some("Beatle"));
}

#[test]
fn ezvcard_outlook_2007_qp_note_with_tab() {
    let c = one(fixture!("ezvcard__outlook-2007.vcf"));
    let n = notes(&c);
    assert!(n.starts_with(
        "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n"
    ));
    assert!(n.contains("Address label (work): 222 Broadway\nNew York, NY 99999\nUSA"));
    assert!(n.contains("Role: TheProfession"));
    assert!(n.contains("Anniversary: 2012-08-01"));
    assert_eq!(c.addresses[0].extended.as_deref(), Some("TheOffice"));
    assert_eq!(c.birthday.as_deref(), Some("1922-03-10"));
    assert_eq!(c.phones[4].value, "(111) 555-4444", "X-MS-TEL");
    assert!(c
        .related
        .iter()
        .any(|r| r.value == "TheSpouse" && r.kind.as_deref() == Some("spouse")));
    assert_eq!(c.photo.as_ref().unwrap().media_type, "image/jpeg");
}

#[test]
fn ezvcard_rfc2426_lower_case_begin_two_cards() {
    let (file, c) = cards(fixture!("ezvcard__rfc2426-example.vcf"));
    assert_eq!(file.cards.len(), 2);
    assert_eq!(c[0].display_name.as_deref(), Some("Frank Dawson"));
    assert_eq!(c[0].phones[0].usage, PhoneUsage::Work, "VOICE,MSG,WORK");
    assert_eq!(c[1].addresses[0].region.as_deref(), Some("CA"));
    assert_eq!(c[1].addresses[0].postal_code.as_deref(), Some("94043"));
}

#[test]
fn ezvcard_rfc6350_tel_uri_extension_and_partial_birthday() {
    let c = one(fixture!("ezvcard__rfc6350-example.vcf"));
    assert_eq!(c.birthday.as_deref(), Some("--02-03"));
    assert_eq!(c.suffix.as_deref(), Some("ing. jr,M.Sc."));
    assert_eq!(c.phones[0].value, "+1-418-656-9254");
    assert_eq!(c.phones[0].extension.as_deref(), Some("102"));
    assert_eq!(c.phones[0].usage, PhoneUsage::Work);
    assert_eq!(c.phones[1].usage, PhoneUsage::Mobile);
    assert_eq!(c.addresses[0].extended.as_deref(), Some("Suite D2-630"));
    assert_eq!(c.addresses[0].locality.as_deref(), Some("Quebec"));
    let n = notes(&c);
    assert!(n.contains("Gender: Male"));
    assert!(n.contains("Time zone: -0500"), "{n}");
    assert!(n.contains("Key: http://www.viagenie.ca/simon.perreault/simon.asc"));
}

#[test]
fn ezvcard_thunderbird_extension_escaped_commas_in_categories() {
    let c = one(fixture!(
        "ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf"
    ));
    assert_eq!(c.categories, vec!["category1", "category2", "category3"]);
    assert_eq!(c.related[0].value, "TheSpouse");
    assert_eq!(c.related[0].kind.as_deref(), Some("spouse"));
    assert!(notes(&c).contains("Anniversary: 1990-04-30"));
    assert!(notes(&c).contains("\"note\" field; even curse words."));
    assert_eq!(c.emails.len(), 5);
    assert_eq!(c.photo.as_ref().unwrap().media_type, "image/jpeg");
}

#[test]
fn sabre_issue153_base64_starting_on_a_continuation_line() {
    let c = one(fixture!("sabrevobject__issue153.vcf"));
    assert_eq!(c.display_name.as_deref(), Some("Test Benutzer"));
    let photo = c.photo.as_ref().unwrap();
    assert_eq!(photo.media_type, "image/jpeg");
    assert!(photo.bytes > 19000);
    assert_eq!(&photo.data[..3], &[0xFF, 0xD8, 0xFF]);
}

#[test]
fn thunderbird_dos_cr_cr_lf() {
    let c = one(fixture!("thunderbird__dos_vcard_addressbook.vcf"));
    assert_eq!(c.family_name.as_deref(), Some("Surname"));
    assert_eq!(c.display_name.as_deref(), Some("Name Surname"));
    assert_eq!(c.emails[0].value, "example@gmail.com");
    assert_eq!(c.emails[0].usage, Usage::Home);
}

#[test]
fn thunderbird_blank_lines_between_cards() {
    let (file, c) = cards(fixture!("thunderbird__emptylines_vcard_addressbook.vcf"));
    assert_eq!(file.cards.len(), 2);
    assert_eq!(c[0].display_name.as_deref(), Some("John Doe"));
    assert_eq!(c[1].emails[0].value, "jane.doe@genericemail.invalid");
}

#[test]
fn thunderbird_export_unicode_note_and_custom_fields() {
    let (file, c) = cards(fixture!("thunderbird__export.vcf"));
    assert_eq!(file.cards.len(), 2);
    assert_eq!(file.encoding, "UTF-8");
    assert!(c[0].emails[0].pref, "PREF=1");
    let n = notes(&c[1]);
    assert!(n.starts_with("here's some unicode text\u{2026}"), "{n}");
    assert!(n.contains("X-CUSTOM1: custom, 1"));
    assert!(n.contains("X-CUSTOM2: custom\t2"));
    assert!(n.contains("X-CUSTOM4: custom\n4"));
    assert_eq!(c[1].job_title.as_deref(), Some("\"worker\""));
}

#[test]
fn vobject_photo_test_base64_jpeg() {
    let c = one(fixture!("vobject__photo-test.vcf"));
    assert_eq!(c.family_name, None);
    assert_eq!(c.given_name.as_deref(), Some("my former school"));
    assert_eq!(c.photo.as_ref().unwrap().media_type, "image/jpeg");
    assert!(c.photo.as_ref().unwrap().bytes > 4000);
}

#[test]
fn vobject_quoted_printable_chinese() {
    let c = one(fixture!("vobject__quoted-printable.vcf"));
    assert_eq!(c.family_name.as_deref(), Some("黄"));
    assert_eq!(c.given_name.as_deref(), Some("世勇"));
    assert_eq!(c.display_name.as_deref(), Some("黄世勇"));
    assert_eq!(c.addresses[0].locality.as_deref(), Some("北京 丰台区"));
    assert_eq!(c.urls, vec!["http://weibo.com/3094900433?闪闪H红星"]);
}

#[test]
fn vobject_simple_3_0_partial_birthday_and_escapes() {
    let c = one(fixture!("vobject__simple_3_0_test.vcf"));
    assert_eq!(c.birthday.as_deref(), Some("--02-10"));
    assert_eq!(
        c.addresses[0].street.as_deref(),
        Some("Haight Street 512;\nEscape, Test")
    );
    assert_eq!(c.organization.as_deref(), Some("University of Novosibirsk"));
    assert_eq!(
        c.department.as_deref(),
        Some("Department of Octopus Parthenogenesis")
    );
    assert_eq!(c.phones[0].value, "+01-(0)2-765.43.21");
    assert!(notes(&c).contains("ACCOUNT: 010-1234567-05"));
    assert!(!notes(&c).contains("Birthday"));
}

#[test]
fn vobject_vcard40_full_related_and_tel_uri() {
    let c = one(fixture!("vobject__vcard40_full.vcf"));
    assert_eq!(c.display_name.as_deref(), Some("Dr. John Q. Public, III"));
    assert_eq!(c.nickname.as_deref(), Some("Johnny, JQP"));
    assert_eq!(c.related.len(), 1);
    assert_eq!(
        c.related[0].value,
        "urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519"
    );
    assert_eq!(c.related[0].kind.as_deref(), Some("spouse"));
    assert_eq!(c.phones[0].value, "+1-555-555-5555");
    assert_eq!(c.phones[0].usage, PhoneUsage::Other, "VOICE alone");
    assert_eq!(c.phones[1].usage, PhoneUsage::Mobile);
    assert!(c.emails[1].pref);
    assert_eq!(c.emails[1].usage, Usage::Home);
    assert_eq!(c.birthday.as_deref(), Some("1985-04-15"));
    assert_eq!(c.job_title.as_deref(), Some("CEO"));
    assert_eq!(c.department.as_deref(), Some("North Division"));
    assert_eq!(c.categories, vec!["BUSINESS", "NETWORKING"]);
    let n = notes(&c);
    assert!(n.starts_with("This is a note about John.\nHe likes vCards."));
    for line in [
        "Anniversary: 2010-06-12",
        "Gender: Male",
        "Role: Executive",
        "Photo: http://www.example.com/pub/photos/jqpublic.gif",
        "Organization unit: Marketing",
        "IM: xmpp:john@jabber.example.com",
        "Name (jp): John Q. Public",
    ] {
        assert!(n.contains(line), "{line} in {n}");
    }
    assert!(!n.contains("individual") && !n.contains("f81d4fae"));
}

#[test]
fn vobject_vcard40_multilang_japanese_name_once() {
    let c = one(fixture!("vobject__vcard40_multilang.vcf"));
    assert_eq!(c.display_name.as_deref(), Some("Yamada Taro"));
    assert_eq!(c.family_name.as_deref(), Some("Yamada"));
    assert_eq!(c.given_name.as_deref(), Some("Taro"));
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(json.matches("山田").count(), 1, "{json}");
    assert_eq!(c.notes.as_deref(), Some("Name (ja): 山田太郎"));
}

#[test]
fn vobject_vcard_with_groups_lower_case() {
    let c = one(fixture!("vobject__vcard_with_groups.vcf"));
    assert_eq!(c.family_name.as_deref(), Some("Berger"));
    assert_eq!(c.birthday.as_deref(), Some("1963-09-21"));
    assert_eq!(c.job_title.as_deref(), Some("Mayor"));
    assert_eq!(phone_values(&c), vec![("+49 3581 123456", PhoneUsage::Fax)]);
    let n = notes(&c);
    assert!(n.starts_with(
        "The Mayor of the great city of Goerlitz in the great country of Germany.\nNext line."
    ));
    assert!(n.contains("Address label: Hufenshlagel 1234\n02828 Goerlitz\nDeutschland"));
    assert!(n.contains("Title: Burgermeister"));
    assert!(
        n.contains("O: Universit=E6t G=F6rlitz"),
        "no QP without ENCODING"
    );
}

// ---------------------------------------------------------------- hand-made files

#[test]
fn fold_inside_a_utf8_character() {
    // "Müller" with the fold between the two bytes of ü.
    let bytes = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:M\xC3\r\n \xBCller\r\nN:M\xC3\r\n\t\xBCller;Hans\r\nEND:VCARD\r\n";
    let file = read(bytes).unwrap();
    assert_eq!(file.encoding, "UTF-8");
    let c = file.cards[0].outcome.clone().unwrap();
    assert_eq!(c.display_name.as_deref(), Some("Müller"));
    assert_eq!(c.family_name.as_deref(), Some("Müller"));
}

#[test]
fn qp_soft_break_inside_a_multibyte_sequence() {
    let bytes = b"BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;QUOTED-PRINTABLE:Jos=C3=\n=A9 =E2=82=\n=AC\nEND:VCARD\n";
    let c = one(bytes);
    assert_eq!(c.display_name.as_deref(), Some("José €"));
}

#[test]
fn charset_iso_8859_1_quoted_printable() {
    let bytes = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\nNOTE;CHARSET=ISO-8859-1:Caf\xE9\r\nEND:VCARD\r\n";
    let file = read(bytes).unwrap();
    let c = file.cards[0].outcome.clone().unwrap();
    assert_eq!(c.family_name.as_deref(), Some("Müller"));
    assert_eq!(c.given_name.as_deref(), Some("Jürgen"));
    assert_eq!(c.notes.as_deref(), Some("Café"));
}

#[test]
fn windows_1252_file_without_charset() {
    let bytes = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xE9e Fran\xE7oise L\xE9vesque\r\nN:L\xE9vesque;Ren\xE9e Fran\xE7oise\r\nORG:Soci\xE9t\xE9 g\xE9n\xE9rale des \xE9l\xE8ves\r\nNOTE:D\xE9j\xE0 vu \x96 caf\xE9 cr\xE8me br\xFBl\xE9e \x80 5\r\nEND:VCARD\r\n";
    let file = read(bytes).unwrap();
    assert_eq!(file.encoding, "windows-1252");
    let c = file.cards[0].outcome.clone().unwrap();
    assert_eq!(c.display_name.as_deref(), Some("Renée Françoise Lévesque"));
    assert_eq!(
        c.organization.as_deref(),
        Some("Société générale des élèves")
    );
    assert_eq!(c.notes.as_deref(), Some("Déjà vu – café crème brûlée € 5"));
}

#[test]
fn empty_file() {
    for bytes in [&b""[..], b"  \r\n\r\n", b"\xEF\xBB\xBF"] {
        let err = read(bytes).unwrap_err();
        assert_eq!(err.reason, Reason::EmptyFile);
        assert!(!err.message.is_empty());
    }
}

#[test]
fn random_bytes_are_not_a_vcard() {
    // A fixed pseudo-random sequence (xorshift), so the test is repeatable.
    let mut state: u32 = 0x9E37_79B9;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 24) as u8
        })
        .collect();
    let err = read(&bytes).unwrap_err();
    assert_eq!(err.reason, Reason::UnsupportedFile);
    assert!(err.message.contains("vCard"), "{}", err.message);
}

#[test]
fn apple_item_label_gives_the_type() {
    let bytes = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nitem1.EMAIL;type=INTERNET:ann@example.org\r\nitem1.X-ABLabel:_$!<Other>!$_\r\nitem2.EMAIL;type=INTERNET:ann@work.example\r\nitem2.X-ABLabel:_$!<Work>!$_\r\nitem3.TEL:+33 1 23 45 67 89\r\nitem3.X-ABLabel:_$!<Mobile>!$_\r\nEND:VCARD\r\n";
    let c = one(bytes);
    assert_eq!(c.emails[0].value, "ann@example.org");
    assert_eq!(c.emails[0].usage, Usage::Other);
    assert_eq!(c.emails[1].usage, Usage::Work);
    assert_eq!(c.phones[0].usage, PhoneUsage::Mobile);
    assert_eq!(c.notes, None, "applied labels are not notes");
}

#[test]
fn cards_are_numbered_with_the_truncated_ones() {
    let bytes = b"BEGIN:VCARD\nFN:One\nEND:VCARD\nBEGIN:VCARD\nFN:Two\nBEGIN:VCARD\nFN:Three\nEND:VCARD\nBEGIN:VCARD\nFN:Four\n";
    let file = read(bytes).unwrap();
    assert_eq!(file.cards.len(), 4);
    let kinds: Vec<(u64, bool)> = file
        .cards
        .iter()
        .map(|c| (c.record, c.outcome.is_ok()))
        .collect();
    assert_eq!(kinds, vec![(1, true), (2, false), (3, true), (4, false)]);
    let three = file.cards[2].outcome.clone().unwrap();
    assert_eq!(three.display_name.as_deref(), Some("Three"));
}

#[test]
fn data_uri_photo_and_version_last() {
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    let text = format!(
        "begin:vcard\nfn:Pic\nphoto:data:image/jpeg;base64,{png}\nbday:--0210\nversion:4.0\nend:vcard\n"
    );
    let c = one(text.as_bytes());
    assert_eq!(c.photo.as_ref().unwrap().media_type, "image/png");
    assert_eq!(c.birthday.as_deref(), Some("--02-10"));
    assert_eq!(c.display_name.as_deref(), Some("Pic"));
}
