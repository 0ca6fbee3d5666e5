//! vCard 2.1, 3.0 and 4.0 files.
//!
//! Reading happens in three steps:
//!
//! 1. **Pre-processing, ours** ([`prepare`]), on the raw bytes, because calcard's parser takes a
//!    `&str` and works within one card:
//!    - *Character sets.* calcard needs valid UTF-8 up front, so a file in a legacy encoding,
//!      a raw 8-bit value under `CHARSET=ISO-8859-1`, or a fold that cuts a UTF-8 sequence in
//!      two (invalid UTF-8 until unfolded) would not reach it. We unfold first, then decode each
//!      property: its `CHARSET` when it names one; else UTF-8 when the bytes are valid UTF-8;
//!      else the file's encoding, guessed by chardetng over the lines that are not UTF-8 (or
//!      taken from a `CHARSET` in the file). A UTF-16 byte-order mark is honoured.
//!    - *Line endings and folding.* LF, CR LF, CR CR LF (Thunderbird, iPhone) and mixed endings;
//!      a file with CR alone. Folds with a space or a TAB are joined at the byte level.
//!    - *QUOTED-PRINTABLE.* calcard only recognises `ENCODING=QUOTED-PRINTABLE`, not the bare
//!      2.1 parameter `QUOTED-PRINTABLE`, and decodes a value without `CHARSET` as ISO-8859-1
//!      even when it is UTF-8 (Thunderbird writes UTF-8 QP without a charset). We join soft line
//!      breaks (which need not start with white space and may fall inside a multi-byte
//!      sequence or be followed by a blank line), decode QP and the charset ourselves, and hand
//!      calcard the text with `=0D=0A` line breaks written as the `\n` escape.
//!    - *Base64.* 2.1 writers continue base64 on lines without indentation and end it with a
//!      blank line; some (sabre issue 153) start the data on a continuation line. We join those
//!      lines, drop the white space and hand calcard `ENCODING=b`.
//!    - *Cards.* calcard, when not strict, returns a cut-off card as if it were complete and
//!      silently skips a line without a colon. We split the file into cards on BEGIN/END
//!      ourselves (also `home.begin:vcard` with a group), so a card missing its END:VCARD, or
//!      ending in the middle of a property, is rejected as `truncated_card` with a message
//!      saying what is missing; lines ending in an END:VCARD with no BEGIN:VCARD form a
//!      truncated card too, and a file with no BEGIN:VCARD at all is refused as a whole.
//!      VERSION is moved first so calcard reads the card's dates the version's way.
//! 2. **Parsing, calcard's**: each card's content lines (group, name, parameters in all their
//!    forms incl. 2.1 bare `WORK;CELL` and quoted `TYPE="work,voice"`, escapes `\,` `\;` `\n`
//!    `\N` `\\` and Apple's `\:`, structured N/ADR/ORG values, comma lists, base64 and `data:`
//!    URIs, dates).
//! 3. **Mapping, ours** ([`map`]): calcard's entries to [`ContactFields`], where calcard has no
//!    opinion: Apple `itemN.X-ABLabel` labels (`_$!<Work>!$_`) applied to the grouped property,
//!    the type vocabulary (see `Types` in `map.rs`), the photo's real media type from its magic
//!    number (a file may say jpeg for a PNG), ALTID alternates kept once, partial and odd
//!    birthdays (`--0210`, 3.0's `02-10` → `--02-10`), `tel:` URIs and `;ext=`, related people
//!    from RELATED and from X-SPOUSE/X-MS-MANAGER/X-ABRELATEDNAMES-like properties, and every
//!    other property with no field of its own appended to `notes` as a `Label: value` line, in
//!    file order after the NOTE text — except purely technical ones (VERSION, PRODID, UID, REV,
//!    X-ABUID, X-ABShowAs, X-ABADR, X-ABLabel once applied, SORT-STRING, CLASS, KIND=individual,
//!    X-MS-OL-*, X-EVOLUTION-FILE-AS, inline KEY/LOGO/SOUND data). A LABEL is kept as an
//!    `Address label (work): …` note even when the card has an ADR: its lines are the address
//!    as the person wrote it, and ADR does not always hold the same (eds 5.vcf). Applied
//!    labels are left out; a label that names no type of ours (`AssistantPhone`) becomes a
//!    `AssistantPhone: 905-222-1234` note.

mod map;
mod prepare;

use crate::fields::{ContactFields, FileError, Reason, Rejection};

/// One card, numbered from 1 in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub record: u64,
    pub outcome: Result<ContactFields, Rejection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFile {
    /// The character set the text was read in ("UTF-8" unless the file says otherwise).
    pub encoding: String,
    pub cards: Vec<Card>,
}

/// Reads every card of a file.
pub fn read(bytes: &[u8]) -> Result<CardFile, FileError> {
    let body = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .find_map(|bom| bytes.strip_prefix(*bom))
        .unwrap_or(bytes);
    if body.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        return Err(FileError::new(
            Reason::EmptyFile,
            "The file is empty: it holds no vCard.",
        ));
    }
    let prepared = prepare::prepare(bytes);
    if !prepared.saw_begin {
        let message = if prepared.saw_end {
            "The file has no BEGIN:VCARD line: its cards cannot be told apart, so it is not read."
        } else {
            "The file holds no vCard (no BEGIN:VCARD line): it is not a vCard file."
        };
        return Err(FileError::new(Reason::UnsupportedFile, message));
    }
    let cards = prepared
        .blocks
        .into_iter()
        .enumerate()
        .map(|(index, block)| Card {
            record: index as u64 + 1,
            outcome: match block {
                prepare::Block::Truncated(message) => {
                    Err(Rejection::new(Reason::TruncatedCard, message))
                }
                prepare::Block::Card(lines) => Ok(read_card(lines)),
            },
        })
        .collect();
    Ok(CardFile {
        encoding: prepared.encoding,
        cards,
    })
}

fn read_card(mut lines: Vec<prepare::Line>) -> ContactFields {
    // VERSION first, so calcard knows the version before it reads dates.
    if let Some(pos) = lines.iter().position(|l| l.name == "VERSION") {
        let version = lines.remove(pos);
        lines.insert(0, version);
    }
    let mut text = String::from("BEGIN:VCARD\n");
    for line in &lines {
        text.push_str(&line.text);
        text.push('\n');
    }
    text.push_str("END:VCARD\n");
    match calcard::vcard::VCard::parse(&text) {
        Ok(card) => map::to_fields(&card, &lines),
        Err(_) => ContactFields::default(),
    }
}
