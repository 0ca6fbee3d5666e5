use super::*;

fn s(items: &[&str]) -> Vec<String> {
    items.iter().map(|c| c.to_string()).collect()
}

fn rows(data: &[&[&str]]) -> Vec<TableRow> {
    data.iter()
        .enumerate()
        .map(|(i, cells)| TableRow {
            record: i as u64 + 1,
            cells: s(cells),
        })
        .collect()
}

fn mapped(headers: &[&str]) -> Vec<String> {
    auto(&s(headers), true, &[])
        .targets
        .iter()
        .map(Target::key)
        .collect()
}

#[test]
fn keys_round_trip() {
    let all = Target::all();
    assert_eq!(all.len(), 10 + 3 + 6 + 21 + 10);
    for target in &all {
        assert_eq!(
            Target::parse(&target.key()),
            Some(*target),
            "{}",
            target.key()
        );
        assert!(!target.label().is_empty());
    }
}

#[test]
fn short_and_loose_key_forms() {
    assert_eq!(Target::parse("email"), Some(Target::Email(Usage::Other)));
    assert_eq!(
        Target::parse("phone"),
        Some(Target::Phone(PhoneUsage::Other))
    );
    assert_eq!(
        Target::parse("address.city"),
        None,
        "parts use their key names"
    );
    assert_eq!(
        Target::parse("address.locality"),
        Some(Target::Address(Usage::Other, AddressPart::Locality))
    );
    assert_eq!(Target::parse(" Given_Name "), Some(Target::GivenName));
    for bad in [
        "",
        "email.office",
        "phone.car",
        "address.home",
        "address.home.city",
        "name",
        "email.work.x",
    ] {
        assert_eq!(Target::parse(bad), None, "{bad}");
    }
}

#[test]
fn outlook_headers() {
    assert_eq!(
        mapped(&[
            "Title",
            "First Name",
            "Middle Name",
            "Last Name",
            "Suffix",
            "Company",
            "Department",
            "Job Title",
            "Business Street",
            "Business Street 2",
            "Business City",
            "Business State",
            "Business Postal Code",
            "Business Country/Region",
            "Home Street",
            "Business Phone",
            "Business Phone 2",
            "Mobile Phone",
            "Home Phone",
            "Business Fax",
            "Pager",
            "E-mail Address",
            "E-mail 2 Address",
            "E-mail 3 Address",
            "Birthday",
            "Notes",
            "Categories",
            "Web Page",
            "Nickname",
            "Gender",
            "Custom Field Nobody Knows",
        ]),
        s(&[
            "prefix",
            "given_name",
            "middle_name",
            "family_name",
            "suffix",
            "organization",
            "department",
            "job_title",
            "address.work.street",
            "address.work.extended",
            "address.work.locality",
            "address.work.region",
            "address.work.postal_code",
            "address.work.country",
            "address.home.street",
            "phone.work",
            "phone.work",
            "phone.mobile",
            "phone.home",
            "phone.fax",
            "phone.pager",
            "email.other",
            "email.other",
            "email.other",
            "birthday",
            "notes",
            "categories",
            "url",
            "nickname",
            "note",
            "note",
        ])
    );
}

#[test]
fn german_french_spanish_headers() {
    assert_eq!(
        mapped(&[
            "Anrede",
            "Vorname",
            "Weitere Vornamen",
            "Nachname",
            "Firma",
            "Abteilung",
            "Position",
            "Straße geschäftlich",
            "Ort geschäftlich",
            "Region geschäftlich",
            "Postleitzahl geschäftlich",
            "Land/Region geschäftlich",
            "Telefon geschäftlich",
            "Mobiltelefon",
            "Telefon privat",
            "Fax geschäftlich",
            "E-Mail-Adresse",
            "E-Mail 2: Adresse",
            "Geburtstag",
            "Notizen",
            "Kategorien",
            "Webseite",
        ]),
        s(&[
            "prefix",
            "given_name",
            "middle_name",
            "family_name",
            "organization",
            "department",
            "job_title",
            "address.work.street",
            "address.work.locality",
            "address.work.region",
            "address.work.postal_code",
            "address.work.country",
            "phone.work",
            "phone.mobile",
            "phone.home",
            "phone.fax",
            "email.other",
            "email.other",
            "birthday",
            "notes",
            "categories",
            "url",
        ])
    );
    assert_eq!(
        mapped(&[
            "Prénom",
            "Nom",
            "Société",
            "Courriel",
            "Adresse e-mail",
            "Téléphone",
            "PRENOM"
        ]),
        s(&[
            "given_name",
            "family_name",
            "organization",
            "email.other",
            "email.other",
            "phone.other",
            "given_name"
        ])
    );
    assert_eq!(
        mapped(&[
            "Nombre",
            "Apellidos",
            "Empresa",
            "Correo electrónico",
            "Teléfono móvil"
        ]),
        s(&[
            "given_name",
            "family_name",
            "organization",
            "email.other",
            "phone.mobile"
        ])
    );
}

#[test]
fn google_and_thunderbird_headers() {
    assert_eq!(
        mapped(&[
            "Name",
            "Given Name",
            "Family Name",
            "E-mail 1 - Type",
            "E-mail 1 - Value",
            "Phone 1 - Type",
            "Phone 1 - Value",
            "Address 1 - Street",
            "Organization 1 - Name",
            "Organization 1 - Title",
            "Group Membership",
            "IM 1 - Service",
        ]),
        s(&[
            "display_name",
            "given_name",
            "family_name",
            "note",
            "email.other",
            "note",
            "phone.other",
            "address.other.street",
            "organization",
            "job_title",
            "categories",
            "note",
        ])
    );
    assert_eq!(
        mapped(&[
            "First Name",
            "Organization Name",
            "Organization Title",
            "Organization Department",
            "Labels",
            "E-mail 1 - Label",
            "Address 2 - Postal Code",
            "Website 1 - Value",
        ]),
        s(&[
            "given_name",
            "organization",
            "job_title",
            "department",
            "categories",
            "note",
            "address.other.postal_code",
            "url",
        ])
    );
    assert_eq!(
        mapped(&[
            "Primary Email",
            "Secondary Email",
            "Screen Name",
            "Fax Number",
            "Pager Number",
            "Mobile Number",
            "Home Address 2",
            "Home ZipCode",
            "Work Address",
            "Web Page 2",
            "Birth Year",
            "Birth Month",
            "Birth Day",
            "Custom 1",
        ]),
        s(&[
            "email.other",
            "email.other",
            "note",
            "phone.fax",
            "phone.pager",
            "phone.mobile",
            "address.home.extended",
            "address.home.postal_code",
            "address.work.street",
            "url",
            "birth_year",
            "birth_month",
            "birth_day",
            "note",
        ])
    );
}

#[test]
fn plain_title_is_a_job_title_unless_prefixes() {
    assert_eq!(
        mapped(&["Name", "Email", "Company", "Title"])[3],
        "job_title"
    );
    let sample = rows(&[&["Mr."], &["Dr"], &[""]]);
    assert_eq!(
        auto(&s(&["Title"]), true, &sample).targets,
        vec![Target::Prefix]
    );
}

#[test]
fn header_detection() {
    assert!(looks_like_header(&s(&[
        "First Name",
        "Last Name",
        "Shoe size",
        ""
    ])));
    assert!(looks_like_header(&s(&[
        "E-mail 1 - Value",
        "Phone 1 - Label"
    ])));
    assert!(!looks_like_header(&s(&[
        "John Doe",
        "John",
        "Doe",
        "john@doe.invalid"
    ])));
    assert!(!looks_like_header(&s(&["Shoe size", "Colour", "Email"])));
    assert!(!looks_like_header(&s(&["", ""])));
}

#[test]
fn content_mapping_without_header() {
    let sample = rows(&[
        &["John Doe", "John", "Doe", "john@doe.invalid"],
        &["Jane Doe", "Jane", "Doe", "jane@doe.invalid"],
    ]);
    let targets = auto(&crate::table::generated_headers(4), false, &sample).targets;
    assert_eq!(
        targets,
        vec![
            Target::DisplayName,
            Target::GivenName,
            Target::FamilyName,
            Target::Email(Usage::Other)
        ]
    );
    let sample = rows(&[
        &[
            "Ada Lovelace",
            "+44 20 7946 0958",
            "12",
            "https://example.org",
        ],
        &["Alan Turing", "(800) 000-0000", "x7", ""],
    ]);
    let targets = auto(&crate::table::generated_headers(4), false, &sample).targets;
    assert_eq!(
        targets,
        vec![
            Target::DisplayName,
            Target::Phone(PhoneUsage::Other),
            Target::Note,
            Target::Url
        ]
    );
}

#[test]
fn overrides_and_their_messages() {
    let headers = s(&["Name", "Shoe Size", "E-mail"]);
    let mut mapping = auto(&headers, true, &[]);
    let mut choices = BTreeMap::new();
    choices.insert("shoe size".to_string(), "ignore".to_string());
    choices.insert("E-mail".to_string(), "email.work".to_string());
    apply_overrides(&mut mapping, &headers, &choices).unwrap();
    assert_eq!(
        mapping.targets,
        vec![
            Target::DisplayName,
            Target::Ignore,
            Target::Email(Usage::Work)
        ]
    );

    let mut unknown_header = BTreeMap::new();
    unknown_header.insert("Fax".to_string(), "phone.fax".to_string());
    let err = apply_overrides(&mut mapping, &headers, &unknown_header).unwrap_err();
    assert_eq!(err.reason, Reason::UnsupportedFile);
    assert!(err.message.contains("column \"Fax\""), "{}", err.message);
    assert!(
        err.message.contains("Name, Shoe Size, E-mail"),
        "{}",
        err.message
    );

    let mut unknown_key = BTreeMap::new();
    unknown_key.insert("Name".to_string(), "phone.car".to_string());
    let err = apply_overrides(&mut mapping, &headers, &unknown_key).unwrap_err();
    assert!(err.message.contains("\"Name\""), "{}", err.message);
    assert!(
        err.message.contains("unknown field \"phone.car\""),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("address.home.postal_code"),
        "{}",
        err.message
    );
}

#[test]
fn unmapped_cells_stay_in_notes() {
    let headers = s(&["First Name", "Shoe Size", "Notes", "Ignored", "First Name"]);
    let mut mapping = auto(&headers, true, &[]);
    mapping.targets[3] = Target::Ignore;
    let fields = apply(
        &mapping,
        &headers,
        &s(&[" Zoë ", "44", "Likes tea", "secret", "Zoe", "past the end"]),
    );
    assert_eq!(fields.given_name.as_deref(), Some("Zoë"));
    assert_eq!(
        fields.notes.as_deref(),
        Some("Shoe Size: 44\nLikes tea\nFirst Name: Zoe\nColumn 6: past the end")
    );
}

#[test]
fn formulas_and_text_are_kept_verbatim() {
    let headers = s(&["Company", "Notes", "Phone"]);
    let mapping = auto(&headers, true, &[]);
    let fields = apply(
        &mapping,
        &headers,
        &s(&["=HYPERLINK(\"x\")", "@home -", "+1 555 0100 ext. 2"]),
    );
    assert_eq!(fields.organization.as_deref(), Some("=HYPERLINK(\"x\")"));
    assert_eq!(fields.notes.as_deref(), Some("@home -"));
    assert_eq!(fields.phones[0].value, "+1 555 0100 ext. 2");
    assert_eq!(fields.phones[0].e164, None);
    assert_eq!(fields.phones[0].extension, None);
}

#[test]
fn google_labels_set_usage_and_split_values() {
    let headers = s(&[
        "First Name",
        "Labels",
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "Phone 1 - Label",
        "Phone 1 - Value",
        "Phone 2 - Label",
        "Phone 2 - Value",
        "Address 1 - Label",
        "Address 1 - Formatted",
        "Address 1 - City",
        "Relation 1 - Label",
        "Relation 1 - Value",
    ]);
    let mapping = auto(&headers, true, &[]);
    let fields = apply(
        &mapping,
        &headers,
        &s(&[
            "Ana",
            "* myContacts ::: Friends",
            "* Work ::: Home",
            "ana@work.example ::: ana@home.example",
            "Mobile",
            "+34 600 000 000",
            "Assistant",
            "+34 910 000 000",
            "Home",
            "Calle Mayor 1, Madrid",
            "Madrid",
            "Spouse",
            "Luis",
        ]),
    );
    assert_eq!(fields.categories, s(&["myContacts", "Friends"]));
    assert_eq!(fields.emails.len(), 2);
    assert_eq!(
        (fields.emails[0].usage, fields.emails[0].pref),
        (Usage::Work, true)
    );
    assert_eq!(
        (fields.emails[1].usage, fields.emails[1].pref),
        (Usage::Home, false)
    );
    assert_eq!(fields.phones[0].usage, PhoneUsage::Mobile);
    assert_eq!(fields.phones[1].usage, PhoneUsage::Other);
    assert_eq!(fields.addresses.len(), 1);
    assert_eq!(fields.addresses[0].usage, Usage::Home);
    assert_eq!(fields.addresses[0].locality.as_deref(), Some("Madrid"));
    assert_eq!(fields.related[0].value, "Luis");
    assert_eq!(fields.related[0].kind.as_deref(), Some("Spouse"));
    // The unknown label is kept; the formatted address repeats the parts and is not.
    assert_eq!(fields.notes.as_deref(), Some("Phone 2 - Label: Assistant"));
}

#[test]
fn birthdays() {
    let headers = s(&["Birth Year", "Birth Month", "Birth Day"]);
    let mapping = auto(&headers, true, &[]);
    assert_eq!(
        apply(&mapping, &headers, &s(&["1980", "5", "17"]))
            .birthday
            .as_deref(),
        Some("1980-05-17")
    );
    assert_eq!(
        apply(&mapping, &headers, &s(&["", "05", "17"]))
            .birthday
            .as_deref(),
        Some("--05-17")
    );
    let only_year = apply(&mapping, &headers, &s(&["1980", "", ""]));
    assert_eq!(only_year.birthday, None);
    assert_eq!(only_year.notes.as_deref(), Some("Birth Year: 1980"));
    let bad = apply(&mapping, &headers, &s(&["1980", "02", "30"]));
    assert_eq!(
        bad.notes.as_deref(),
        Some("Birth Year: 1980\nBirth Month: 02\nBirth Day: 30")
    );

    assert_eq!(
        parse_date("5/17/1980", false).as_deref(),
        Some("1980-05-17")
    );
    assert_eq!(
        parse_date("17/5/1980", false).as_deref(),
        Some("1980-05-17")
    );
    assert_eq!(
        parse_date("03/04/1980", true).as_deref(),
        Some("1980-04-03")
    );
    assert_eq!(
        parse_date("17.05.1980", false).as_deref(),
        Some("1980-05-17")
    );
    assert_eq!(
        parse_date("1980-05-17", false).as_deref(),
        Some("1980-05-17")
    );
    assert_eq!(parse_date("--05-17", false).as_deref(), Some("--05-17"));
    assert_eq!(parse_date("5/17/80", false), None);
    let headers = s(&["Birthday", "Anniversary"]);
    let mapping = auto(&headers, true, &[]);
    assert!(apply(&mapping, &headers, &s(&["0/0/00", "0/0/00"])).is_blank());
    let odd = apply(&mapping, &headers, &s(&["next spring", ""]));
    assert_eq!(odd.notes.as_deref(), Some("Birthday: next spring"));
}

#[test]
fn outlook_placeholders_are_not_notes() {
    let headers = s(&[
        "E-mail Address",
        "E-mail Type",
        "E-mail Display Name",
        "Gender",
        "Priority",
        "Private",
        "Sensitivity",
    ]);
    let mapping = auto(&headers, true, &[]);
    let fields = apply(
        &mapping,
        &headers,
        &s(&[
            "ada@example.org",
            "SMTP",
            "Ada (ada@example.org)",
            "Unspecified",
            "Normal",
            "False",
            "Normal",
        ]),
    );
    assert_eq!(fields.notes, None);
    let fields = apply(
        &mapping,
        &headers,
        &s(&["", "", "", "Female", "High", "True", ""]),
    );
    assert_eq!(
        fields.notes.as_deref(),
        Some("Gender: Female\nPriority: High\nPrivate: True")
    );
}

#[test]
fn categories_split_on_the_separator_used() {
    let headers = s(&["Categories"]);
    let mapping = auto(&headers, true, &[]);
    assert_eq!(
        apply(&mapping, &headers, &s(&["Friends; Work;"])).categories,
        s(&["Friends", "Work"])
    );
    assert_eq!(
        apply(&mapping, &headers, &s(&["a, b"])).categories,
        s(&["a", "b"])
    );
    assert_eq!(
        apply(&mapping, &headers, &s(&["x; y, z"])).categories,
        s(&["x", "y, z"])
    );
}

#[test]
fn addresses_group_by_usage() {
    let headers = s(&[
        "Business Street",
        "Business Street 2",
        "Business Street 3",
        "Business City",
        "Home City",
    ]);
    let mapping = auto(&headers, true, &[]);
    let fields = apply(
        &mapping,
        &headers,
        &s(&["1 Main St\nFloor 2", "Suite 5", "Wing B", "Leeds", "York"]),
    );
    assert_eq!(fields.addresses.len(), 2);
    let work = &fields.addresses[0];
    assert_eq!(work.usage, Usage::Work);
    assert_eq!(work.street.as_deref(), Some("1 Main St\nFloor 2"));
    assert_eq!(work.extended.as_deref(), Some("Suite 5, Wing B"));
    assert_eq!(fields.addresses[1].locality.as_deref(), Some("York"));
}
