//! Spreadsheet reading: workbooks written here by hand (XLSX and ODS packages built with the
//! `zip` writer), and crafted files that must be refused quickly without the process dying.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rapport_import::sheet::{self, SheetKind};
use rapport_import::{FileError, Reason, Table, TableRow};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

// ---------------------------------------------------------------------------------------------
// Package writing

fn write_zip<D: AsRef<[u8]>>(path: &Path, parts: &[(&str, D)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = ZipWriter::new(file);
    for (name, data) in parts {
        let method = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let data = data.as_ref();
        let options = SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
}

#[derive(Clone)]
enum C {
    /// A shared string.
    S(&'static str),
    /// An owned shared string.
    Owned(String),
    /// An inline string.
    I(&'static str),
    N(f64),
    /// A date serial with a date format.
    D(f64),
    /// A date serial with a date-time format.
    Dt(f64),
    B(bool),
    E(&'static str),
}

fn col_name(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One worksheet: rows from row 1, each a list of cells from column A (`None` skips a cell).
type Sheet = Vec<Vec<Option<C>>>;

struct Book {
    sheets: Vec<(&'static str, Sheet)>,
}

impl Book {
    fn write(&self, path: &Path) {
        let mut strings: Vec<String> = Vec::new();
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        let mut sheet_entries = String::new();
        let mut rels = String::new();
        let mut overrides = String::new();
        for (i, (name, rows)) in self.sheets.iter().enumerate() {
            let n = i + 1;
            sheet_entries.push_str(&format!(
                r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
                esc(name)
            ));
            rels.push_str(&format!(
                r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
            ));
            overrides.push_str(&format!(
                r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            ));
            let mut xml = String::from(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
            );
            for (r, cells) in rows.iter().enumerate() {
                if cells.iter().all(Option::is_none) {
                    continue;
                }
                xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
                for (c, cell) in cells.iter().enumerate() {
                    let Some(cell) = cell else { continue };
                    let at = format!("{}{}", col_name(c), r + 1);
                    let mut shared = |s: &str| {
                        strings.push(s.to_string());
                        format!(r#"<c r="{at}" t="s"><v>{}</v></c>"#, strings.len() - 1)
                    };
                    let text = match cell {
                        C::S(s) => shared(s),
                        C::Owned(s) => shared(s),
                        C::I(s) => format!(
                            r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                            esc(s)
                        ),
                        C::N(v) => format!(r#"<c r="{at}"><v>{v}</v></c>"#),
                        C::D(v) => format!(r#"<c r="{at}" s="1"><v>{v}</v></c>"#),
                        C::Dt(v) => format!(r#"<c r="{at}" s="2"><v>{v}</v></c>"#),
                        C::B(v) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*v)),
                        C::E(v) => format!(r#"<c r="{at}" t="e"><v>{v}</v></c>"#),
                    };
                    xml.push_str(&text);
                }
                xml.push_str("</row>");
            }
            // Formatting residue below the data: a styled empty cell far down.
            xml.push_str(r#"<row r="40"><c r="A40" s="1"/><c r="Z40" s="1"/></row>"#);
            xml.push_str("</sheetData></worksheet>");
            parts.push((format!("xl/worksheets/sheet{n}.xml"), xml.into_bytes()));
        }
        let mut sst = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">"#,
            strings.len()
        );
        for s in &strings {
            sst.push_str(&format!(
                r#"<si><t xml:space="preserve">{}</t></si>"#,
                esc(s)
            ));
        }
        sst.push_str("</sst>");
        let n = self.sheets.len();
        rels.push_str(&format!(
            r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#,
            n + 1,
            n + 2
        ));
        let mut all: Vec<(String, Vec<u8>)> = vec![
            (
                "[Content_Types].xml".into(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>{overrides}</Types>"#
                )
                .into_bytes(),
            ),
            (
                "_rels/.rels".into(),
                br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec(),
            ),
            (
                "xl/workbook.xml".into(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheet_entries}</sheets></workbook>"#
                )
                .into_bytes(),
            ),
            (
                "xl/_rels/workbook.xml.rels".into(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
                )
                .into_bytes(),
            ),
            (
                "xl/styles.xml".into(),
                br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd\ hh:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_vec(),
            ),
            ("xl/sharedStrings.xml".into(), sst.into_bytes()),
        ];
        all.extend(parts);
        let borrowed: Vec<(&str, &[u8])> = all
            .iter()
            .map(|(n, d)| (n.as_str(), d.as_slice()))
            .collect();
        write_zip(path, &borrowed);
    }
}

/// A one-sheet XLSX whose worksheet XML (and optionally shared strings) is given verbatim.
fn raw_xlsx(path: &Path, sheet_xml: &[u8], shared_strings: Option<&str>) {
    let mut book_parts = Vec::new();
    let tmp = path.with_extension("tmp.xlsx");
    Book {
        sheets: vec![("Sheet1", vec![vec![Some(C::I("x"))]])],
    }
    .write(&tmp);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&tmp).unwrap()).unwrap();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
        if name == "xl/sharedStrings.xml" {
            if let Some(s) = shared_strings {
                data = s.as_bytes().to_vec();
            }
        }
        book_parts.push((name, data));
    }
    let borrowed: Vec<(&str, &[u8])> = book_parts
        .iter()
        .map(|(n, d)| {
            if n == "xl/worksheets/sheet1.xml" {
                (n.as_str(), sheet_xml)
            } else {
                (n.as_str(), d.as_slice())
            }
        })
        .collect();
    write_zip(path, &borrowed);
}

fn serial(y: i32, m: u32, d: u32) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (NaiveDate::from_ymd_opt(y, m, d).unwrap() - epoch).num_days() as f64
}

fn rows(table: Table) -> Vec<TableRow> {
    table.rows.map(Result::unwrap).collect()
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn refused(result: Result<Table, FileError>) -> FileError {
    match result {
        Ok(table) => panic!("expected a refusal, got {table:?}"),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------------------------
// XLSX

fn long_note() -> String {
    let mut note = String::from("Met at the fair.\nCall back in spring.\n");
    while note.len() < 3_000 {
        note.push_str("Prefers e-mail over phone; ");
    }
    note
}

fn contacts_sheet() -> Sheet {
    vec![
        vec![Some(C::S("Customer contacts 2026"))],
        vec![],
        vec![
            Some(C::S("First Name")),
            Some(C::S("Last Name")),
            Some(C::S("E-mail Address")),
            Some(C::S("Mobile Phone")),
            Some(C::S("Birthday")),
            Some(C::S("Notes")),
        ],
        vec![
            Some(C::S("Zoë")),
            Some(C::S("Smith")),
            Some(C::S("zoe@example.org")),
            Some(C::N(447_700_900_123.0)),
            Some(C::D(serial(1990, 5, 17))),
            Some(C::Owned(long_note())),
        ],
        vec![],
        vec![
            Some(C::I("太郎")),
            Some(C::I("山田")),
            Some(C::I("taro@example.jp")),
            Some(C::S("+81 90-1234-5678")),
            Some(C::Dt(serial(1985, 1, 2) + 0.4375)),
            Some(C::B(true)),
        ],
        vec![
            Some(C::S("Ann")),
            None,
            Some(C::E("#N/A")),
            Some(C::N(2.5)),
            None,
            None,
            None,
            Some(C::S("stray")),
        ],
    ]
}

#[test]
fn xlsx_title_blank_header_and_typed_cells() {
    let dir = dir();
    let path = dir.path().join("contacts.xlsx");
    Book {
        sheets: vec![("Contacts", contacts_sheet())],
    }
    .write(&path);

    assert_eq!(
        sheet::sheet_names(&path, SheetKind::Xlsx).unwrap(),
        vec!["Contacts"]
    );
    let table = sheet::open(&path, SheetKind::Xlsx, None).unwrap();
    assert_eq!(table.format, "xlsx");
    assert_eq!(table.encoding, "UTF-8");
    assert!(table.has_header);
    assert_eq!(
        table.headers,
        strings(&[
            "First Name",
            "Last Name",
            "E-mail Address",
            "Mobile Phone",
            "Birthday",
            "Notes"
        ])
    );
    let rows = rows(table);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0].record, 1);
    assert_eq!(
        rows[0].cells[..5],
        strings(&[
            "Zoë",
            "Smith",
            "zoe@example.org",
            "447700900123",
            "1990-05-17"
        ])
    );
    assert_eq!(rows[0].cells[5], long_note());
    assert!(rows[0].cells[5].contains('\n'));
    // The blank row in the middle is kept, so the numbers match the sheet.
    assert_eq!(rows[1].record, 2);
    assert!(rows[1].is_blank());
    assert_eq!(rows[1].cells.len(), 6);
    assert_eq!(rows[2].record, 3);
    assert_eq!(
        rows[2].cells,
        strings(&[
            "太郎",
            "山田",
            "taro@example.jp",
            "+81 90-1234-5678",
            "1985-01-02T10:30:00",
            "TRUE"
        ])
    );
    // A formula error reads empty; a value right of the headers makes the row longer.
    assert_eq!(rows[3].record, 4);
    assert_eq!(
        rows[3].cells,
        strings(&["Ann", "", "", "2.5", "", "", "", "stray"])
    );
}

#[test]
fn xlsx_sheets_by_name_and_first_with_data() {
    let dir = dir();
    let path = dir.path().join("two.xlsx");
    Book {
        sheets: vec![
            ("Cover", vec![]),
            ("People", contacts_sheet()),
            (
                "Suppliers",
                vec![
                    vec![Some(C::S("Name")), Some(C::S("Email"))],
                    vec![Some(C::S("Acme")), Some(C::S("sales@acme.example"))],
                ],
            ),
        ],
    }
    .write(&path);
    assert_eq!(
        sheet::sheet_names(&path, SheetKind::Xlsx).unwrap(),
        vec!["Cover", "People", "Suppliers"]
    );
    let first = sheet::open(&path, SheetKind::Xlsx, None).unwrap();
    assert_eq!(first.headers[0], "First Name");
    let chosen = sheet::open(&path, SheetKind::Xlsx, Some("Suppliers")).unwrap();
    assert_eq!(chosen.headers, strings(&["Name", "Email"]));
    let chosen = rows(chosen);
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].record, 1);
    assert_eq!(chosen[0].cells, strings(&["Acme", "sales@acme.example"]));
    let missing = refused(sheet::open(&path, SheetKind::Xlsx, Some("Nope")));
    assert_eq!(missing.reason, Reason::UnsupportedFile);
    assert!(missing.message.contains("Suppliers"), "{}", missing.message);
    let empty = refused(sheet::open(&path, SheetKind::Xlsx, Some("Cover")));
    assert_eq!(empty.reason, Reason::EmptyFile);
}

#[test]
fn xlsx_without_header_row_gets_generated_headers() {
    let dir = dir();
    let path = dir.path().join("plain.xlsx");
    Book {
        sheets: vec![(
            "Sheet1",
            vec![
                vec![],
                vec![
                    Some(C::S("Zoë")),
                    Some(C::S("Smith")),
                    Some(C::S("zoe@example.org")),
                ],
                vec![
                    Some(C::S("Bob")),
                    Some(C::S("Jones")),
                    Some(C::S("bob@example.org")),
                    Some(C::N(447_700_900_124.0)),
                ],
            ],
        )],
    }
    .write(&path);
    let table = sheet::open(&path, SheetKind::Xlsx, None).unwrap();
    assert!(!table.has_header);
    assert_eq!(
        table.headers,
        strings(&["Column 1", "Column 2", "Column 3", "Column 4"])
    );
    let rows = rows(table);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].record, 1);
    assert_eq!(
        rows[0].cells,
        strings(&["Zoë", "Smith", "zoe@example.org", ""])
    );
    assert_eq!(rows[1].record, 2);
    assert_eq!(rows[1].cells[3], "447700900124");
}

#[test]
fn empty_workbook_is_an_empty_file() {
    let dir = dir();
    let path = dir.path().join("empty.xlsx");
    Book {
        sheets: vec![("Sheet1", vec![]), ("Sheet2", vec![])],
    }
    .write(&path);
    assert_eq!(
        refused(sheet::open(&path, SheetKind::Xlsx, None)).reason,
        Reason::EmptyFile
    );
}

#[test]
fn dropping_a_table_early_stops_its_reader() {
    let dir = dir();
    let path = dir.path().join("many.xlsx");
    let mut rows_: Sheet = vec![vec![Some(C::S("Name")), Some(C::S("Email"))]];
    for i in 0..2_000 {
        rows_.push(vec![
            Some(C::Owned(format!("Person {i}"))),
            Some(C::Owned(format!("p{i}@example.org"))),
        ]);
    }
    Book {
        sheets: vec![("Sheet1", rows_)],
    }
    .write(&path);
    let mut table = sheet::open(&path, SheetKind::Xlsx, None).unwrap();
    let first = table.rows.next().unwrap().unwrap();
    assert_eq!(first.cells[0], "Person 0");
    drop(table);
    let all = rows(sheet::open(&path, SheetKind::Xlsx, None).unwrap());
    assert_eq!(all.len(), 2_000);
    assert_eq!(all[1_999].record, 2_000);
}

// ---------------------------------------------------------------------------------------------
// ODS

const ODS_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:body><office:spreadsheet>"#;
const ODS_TAIL: &str = "</office:spreadsheet></office:body></office:document-content>";

fn write_ods(path: &Path, tables: &str) {
    let content = format!("{ODS_HEAD}{tables}{ODS_TAIL}");
    write_zip(
        path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
            ),
            ("content.xml", content.into_bytes()),
            (
                "META-INF/manifest.xml",
                br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_vec(),
            ),
        ],
    );
}

fn text_cell(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

#[test]
fn ods_written_by_hand() {
    let dir = dir();
    let path = dir.path().join("contacts.ods");
    let empty_row = r#"<table:table-row><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#;
    let tables = format!(
        concat!(
            r#"<table:table table:name="Empty"><table:table-column table:number-columns-repeated="1024"/>"#,
            r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#,
            r#"<table:table table:name="Contacts"><table:table-column table:number-columns-repeated="1024"/>"#,
            r#"<table:table-row>{title}<table:table-cell table:number-columns-repeated="1023"/></table:table-row>"#,
            "{empty_row}",
            r#"<table:table-row>{h1}{h2}{h3}{h4}{h5}{h6}{h7}<table:table-cell table:number-columns-repeated="1017"/></table:table-row>"#,
            r#"<table:table-row>{zoe}{obrien}{mail}<table:table-cell office:value-type="float" office:value="447700900123"><text:p>4.477E+11</text:p></table:table-cell>"#,
            r#"<table:table-cell office:value-type="date" office:date-value="1990-05-17"><text:p>17/05/90</text:p></table:table-cell>"#,
            r#"<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>"#,
            r#"<table:table-cell office:value-type="string"><text:p>First line</text:p><text:p>A<text:s text:c="2"/>B<text:tab/>C</text:p><office:annotation><dc:creator>Me</dc:creator><text:p>a comment, not data</text:p></office:annotation></table:table-cell>"#,
            r#"<table:table-cell table:number-columns-repeated="1017"/></table:table-row>"#,
            r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
            r#"<table:table-row>{yamada}<table:table-cell table:number-columns-repeated="2" office:value-type="string"><text:p>x</text:p></table:table-cell>"#,
            r#"<table:table-cell office:value-type="float" office:value="0.1"><text:p>0.1</text:p></table:table-cell>"#,
            r#"<table:table-cell office:value-type="date" office:date-value="1985-01-02T10:30:00"><text:p>02/01/85 10:30</text:p></table:table-cell>"#,
            r#"<table:table-cell table:number-columns-repeated="1019"/></table:table-row>"#,
            r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
            "</table:table>",
            r#"<table:table table:name="Other"><table:table-row>{other}</table:table-row></table:table>"#,
        ),
        title = text_cell("Address book"),
        empty_row = empty_row,
        h1 = text_cell("First Name"),
        h2 = text_cell("Last Name"),
        h3 = text_cell("Email"),
        h4 = text_cell("Phone"),
        h5 = text_cell("Birthday"),
        h6 = text_cell("Member"),
        h7 = text_cell("Notes"),
        zoe = text_cell("Zoë"),
        obrien = text_cell("O&apos;Brien &amp; Co"),
        mail = text_cell("zoe@example.org"),
        yamada = text_cell("山田"),
        other = text_cell("Name"),
    );
    write_ods(&path, &tables);

    assert_eq!(
        sheet::sheet_names(&path, SheetKind::Ods).unwrap(),
        vec!["Empty", "Contacts", "Other"]
    );
    let started = Instant::now();
    let table = sheet::open(&path, SheetKind::Ods, None).unwrap();
    assert_eq!(table.format, "ods");
    assert_eq!(table.encoding, "UTF-8");
    assert!(table.has_header);
    assert_eq!(
        table.headers,
        strings(&[
            "First Name",
            "Last Name",
            "Email",
            "Phone",
            "Birthday",
            "Member",
            "Notes"
        ])
    );
    let rows = rows(table);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0].record, 1);
    assert_eq!(
        rows[0].cells,
        strings(&[
            "Zoë",
            "O'Brien & Co",
            "zoe@example.org",
            "447700900123",
            "1990-05-17",
            "TRUE",
            "First line\nA  B\tC"
        ])
    );
    assert!(rows[1].is_blank() && rows[2].is_blank());
    assert_eq!((rows[1].record, rows[2].record), (2, 3));
    assert_eq!(rows[3].record, 4);
    assert_eq!(
        rows[3].cells,
        strings(&["山田", "x", "x", "0.1", "1985-01-02T10:30:00", "", ""])
    );

    let other = sheet::open(&path, SheetKind::Ods, Some("other")).unwrap();
    assert_eq!(other.headers, strings(&["Name"]));
    assert_eq!(
        refused(sheet::open(&path, SheetKind::Ods, Some("Empty"))).reason,
        Reason::EmptyFile
    );
}

// ---------------------------------------------------------------------------------------------
// Crafted files: refused quickly, and this process is still alive to check it.

fn assert_unsafe(path: &Path, kind: SheetKind) -> FileError {
    let started = Instant::now();
    let error = refused(sheet::open(path, kind, None));
    assert_eq!(error.reason, Reason::UnsafeFile, "{}", error.message);
    assert_eq!(error.reason.code(), "unsafe_file");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    let names = sheet::sheet_names(path, kind).unwrap_err();
    assert_eq!(names.reason, Reason::UnsafeFile);
    error
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

#[test]
fn crafted_cell_at_xfd1048576() {
    let dir = dir();
    let path = dir.path().join("far.xlsx");
    raw_xlsx(
        &path,
        format!(
            r#"{SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#
        )
        .as_bytes(),
        None,
    );
    let error = assert_unsafe(&path, SheetKind::Xlsx);
    assert!(error.message.contains("XFD1048576"), "{}", error.message);
}

#[test]
fn crafted_dimension() {
    let dir = dir();
    let path = dir.path().join("dimension.xlsx");
    raw_xlsx(
        &path,
        format!(
            r#"{SHEET_HEAD}<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>"#
        )
        .as_bytes(),
        None,
    );
    let error = assert_unsafe(&path, SheetKind::Xlsx);
    assert!(error.message.contains("1048576 rows"), "{}", error.message);
}

#[test]
fn crafted_shared_strings_count() {
    let dir = dir();
    let path = dir.path().join("sst.xlsx");
    raw_xlsx(
        &path,
        format!(
            r#"{SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
        )
        .as_bytes(),
        Some(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>Name</t></si></sst>"#,
        ),
    );
    let error = assert_unsafe(&path, SheetKind::Xlsx);
    assert!(error.message.contains("4000000000"), "{}", error.message);
}

#[test]
fn crafted_rows_and_columns_without_references() {
    // Cells without `r` attributes are placed by counting, the way calamine does.
    let dir = dir();
    let path = dir.path().join("wide.xlsx");
    let mut xml = format!(r#"{SHEET_HEAD}<sheetData><row>"#);
    for _ in 0..5_000 {
        xml.push_str("<c><v>1</v></c>");
    }
    xml.push_str("</row></sheetData></worksheet>");
    raw_xlsx(&path, xml.as_bytes(), None);
    assert_unsafe(&path, SheetKind::Xlsx);
}

#[test]
fn crafted_zip_bomb() {
    let dir = dir();
    let path = dir.path().join("bomb.xlsx");
    let mut sheet = format!(r#"{SHEET_HEAD}<sheetData></sheetData>"#).into_bytes();
    sheet.resize(300 * 1024 * 1024, b'0');
    sheet.extend_from_slice(b"</worksheet>");
    raw_xlsx(&path, &sheet, None);
    drop(sheet);
    assert!(std::fs::metadata(&path).unwrap().len() < 2 * 1024 * 1024);
    let error = assert_unsafe(&path, SheetKind::Xlsx);
    assert!(error.message.contains("ZIP bomb"), "{}", error.message);
}

#[test]
fn crafted_ods_repeats() {
    let dir = dir();
    let wide = dir.path().join("wide.ods");
    write_ods(
        &wide,
        r#"<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="100000000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    let error = assert_unsafe(&wide, SheetKind::Ods);
    assert!(error.message.contains("100000000"), "{}", error.message);

    let tall = dir.path().join("tall.ods");
    write_ods(
        &tall,
        r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="100000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>"#,
    );
    assert_unsafe(&tall, SheetKind::Ods);

    // 4,000 columns × 20,000 rows of one value: within each limit, too many cells together.
    let dense = dir.path().join("dense.ods");
    write_ods(
        &dense,
        r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="20000"><table:table-cell table:number-columns-repeated="4000" office:value-type="float" office:value="1"/></table:table-row></table:table>"#,
    );
    assert_unsafe(&dense, SheetKind::Ods);
}

// ---------------------------------------------------------------------------------------------
// Files that are not workbooks

fn unsupported(path: &Path, kind: SheetKind) -> FileError {
    let error = refused(sheet::open(path, kind, None));
    assert_eq!(error.reason, Reason::UnsupportedFile, "{}", error.message);
    assert!(!error.message.is_empty());
    error
}

fn pseudo_random(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

fn write_file(path: &PathBuf, data: &[u8]) {
    std::fs::write(path, data).unwrap();
}

#[test]
fn not_workbooks_are_unsupported() {
    let dir = dir();
    let random = dir.path().join("random.xlsx");
    write_file(&random, &pseudo_random(4096));
    unsupported(&random, SheetKind::Xlsx);
    assert_eq!(
        sheet::sheet_names(&random, SheetKind::Xlsx)
            .unwrap_err()
            .reason,
        Reason::UnsupportedFile
    );

    let plain_zip = dir.path().join("archive.xlsx");
    write_zip(&plain_zip, &[("readme.txt", b"hello".as_slice())]);
    let error = unsupported(&plain_zip, SheetKind::Xlsx);
    assert!(error.message.contains("ZIP"), "{}", error.message);

    let odt = dir.path().join("letter.ods");
    write_zip(
        &odt,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.text".as_slice(),
            ),
            ("content.xml", b"<x/>".as_slice()),
        ],
    );
    unsupported(&odt, SheetKind::Ods);

    // An encrypted XLSX is an OLE file holding an "EncryptedPackage" stream.
    let encrypted = dir.path().join("secret.xlsx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(4096, 0);
    write_file(&encrypted, &ole);
    let error = unsupported(&encrypted, SheetKind::Xlsx);
    assert!(error.message.contains("password"), "{}", error.message);

    // Positive XLS reading is not tested (no BIFF writer here); a non-BIFF file given as XLS,
    // and an OLE file without a workbook stream, are refused cleanly.
    let text = dir.path().join("notes.xls");
    write_file(&text, b"First Name,Last Name\nZoe,Smith\n");
    unsupported(&text, SheetKind::Xls);
    let ole_garbage = dir.path().join("garbage.xls");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(pseudo_random(4096));
    write_file(&ole_garbage, &ole);
    unsupported(&ole_garbage, SheetKind::Xls);

    let empty = dir.path().join("empty.xlsx");
    write_file(&empty, b"");
    assert_eq!(
        refused(sheet::open(&empty, SheetKind::Xlsx, None)).reason,
        Reason::EmptyFile
    );
}

#[test]
fn kind_from_content_and_name() {
    let mut ods = b"PK\x03\x04".to_vec();
    ods.resize(30, 0);
    ods.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet");
    assert_eq!(sheet::kind_of(&ods, "x.zip"), Some(SheetKind::Ods));
    assert_eq!(
        sheet::kind_of(b"PK\x03\x04....", "a.XLSX"),
        Some(SheetKind::Xlsx)
    );
    assert_eq!(
        sheet::kind_of(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "old.xls"),
        Some(SheetKind::Xls)
    );
    assert_eq!(sheet::kind_of(b"Name,Email\n", "a.csv"), None);
}

// ---------------------------------------------------------------------------------------------
// Excel 97–2003 (BIFF8 in an OLE compound file), written record by record

fn record(typ: u16, body: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend_from_slice(&u16::try_from(body.len()).unwrap().to_le_bytes());
    out.extend_from_slice(body);
    out
}

fn bof(kind: u16) -> Vec<u8> {
    let mut body = vec![0x00, 0x06];
    body.extend_from_slice(&kind.to_le_bytes());
    body.extend_from_slice(&[0; 12]);
    record(0x0809, &body)
}

fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let mut body = [row.to_le_bytes(), col.to_le_bytes(), [0, 0]].concat();
    body.extend_from_slice(&u16::try_from(text.len()).unwrap().to_le_bytes());
    body.push(0); // one byte per character
    body.extend_from_slice(text.as_bytes());
    record(0x0204, &body)
}

fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let body = [
        &row.to_le_bytes()[..],
        &col.to_le_bytes(),
        &[0, 0],
        &value.to_le_bytes(),
    ]
    .concat();
    record(0x0203, &body)
}

fn dimensions(first_row: u32, last_row: u32, first_col: u16, last_col: u16) -> Vec<u8> {
    let body = [
        &first_row.to_le_bytes()[..],
        &last_row.to_le_bytes(),
        &first_col.to_le_bytes(),
        &last_col.to_le_bytes(),
        &[0, 0],
    ]
    .concat();
    record(0x0200, &body)
}

/// A workbook with one sheet named "Contacts" holding `sheet_records`.
fn write_xls(path: &Path, sheet_records: &[Vec<u8>]) {
    let name = b"Contacts";
    // BoundSheet8: the sheet's offset, visibility, type, then its name (one byte per char).
    let mut boundsheet = vec![0; 4];
    boundsheet.extend_from_slice(&[0, 0, u8::try_from(name.len()).unwrap(), 0]);
    boundsheet.extend_from_slice(name);
    let globals_len = bof(0x0005).len() + 4 + boundsheet.len() + 4;
    boundsheet[..4].copy_from_slice(&u32::try_from(globals_len).unwrap().to_le_bytes());
    let mut stream = bof(0x0005);
    stream.extend(record(0x0085, &boundsheet));
    stream.extend(record(0x000A, &[]));
    assert_eq!(stream.len(), globals_len);
    stream.extend(bof(0x0010));
    for r in sheet_records {
        stream.extend_from_slice(r);
    }
    stream.extend(record(0x000A, &[]));
    let mut compound = cfb::create(path).unwrap();
    let mut workbook = compound.create_stream("/Workbook").unwrap();
    workbook.write_all(&stream).unwrap();
    workbook.flush().unwrap();
    drop(workbook);
    compound.flush().unwrap();
}

#[test]
fn xls_written_here_is_read_through_the_checks() {
    let dir = dir();
    let path = dir.path().join("contacts.xls");
    write_xls(
        &path,
        &[
            dimensions(0, 2, 0, 2),
            label(0, 0, "Name"),
            label(0, 1, "Phone"),
            label(1, 0, "Ada Kowalczyk"),
            number(1, 1, 2_079_460_958.0),
        ],
    );
    assert_eq!(
        sheet::sheet_names(&path, SheetKind::Xls).unwrap(),
        ["Contacts"]
    );
    let table = sheet::open(&path, SheetKind::Xls, None).unwrap();
    assert_eq!(table.format, "xls");
    assert_eq!(table.headers, strings(&["Name", "Phone"]));
    let rows: Vec<TableRow> = table.rows.map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].cells, strings(&["Ada Kowalczyk", "2079460958"]));
}

#[test]
fn crafted_xls_cell_far_away() {
    let dir = dir();
    let path = dir.path().join("far.xls");
    write_xls(&path, &[label(0, 0, "Name"), number(65_000, 65_000, 1.0)]);
    let error = assert_unsafe(&path, SheetKind::Xls);
    assert!(error.message.contains("column 65001"), "{}", error.message);
}

#[test]
fn crafted_xls_dimensions() {
    let dir = dir();
    let path = dir.path().join("dimension.xls");
    write_xls(
        &path,
        &[dimensions(0, 4_000_000_000, 0, 255), label(0, 0, "Name")],
    );
    let error = assert_unsafe(&path, SheetKind::Xls);
    assert!(error.message.contains("4000000000"), "{}", error.message);
}
