//! Byte-level pre-processing: everything calcard cannot do on its own because it only takes a
//! `&str` and works one content line at a time. See the module documentation of
//! [`crate::vcard`] for why each step is here.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// One property of a card, decoded to UTF-8 and written back as a single content line that
/// calcard can parse (no folding, no QUOTED-PRINTABLE, no CHARSET).
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// Upper-case property name, without its group.
    pub name: String,
    /// The content line handed to calcard.
    pub text: String,
    /// The value as decoded (escapes still in place), for dates calcard reads differently.
    pub value: String,
    /// The value was base64 in the file (kept as base64 for calcard, white space removed).
    pub base64: bool,
}

/// A card found in the file: its lines, or why it is cut off.
#[derive(Debug, Clone)]
pub(super) enum Block {
    Card(Vec<Line>),
    Truncated(String),
}

#[derive(Debug, Clone)]
pub(super) struct Prepared {
    pub encoding: String,
    pub blocks: Vec<Block>,
    /// At least one BEGIN:VCARD line was seen.
    pub saw_begin: bool,
    /// An END:VCARD line was seen.
    pub saw_end: bool,
}

/// A logical line: folded lines joined, still raw bytes.
struct RawLine {
    bytes: Vec<u8>,
}

/// A logical line split into its parts.
struct Parsed<'a> {
    group: Option<&'a [u8]>,
    name: String,
    params: Vec<&'a [u8]>,
    value: &'a [u8],
}

enum Transfer {
    None,
    QuotedPrintable,
    Base64,
}

pub(super) fn prepare(input: &[u8]) -> Prepared {
    let (bytes, bom_encoding) = strip_bom(input);
    let physical = split_lines(&bytes);
    let logical = unfold(&physical);

    // Segment into cards on the logical lines.
    let mut blocks: Vec<Vec<&RawLine>> = Vec::new();
    let mut outcome: Vec<Option<String>> = Vec::new();
    let mut current: Option<Vec<&RawLine>> = None;
    let mut orphans: Vec<&RawLine> = Vec::new();
    let mut saw_begin = false;
    let mut saw_end = false;
    for line in &logical {
        let parsed = parse_line(&line.bytes);
        let marker = parsed.as_ref().and_then(|p| {
            let value = String::from_utf8_lossy(p.value).trim().to_ascii_uppercase();
            (value == "VCARD" && (p.name == "BEGIN" || p.name == "END")).then(|| p.name.clone())
        });
        match marker.as_deref() {
            Some("BEGIN") => {
                saw_begin = true;
                if let Some(open) = current.take() {
                    blocks.push(open);
                    outcome.push(Some(
                        "The card has no END:VCARD line: another card starts before it ends."
                            .into(),
                    ));
                }
                orphans.clear();
                current = Some(Vec::new());
            }
            Some(_) => {
                saw_end = true;
                if let Some(open) = current.take() {
                    blocks.push(open);
                    outcome.push(None);
                } else if !orphans.is_empty() {
                    blocks.push(std::mem::take(&mut orphans));
                    outcome.push(Some(
                        "The card has no BEGIN:VCARD line: its start is missing.".into(),
                    ));
                }
            }
            None => match current.as_mut() {
                Some(open) => open.push(line),
                None => orphans.push(line),
            },
        }
    }
    if let Some(open) = current.take() {
        let last_is_cut = open.last().is_some_and(|l| parse_line(&l.bytes).is_none());
        let message = match open.last() {
            Some(last) if last_is_cut => format!(
                "The card is cut off: the file ends in the middle of a property ({:?}) and the \
                 END:VCARD line is missing.",
                String::from_utf8_lossy(&last.bytes)
            ),
            _ => "The card is cut off: the file ends before its END:VCARD line.".into(),
        };
        blocks.push(open);
        outcome.push(Some(message));
    }

    // Decide the file's character set from the lines that do not name their own.
    let mut needs_fallback = Vec::new();
    let mut declared: Option<&'static Encoding> = None;
    for line in blocks.iter().flatten() {
        let Some(parsed) = parse_line(&line.bytes) else {
            continue;
        };
        let charset = charset_of(&parsed);
        if charset.is_some() {
            if declared.is_none() && charset != Some(UTF_8) {
                declared = charset;
            }
            continue;
        }
        let value = match transfer_of(&parsed) {
            Transfer::QuotedPrintable => decode_qp(parsed.value),
            Transfer::Base64 => Vec::new(),
            Transfer::None => parsed.value.to_vec(),
        };
        for part in [
            &line.bytes[..line.bytes.len() - parsed.value.len()],
            &value[..],
        ] {
            if std::str::from_utf8(part).is_err() {
                needs_fallback.extend_from_slice(part);
                needs_fallback.push(b'\n');
            }
        }
    }
    let fallback: &'static Encoding = match bom_encoding {
        Some(encoding) => encoding,
        None if needs_fallback.is_empty() => UTF_8,
        None => declared.unwrap_or_else(|| {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(&needs_fallback, true);
            detector.guess(None, false)
        }),
    };
    let encoding = if bom_encoding.is_some() || !needs_fallback.is_empty() {
        fallback.name().to_string()
    } else {
        "UTF-8".to_string()
    };
    // Text that came out of UTF-16 is UTF-8 by now.
    let fallback = if bom_encoding.is_some() {
        UTF_8
    } else {
        fallback
    };

    let blocks = blocks
        .into_iter()
        .zip(outcome)
        .map(|(lines, outcome)| match outcome {
            Some(message) => Block::Truncated(message),
            None => Block::Card(
                lines
                    .iter()
                    .filter_map(|l| parse_line(&l.bytes))
                    .map(|p| to_line(&p, fallback))
                    .collect(),
            ),
        })
        .collect();
    Prepared {
        encoding,
        blocks,
        saw_begin,
        saw_end,
    }
}

/// A byte-order mark (or UTF-16 without one, told by its zero bytes) decides the encoding.
fn strip_bom(input: &[u8]) -> (Vec<u8>, Option<&'static Encoding>) {
    if let Some(rest) = input.strip_prefix(b"\xEF\xBB\xBF") {
        return (rest.to_vec(), None);
    }
    let utf16 = match input {
        [0xFF, 0xFE, ..] | [b'B' | b'b', 0, _, 0, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] | [0, b'B' | b'b', 0, _, ..] => Some(UTF_16BE),
        _ => None,
    };
    match utf16 {
        Some(encoding) => {
            let (text, used, _) = encoding.decode(input);
            (text.into_owned().into_bytes(), Some(used))
        }
        None => (input.to_vec(), None),
    }
}

/// Splits on LF (CR LF, CR CR LF and LF mixed), or on CR alone when the file has no LF.
/// A CR inside a line is kept: it is data (Thunderbird writes one in a custom field).
fn split_lines(bytes: &[u8]) -> Vec<&[u8]> {
    let separator = if bytes.contains(&b'\n') { b'\n' } else { b'\r' };
    bytes
        .split(|b| *b == separator)
        .map(|line| {
            let mut end = line.len();
            while end > 0 && line[end - 1] == b'\r' {
                end -= 1;
            }
            &line[..end]
        })
        .collect()
}

/// Joins folded lines at the byte level, so a fold inside a UTF-8 sequence or inside a
/// QUOTED-PRINTABLE escape is harmless; joins QUOTED-PRINTABLE soft line breaks (which need not
/// start with white space); joins base64 lines that a 2.1 writer did not indent.
fn unfold(physical: &[&[u8]]) -> Vec<RawLine> {
    let mut logical: Vec<RawLine> = Vec::new();
    for line in physical {
        if let Some(last) = logical.last_mut() {
            let parsed = parse_line(&last.bytes).map(|p| (transfer_of(&p), p.value.is_empty()));
            let qp = matches!(parsed, Some((Transfer::QuotedPrintable, _)));
            let b64 = matches!(parsed, Some((Transfer::Base64, _)));
            if qp && last.bytes.ends_with(b"=") && !starts_property(line) {
                last.bytes.pop();
                last.bytes.extend_from_slice(line);
                continue;
            }
            if matches!(line.first(), Some(b' ' | b'\t')) {
                last.bytes.extend_from_slice(&line[1..]);
                continue;
            }
            if b64
                && !line.is_empty()
                && line
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
            {
                last.bytes.extend_from_slice(line);
                continue;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        logical.push(RawLine {
            bytes: line.to_vec(),
        });
    }
    logical
}

/// A line that opens a new property, which stops a runaway soft line break (a stray `=` at the
/// end of the previous value): BEGIN/END, or a known property name followed by parameters.
fn starts_property(line: &[u8]) -> bool {
    let Some(parsed) = parse_line(line) else {
        return false;
    };
    let name = parsed.name.as_str();
    matches!(name, "BEGIN" | "END")
        || (!parsed.params.is_empty()
            && (name.starts_with("X-")
                || matches!(
                    name,
                    "FN" | "N"
                        | "NICKNAME"
                        | "PHOTO"
                        | "BDAY"
                        | "ADR"
                        | "LABEL"
                        | "TEL"
                        | "EMAIL"
                        | "TITLE"
                        | "ROLE"
                        | "ORG"
                        | "NOTE"
                        | "URL"
                        | "CATEGORIES"
                )))
}

/// Splits `group.NAME;param;param:value`; `None` for a line with no colon or no name.
fn parse_line(bytes: &[u8]) -> Option<Parsed<'_>> {
    let mut in_quote = false;
    let mut colon = None;
    let mut cuts = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'"' => in_quote = !in_quote,
            b';' if !in_quote => cuts.push(i),
            b':' if !in_quote => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let prefix_end = cuts.first().copied().unwrap_or(colon);
    let full_name = &bytes[..prefix_end];
    let (group, name) = match full_name.iter().rposition(|b| *b == b'.') {
        Some(dot) => (Some(&full_name[..dot]), &full_name[dot + 1..]),
        None => (None, full_name),
    };
    let name = std::str::from_utf8(name).ok()?.trim();
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    let mut params = Vec::new();
    let mut bounds = cuts.clone();
    bounds.push(colon);
    for pair in bounds.windows(2) {
        params.push(&bytes[pair[0] + 1..pair[1]]);
    }
    Some(Parsed {
        group,
        name: name.to_ascii_uppercase(),
        params,
        value: &bytes[colon + 1..],
    })
}

fn param_parts(param: &[u8]) -> (String, Option<String>) {
    let text = String::from_utf8_lossy(param);
    match text.split_once('=') {
        Some((k, v)) => (
            k.trim().to_ascii_uppercase(),
            Some(v.trim().trim_matches('"').to_string()),
        ),
        None => (text.trim().to_ascii_uppercase(), None),
    }
}

fn transfer_of(parsed: &Parsed<'_>) -> Transfer {
    for param in &parsed.params {
        let (key, value) = param_parts(param);
        let word = match (key.as_str(), value) {
            ("ENCODING", Some(v)) => v.to_ascii_uppercase(),
            (bare, None) => bare.to_string(),
            _ => continue,
        };
        match word.as_str() {
            "QUOTED-PRINTABLE" | "Q" => return Transfer::QuotedPrintable,
            "BASE64" | "B" => return Transfer::Base64,
            _ => {}
        }
    }
    Transfer::None
}

fn charset_of(parsed: &Parsed<'_>) -> Option<&'static Encoding> {
    parsed
        .params
        .iter()
        .find_map(|param| match param_parts(param) {
            (key, Some(label)) if key == "CHARSET" => Encoding::for_label(label.as_bytes()),
            _ => None,
        })
}

/// QUOTED-PRINTABLE with soft breaks already joined; a stray `=` is kept as written.
fn decode_qp(value: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        if value[i] == b'=' && i + 2 < value.len() + 1 {
            if let (Some(h), Some(l)) = (
                value.get(i + 1).and_then(|b| hex(*b)),
                value.get(i + 2).and_then(|b| hex(*b)),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(value[i]);
        i += 1;
    }
    out
}

/// Text in the declared charset; bytes that are valid UTF-8 as UTF-8 (also when the file is in
/// a legacy encoding: a UTF-8 multi-byte sequence hardly ever occurs by chance); otherwise the
/// file's encoding.
fn decode_text(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    fallback: &'static Encoding,
) -> String {
    if let Some(encoding) = declared {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            return text.into_owned();
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => fallback.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

fn to_line(parsed: &Parsed<'_>, fallback: &'static Encoding) -> Line {
    let declared = charset_of(parsed);
    let transfer = transfer_of(parsed);
    let mut text = String::new();
    if let Some(group) = parsed.group {
        text.push_str(&decode_text(group, declared, fallback));
        text.push('.');
    }
    text.push_str(&parsed.name);
    for param in &parsed.params {
        let (key, value) = param_parts(param);
        let drop = match (key.as_str(), value.as_deref()) {
            ("CHARSET", _) | ("ENCODING", _) => true,
            (bare, None) => matches!(
                bare,
                "QUOTED-PRINTABLE" | "BASE64" | "B" | "Q" | "8BIT" | "7BIT"
            ),
            _ => false,
        };
        if !drop {
            text.push(';');
            text.push_str(&decode_text(param, declared, fallback));
        }
    }
    let base64 = matches!(transfer, Transfer::Base64);
    if base64 {
        text.push_str(";ENCODING=b");
    }
    text.push(':');
    let value_start = text.len();
    match transfer {
        Transfer::Base64 => text.extend(
            parsed
                .value
                .iter()
                .filter(|b| !b.is_ascii_whitespace())
                .map(|b| *b as char),
        ),
        Transfer::QuotedPrintable => {
            let value = decode_text(&decode_qp(parsed.value), declared, fallback);
            push_escaped_newlines(&mut text, &value);
        }
        Transfer::None => {
            let value = decode_text(parsed.value, declared, fallback);
            push_escaped_newlines(&mut text, &value);
        }
    }
    Line {
        name: parsed.name.clone(),
        value: text[value_start..].to_string(),
        text,
        base64,
    }
}

/// A line break inside a value (from `=0D=0A` or a stray CR) becomes the `\n` escape.
fn push_escaped_newlines(out: &mut String, value: &str) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qp_decoding_keeps_stray_equals() {
        assert_eq!(decode_qp(b"a=3Db=C3=A9=x"), b"a=b\xC3\xA9=x".to_vec());
    }

    #[test]
    fn lines_split_on_every_ending() {
        let lines = split_lines(b"A\r\r\nB\nC\r\nD");
        assert_eq!(lines, vec![&b"A"[..], b"B", b"C", b"D"]);
        assert_eq!(split_lines(b"A\rB"), vec![&b"A"[..], b"B"]);
    }
}
