//! The delimited reader and the column mapping against real exports (tests/fixtures, see
//! SOURCES.md) and Rapport's own samples (tests/fixtures/own, see its README.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rapport_import::delimited;
use rapport_import::fields::{PhoneUsage, Usage};
use rapport_import::mapping::{self, Target};
use rapport_import::table::generated_headers;
use rapport_import::{ContactFields, Table, TableRow};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../tests/fixtures/");

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(FIXTURES).join(name)
}

/// Opens a fixture and reads all its rows (they are few).
fn read(name: &str) -> (Table, Vec<TableRow>) {
    let mut table = delimited::open(&fixture(name)).unwrap();
    let rows = std::mem::replace(&mut table.rows, Box::new(std::iter::empty()))
        .map(Result::unwrap)
        .collect();
    (table, rows)
}

/// The fields of every row under the automatic mapping.
fn contacts(table: &Table, rows: &[TableRow]) -> Vec<ContactFields> {
    let mapping = mapping::auto(&table.headers, table.has_header, rows);
    rows.iter()
        .map(|r| mapping::apply(&mapping, &table.headers, &r.cells))
        .collect()
}

fn s(items: &[&str]) -> Vec<String> {
    items.iter().map(|c| c.to_string()).collect()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn thunderbird_shift_jis() {
    let (table, rows) = read("thunderbird__shiftjis_addressbook.csv");
    assert_eq!(table.encoding, "Shift_JIS");
    assert_eq!(table.format, "csv");
    assert!(table.has_header);
    // The header's trailing comma does not make a 38th column.
    assert_eq!(table.headers.len(), 37);
    assert_eq!(table.headers[0], "First Name");
    assert_eq!(table.headers[36], "Screen Name");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].record, 1);
    assert_eq!(rows[0].cells.len(), 37);
    assert_eq!(
        &rows[0].cells[..5],
        &s(&[
            "権兵衛",
            "名無し",
            "名無しの権兵衛",
            "",
            "名無しの権兵衛@host.invalid"
        ])[..]
    );

    let c = &contacts(&table, &rows)[0];
    assert_eq!(c.given_name, some("権兵衛"));
    assert_eq!(c.family_name, some("名無し"));
    assert_eq!(c.display_name, some("名無しの権兵衛"));
    assert_eq!(c.emails.len(), 1);
    assert_eq!(c.emails[0].value, "名無しの権兵衛@host.invalid");
    assert!(c.emails[0].pref, "Thunderbird's Primary Email");
    assert_eq!(c.notes, None);
}

#[test]
fn thunderbird_utf16() {
    let (table, rows) = read("thunderbird__utf16_addressbook.csv");
    assert_eq!(table.encoding, "UTF-16LE");
    assert!(table.has_header);
    assert_eq!(table.headers.len(), 37);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].cells.len(), 37);
    let c = &contacts(&table, &rows)[0];
    assert_eq!(c.given_name, some("John"));
    assert_eq!(c.family_name, some("Doe"));
    assert_eq!(c.display_name, some("John Doe"));
    assert_eq!(c.emails[0].value, "johndoe@host.invalid");
}

#[test]
fn thunderbird_quoted_company_row() {
    let (table, rows) = read("thunderbird__quote.csv");
    assert_eq!(table.encoding, "UTF-8");
    assert_eq!(table.headers.len(), 37);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].cells.len(), 37);
    let c = &contacts(&table, &rows)[0];
    let expected = ContactFields {
        display_name: some("Acer America"),
        organization: some("Acer America"),
        phones: vec![rapport_import::fields::PhoneField {
            value: "(800) 000-0000".into(),
            usage: PhoneUsage::Work,
            e164: None,
            extension: None,
        }],
        ..ContactFields::default()
    };
    assert_eq!(c, &expected);
}

#[test]
fn thunderbird_export_with_awkward_cells() {
    let (table, rows) = read("thunderbird__export.csv");
    assert_eq!(table.encoding, "UTF-8");
    assert_eq!(table.format, "csv");
    assert_eq!(table.headers.len(), 37);
    assert_eq!(
        rows.iter().map(|r| r.record).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert!(rows.iter().all(|r| r.cells.len() == 37));
    let cells = &rows[1].cells;
    assert_eq!(cells[24], "\"worker\"");
    assert_eq!(
        &cells[32..],
        &s(&[
            "custom, 1",
            "custom\t2",
            "custom\r3",
            "custom\n4",
            "here's some unicode text…"
        ])[..]
    );

    let all = contacts(&table, &rows);
    assert_eq!(all[0].emails[0].value, "contact1@invalid");
    assert_eq!(all[0].display_name, some("contact number one"));
    let two = &all[1];
    assert_eq!(two.given_name, some("contact"));
    assert_eq!(two.family_name, some("two"));
    assert_eq!(two.job_title, some("\"worker\""));
    assert_eq!(
        two.notes.as_deref(),
        Some("Custom 1: custom, 1\nCustom 2: custom\t2\nCustom 3: custom\r3\nCustom 4: custom\n4\nhere's some unicode text…")
    );
}

#[test]
fn thunderbird_tab_comma_mixed() {
    // Tab gives 5 columns on three rows of four, comma more than one column on one row only:
    // tab wins, and the comma row is yielded with its one real cell (the import rejects it).
    let (table, rows) = read("thunderbird__tab_comma_mixed.csv");
    assert_eq!(table.format, "tsv");
    assert!(!table.has_header);
    assert_eq!(table.headers, generated_headers(5));
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].record, 1);
    assert_eq!(
        rows[0].cells,
        s(&["1,1,1,1,1@host.invalid,,,,,,,,,,,,,,,,,,,,,"])
    );
    assert_eq!(rows[1].cells, s(&["2", "2", "2", "2", "2@host.invalid"]));
    assert_eq!(rows[3].record, 4);
    assert_eq!(rows[3].cells, s(&["4", "4", "4", "4", "4@host.invalid"]));
    let mapping = mapping::auto(&table.headers, false, &rows);
    assert_eq!(mapping.targets[4], Target::Email(Usage::Other));
}

#[test]
fn thunderbird_csv_without_header() {
    let (table, rows) = read("thunderbird__csv_no_header.csv");
    assert_eq!(table.format, "csv");
    assert!(!table.has_header);
    assert_eq!(table.headers, generated_headers(4));
    assert_eq!(rows.len(), 2);
    let mapping = mapping::auto(&table.headers, false, &rows);
    assert_eq!(
        mapping.targets,
        vec![
            Target::DisplayName,
            Target::GivenName,
            Target::FamilyName,
            Target::Email(Usage::Other)
        ]
    );
    let all = contacts(&table, &rows);
    assert_eq!(all[1].display_name, some("Jane Doe"));
    assert_eq!(all[1].given_name, some("Jane"));
    assert_eq!(all[1].family_name, some("Doe"));
    assert_eq!(all[1].emails[0].value, "jane@doe.invalid");
    assert_eq!(all[1].notes, None);
}

#[test]
fn own_outlook_windows_1252() {
    let (table, rows) = read("own/outlook_windows1252.csv");
    assert_eq!(table.encoding, "windows-1252");
    assert_eq!(table.format, "csv");
    assert!(table.has_header);
    assert_eq!(table.headers.len(), 68);
    assert_eq!(rows.len(), 2);
    let mapping = mapping::auto(&table.headers, true, &rows);
    assert_eq!(
        mapping.targets[0],
        Target::Prefix,
        "Title next to Job Title"
    );
    let all = contacts(&table, &rows);

    let rene = &all[0];
    assert_eq!(rene.prefix, some("Mr."));
    assert_eq!(rene.given_name, some("René"));
    assert_eq!(rene.family_name, some("Müller"));
    assert_eq!(rene.organization, some("Café Zürich Ltd"));
    assert_eq!(rene.department, some("Sales"));
    assert_eq!(rene.job_title, some("Account Manager"));
    assert_eq!(rene.addresses.len(), 1);
    let work = &rene.addresses[0];
    assert_eq!(work.usage, Usage::Work);
    assert_eq!(work.street, some("Flat 2\r\n10 Downing Street"));
    assert_eq!(work.locality, some("London"));
    assert_eq!(work.postal_code, some("SW1A 2AA"));
    assert_eq!(work.country, some("United Kingdom"));
    let phones: Vec<(&str, PhoneUsage)> = rene
        .phones
        .iter()
        .map(|p| (p.value.as_str(), p.usage))
        .collect();
    assert_eq!(
        phones,
        vec![
            ("+44 20 7946 0958", PhoneUsage::Work),
            ("+44 7700 900123", PhoneUsage::Mobile)
        ]
    );
    assert_eq!(rene.birthday, some("1980-05-17"));
    assert_eq!(rene.categories, s(&["Clients", "VIP"]));
    assert_eq!(rene.emails.len(), 1);
    assert_eq!(rene.emails[0].value, "rene.muller@example.co.uk");
    assert_eq!(rene.urls, s(&["https://cafe-zurich.example"]));
    // Outlook's empty values (0/0/00, Unspecified, Normal, False, SMTP, the display name that
    // repeats the address) are not notes; the € survives Windows-1252.
    assert_eq!(rene.notes, some("Owes us 250 € for the café voucher"));

    let hj = &all[1];
    assert_eq!(hj.given_name, some("Hans-Jürgen"));
    assert_eq!(hj.family_name, some("Weiß"));
    assert_eq!(hj.organization, some("Straßenbau GmbH"));
    assert_eq!(hj.birthday, None);
    assert_eq!(hj.addresses[0].usage, Usage::Home);
    assert_eq!(hj.addresses[0].locality, some("Köln"));
    assert_eq!(hj.phones[0].usage, PhoneUsage::Home);
    assert_eq!(hj.related[0].value, "Anneliese Weiß");
    assert_eq!(hj.notes, some("Gender: Male"));
}

#[test]
fn own_german_outlook_semicolons() {
    let (table, rows) = read("own/outlook_german_semicolon_windows1252.csv");
    assert_eq!(table.encoding, "windows-1252");
    assert_eq!(table.format, "csv");
    assert!(table.has_header);
    assert_eq!(table.headers.len(), 37);
    assert_eq!(table.headers[8], "Straße geschäftlich");
    assert!(rows.iter().all(|r| r.cells.len() == 37));
    let mapping = mapping::auto(&table.headers, true, &rows);
    // Only Outlook's bookkeeping columns (E-Mail-Typ, E-Mail: Angezeigter Name, Geschlecht,
    // Priorität, Privat, Vertraulichkeit) are notes; every other German header has its field.
    let notes: Vec<&str> = table
        .headers
        .iter()
        .zip(&mapping.targets)
        .filter(|(_, t)| **t == Target::Note)
        .map(|(h, _)| h.as_str())
        .collect();
    assert_eq!(
        notes,
        vec![
            "E-Mail-Typ",
            "E-Mail: Angezeigter Name",
            "Geschlecht",
            "Priorität",
            "Privat",
            "Vertraulichkeit"
        ]
    );
    let all = contacts(&table, &rows);

    let j = &all[0];
    assert_eq!(j.prefix, some("Herr"));
    assert_eq!(j.given_name, some("Jürgen"));
    assert_eq!(j.family_name, some("Groß"));
    assert_eq!(j.organization, some("Müller & Söhne GmbH"));
    assert_eq!(j.department, some("Einkauf"));
    assert_eq!(j.job_title, some("Einkaufsleiter"));
    let a = &j.addresses[0];
    assert_eq!(
        (
            a.usage,
            a.street.as_deref(),
            a.locality.as_deref(),
            a.region.as_deref()
        ),
        (
            Usage::Work,
            Some("Königstraße 12"),
            Some("Stuttgart"),
            Some("Baden-Württemberg")
        )
    );
    assert_eq!(
        (a.postal_code.as_deref(), a.country.as_deref()),
        (Some("70173"), Some("Deutschland"))
    );
    let phones: Vec<(&str, PhoneUsage)> = j
        .phones
        .iter()
        .map(|p| (p.value.as_str(), p.usage))
        .collect();
    assert_eq!(
        phones,
        vec![
            ("+49 711 123457", PhoneUsage::Fax),
            ("+49 711 123456", PhoneUsage::Work),
            ("+49 171 2345678", PhoneUsage::Mobile)
        ]
    );
    let emails: Vec<&str> = j.emails.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(
        emails,
        vec!["juergen.gross@example.de", "j.gross@example.com"]
    );
    assert_eq!(j.birthday, some("1975-05-17"));
    assert_eq!(j.categories, s(&["Lieferanten"]));
    assert_eq!(j.urls, s(&["www.mueller-soehne.example"]));
    assert_eq!(
        j.notes,
        some("Geschlecht: Männlich\nBevorzugt Anrufe vormittags; spricht Französisch")
    );

    let z = &all[1];
    assert_eq!(z.given_name, some("Zoë"));
    assert_eq!(z.family_name, some("Nußbaum"));
    assert_eq!(z.addresses[0].usage, Usage::Home);
    assert_eq!(z.addresses[0].country, some("Österreich"));
    assert_eq!(z.birthday, None);
    assert_eq!(z.categories, s(&["Kunden", "Presse"]));
    assert_eq!(z.notes, None);
}

#[test]
fn own_google_contacts() {
    let (table, rows) = read("own/google_contacts_utf8_bom.csv");
    assert_eq!(table.encoding, "UTF-8");
    assert_eq!(table.format, "csv");
    assert!(table.has_header);
    assert_eq!(
        table.headers[0], "First Name",
        "the byte-order mark is not in the header"
    );
    assert_eq!(rows.len(), 2);
    let all = contacts(&table, &rows);

    let sk = &all[0];
    assert_eq!(sk.given_name, some("Søren"));
    assert_eq!(sk.family_name, some("Kierkegaard"));
    assert_eq!(sk.nickname, some("SK"));
    assert_eq!(sk.organization, some("Københavns Universitet"));
    assert_eq!(sk.job_title, some("Lecturer"));
    assert_eq!(sk.department, some("Philosophy"));
    assert_eq!(sk.birthday, some("1813-05-05"));
    assert_eq!(sk.categories, s(&["myContacts", "Friends"]));
    let emails: Vec<(&str, Usage, bool)> = sk
        .emails
        .iter()
        .map(|e| (e.value.as_str(), e.usage, e.pref))
        .collect();
    assert_eq!(
        emails,
        vec![
            ("soren@ku.example", Usage::Work, true),
            ("soren.k@mail.example", Usage::Home, false)
        ]
    );
    let phones: Vec<(&str, PhoneUsage)> = sk
        .phones
        .iter()
        .map(|p| (p.value.as_str(), p.usage))
        .collect();
    assert_eq!(
        phones,
        vec![
            ("+45 20 12 34 56", PhoneUsage::Mobile),
            ("+45 35 32 00 00", PhoneUsage::Work)
        ]
    );
    assert_eq!(sk.addresses.len(), 1);
    let home = &sk.addresses[0];
    assert_eq!(home.usage, Usage::Home);
    assert_eq!(home.street, some("Nørregade 10"));
    assert_eq!(home.locality, some("København"));
    assert_eq!(home.postal_code, some("1165"));
    assert_eq!(home.country, some("Denmark"));
    assert_eq!(sk.urls, s(&["https://soren.example"]));
    assert_eq!(
        sk.notes,
        some("Prefers letters.\nNo calls after 8pm\nWebsite 1 - Label: Blog")
    );

    let lee = &all[1];
    assert_eq!(lee.given_name, some("小龍"));
    assert_eq!(lee.family_name, some("李"));
    assert_eq!(lee.birthday, some("--11-27"));
    assert_eq!(lee.categories, s(&["myContacts"]));
    assert_eq!(
        (lee.emails[0].usage, lee.emails[0].pref),
        (Usage::Other, true)
    );
    assert_eq!(lee.phones[0].usage, PhoneUsage::Other);
    assert_eq!(lee.notes, some("Phone 1 - Label: Assistant"));
}

#[test]
fn own_generic_tsv() {
    let (table, rows) = read("own/generic_contacts.tsv");
    assert_eq!(table.encoding, "UTF-8");
    assert_eq!(table.format, "tsv");
    assert!(table.has_header);
    assert_eq!(
        table.headers,
        s(&["Name", "Email", "Phone", "Company", "Title", "Notes"])
    );
    assert_eq!(
        rows.iter().map(|r| r.record).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    assert_eq!(
        rows[0].cells[5],
        "Met at the \"Difference\" talk,\tthen wrote"
    );
    assert!(rows[1].is_blank());
    assert_eq!(
        rows[3].cells,
        s(&["Alan Turing", "alan@example.ac.uk"]),
        "too few cells, as they are"
    );

    let all = contacts(&table, &rows);
    let ada = &all[0];
    assert_eq!(ada.display_name, some("Ada Lovelace"));
    assert_eq!(ada.emails[0].value, "ada@example.org");
    assert_eq!(ada.phones[0].value, "+44 20 7946 0000");
    assert_eq!(ada.organization, some("Analytical Engines"));
    assert_eq!(
        ada.job_title,
        some("Countess"),
        "a generic Title is the job title"
    );
    assert_eq!(
        ada.notes,
        some("Met at the \"Difference\" talk,\tthen wrote")
    );
    assert!(all[1].is_blank());
    assert_eq!(all[2].phones[0].value, "(202) 555-0143");
}

#[test]
fn a_large_file_streams() {
    const ROWS: u64 = 200_000;
    let mut file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    {
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        writeln!(
            out,
            "First Name,Last Name,E-mail Address,Mobile Phone,Notes"
        )
        .unwrap();
        for i in 1..=ROWS {
            writeln!(
                out,
                "Given{i},Family{i},person{i}@example.org,+44 7700 {:06},\"Line one, {i}\nLine two\"",
                i % 1_000_000
            )
            .unwrap();
        }
        out.flush().unwrap();
    }
    let started = Instant::now();
    let table = delimited::open(file.path()).unwrap();
    assert_eq!(table.headers.len(), 5);
    let headers = table.headers.clone();
    let mapping = mapping::auto(&headers, true, &[]);
    let mut count = 0u64;
    let mut last = None;
    for row in table.rows {
        let row = row.unwrap();
        count += 1;
        assert_eq!(row.record, count);
        assert_eq!(row.cells.len(), 5);
        if count == ROWS {
            last = Some(mapping::apply(&mapping, &headers, &row.cells));
        }
    }
    assert_eq!(count, ROWS);
    let last = last.unwrap();
    assert_eq!(last.given_name, some("Given200000"));
    assert_eq!(last.notes, some("Line one, 200000\nLine two"));
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}
