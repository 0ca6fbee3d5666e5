//! The business email rule: a dot-atom local part (UTF-8 allowed) `@` a host name with at least
//! one dot. Quoted local parts, IP literals and comments are valid RFC 5322 but refused here:
//! nobody's work address looks like that, and they are how typing mistakes slip through.

use unicode_normalization::char::is_combining_mark;

use super::invisible;

/// RFC 5321 4.5.3.1: limits in octets, so UTF-8 text counts its bytes.
const MAX_LOCAL: usize = 64;
const MAX_LABEL: usize = 63;
const MAX_HOST: usize = 253;
/// RFC 5321's 256-octet path minus the angle brackets around it.
const MAX_ADDRESS: usize = 254;

/// The address as stored (trimmed, Unicode NFC, host in lower case), or why it is refused.
pub fn business_email(input: &str) -> Result<String, String> {
    // Checked before trimming: trimming would hide a pasted second line or a folded mail header,
    // and what is left would not be what the person typed.
    if let Some(c) = input.chars().find(|c| c.is_control()) {
        return Err(match c {
            '\r' | '\n' => "contains a line break; enter one address on one line".into(),
            '\t' => "contains a tab".into(),
            _ => "contains an invisible control character".into(),
        });
    }
    let address = rapport_import::fields::nfc(input.trim());
    if address.is_empty() {
        return Err("is empty".into());
    }
    let Some((local, host)) = address.rsplit_once('@') else {
        return Err("needs an @ between the name and the domain, e.g. anna@example.com".into());
    };
    if local.is_empty() {
        return Err("has nothing before the @".into());
    }
    if host.is_empty() {
        return Err("has nothing after the @".into());
    }
    if address.contains('(') {
        return Err("contains a comment in brackets ( ), which work addresses never have".into());
    }
    if local.starts_with('"') {
        return Err(
            "has a name in quotation marks before the @, which work addresses never have".into(),
        );
    }
    if host.starts_with('[') {
        return Err(
            "has an address in square brackets after the @ instead of a domain name, \
                    e.g. example.com"
                .into(),
        );
    }
    if address.contains('<') || address.contains('>') {
        return Err("contains < or >; enter the address alone, e.g. anna@example.com".into());
    }
    if local.contains('@') {
        return Err("has more than one @".into());
    }
    if address.chars().any(char::is_whitespace) {
        return Err("contains a space".into());
    }
    if let Some(c) = address.chars().find(|c| invisible(*c)) {
        return Err(format!(
            "contains an invisible character (U+{:04X}); retype the address",
            u32::from(c)
        ));
    }
    check_local(local)?;
    let host = host.to_lowercase();
    check_host(&host)?;
    if address.len() > MAX_ADDRESS {
        return Err(too_long("is too long", MAX_ADDRESS, &address));
    }
    Ok(format!("{local}@{host}"))
}

fn check_local(local: &str) -> Result<(), String> {
    if local.len() > MAX_LOCAL {
        return Err(too_long("is too long before the @", MAX_LOCAL, local));
    }
    if local.starts_with('.') {
        return Err("starts with a dot".into());
    }
    if local.ends_with('.') {
        return Err("has a dot just before the @".into());
    }
    if local.contains("..") {
        return Err("has two dots in a row before the @".into());
    }
    if let Some(c) = local.chars().find(|c| !atext(*c) && *c != '.') {
        return Err(format!(
            "contains {}, which an address cannot have before the @",
            describe(c)
        ));
    }
    Ok(())
}

fn check_host(host: &str) -> Result<(), String> {
    if !host.contains('.') {
        return Err("needs a domain with a dot after the @, e.g. example.com".into());
    }
    if host.starts_with('.') {
        return Err("has a dot just after the @".into());
    }
    if host.ends_with('.') {
        return Err("ends with a dot".into());
    }
    if host.contains("..") {
        return Err("has two dots in a row in the domain".into());
    }
    if host.len() > MAX_HOST {
        return Err(too_long("has a domain that is too long", MAX_HOST, host));
    }
    let labels: Vec<&str> = host.split('.').collect();
    for label in &labels {
        if label.len() > MAX_LABEL {
            return Err(too_long(
                "has a part of the domain between dots that is too long",
                MAX_LABEL,
                label,
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("has a part of the domain that starts or ends with a hyphen".into());
        }
        if let Some(c) = label.chars().find(|c| !host_char(*c)) {
            return Err(format!(
                "contains {}, which a domain name cannot have",
                describe(c)
            ));
        }
    }
    let numeric = |label: &&str| label.bytes().all(|b| b.is_ascii_digit());
    if labels.iter().all(numeric) {
        return Err(
            "has an IP address after the @ instead of a domain name, e.g. example.com".into(),
        );
    }
    // No top-level domain is a number; "anna@example.123" is a typing mistake.
    if labels.last().is_some_and(numeric) {
        return Err("ends in a number instead of a domain ending such as .com".into());
    }
    Ok(())
}

/// RFC 5322 atext, extended to non-ASCII characters as RFC 6531 allows.
fn atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+-/=?^_`{|}~".contains(c)
        || (!c.is_ascii() && !c.is_control() && !c.is_whitespace())
}

/// Letters, digits and hyphens; for internationalised domains any letter or digit and the
/// combining marks some scripts need (the Devanagari virama is neither letter nor digit).
fn host_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || (!c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c)))
}

/// A character as a person would name it; the quotation mark in quotation marks is unreadable.
fn describe(c: char) -> String {
    match c {
        '"' => "a quotation mark".into(),
        '\\' => "a backslash".into(),
        ',' => "a comma".into(),
        ';' => "a semicolon".into(),
        ':' => "a colon".into(),
        '(' | ')' => "a bracket".into(),
        '[' | ']' => "a square bracket".into(),
        _ => format!("\"{c}\""),
    }
}

/// The limits are in bytes; a person counts characters, and a letter outside A-Z takes two to
/// four bytes, so the message says so only when it matters.
fn too_long(what: &str, limit: usize, text: &str) -> String {
    if text.is_ascii() {
        format!("{what} ({limit} characters at most)")
    } else {
        format!("{what} ({limit} bytes at most; letters outside A-Z take two to four)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_addresses_are_accepted_and_the_host_lower_cased() {
        assert_eq!(
            business_email("  Anna.Berg@Example.COM "),
            Ok("Anna.Berg@example.com".into())
        );
        assert_eq!(
            business_email("jörg@müller.de"),
            Ok("jörg@müller.de".into())
        );
        // Decomposed "o" + diaeresis is stored composed, so the same address is found again.
        assert_eq!(
            business_email("jo\u{308}rg@example.de"),
            Ok("jörg@example.de".into())
        );
        assert!(business_email("info@हिन्दी.भारत").is_ok());
    }

    #[test]
    fn refusals_say_what_is_wrong() {
        let refused = |a: &str| business_email(a).unwrap_err();
        assert_eq!(
            refused("anna@localhost"),
            "needs a domain with a dot after the @, e.g. example.com"
        );
        assert!(refused("\"anna\"@example.com").contains("quotation marks"));
        assert!(refused("anna@[192.0.2.1]").contains("square brackets"));
        assert!(refused("anna(work)@example.com").contains("comment"));
        assert!(refused("anna@example.com\n").contains("line break"));
        assert!(refused("anna@example..com").contains("two dots"));
        assert!(refused("anna@192.0.2.1").contains("IP address"));
        assert!(refused("anna\u{200b}@example.com").contains("invisible character (U+200B)"));
        assert_eq!(
            refused("anna,berg@example.com"),
            "contains a comma, which an address cannot have before the @"
        );
        assert!(refused("Anna Berg <anna@example.com>").contains("< or >"));
    }
}
