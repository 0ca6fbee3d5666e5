//! The business email rule: a dot-atom local part (UTF-8 allowed) `@` a host name with at least
//! one dot. Quoted local parts, IP literals and comments are valid RFC 5322 but refused here:
//! nobody's work address looks like that, and they are how typing mistakes slip through.

/// The address as stored (trimmed, host in lower case), or why it is refused.
pub fn business_email(input: &str) -> Result<String, String> {
    let address = input.trim();
    let Some((local, host)) = address.rsplit_once('@') else {
        return Err("needs an @ between the name and the domain, e.g. anna@example.com".into());
    };
    if local.is_empty() {
        return Err("has nothing before the @".into());
    }
    if local.len() > 64 {
        return Err("has more than 64 characters before the @".into());
    }
    if local.starts_with('"') {
        return Err("uses a quoted name before the @, which business addresses never do".into());
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err("has a dot at the start or end of the name, or two dots in a row".into());
    }
    if let Some(bad) = local.chars().find(|c| !atext(*c) && *c != '.') {
        return Err(format!("contains \"{bad}\", which an address cannot hold"));
    }
    let host = host.to_lowercase();
    if host.starts_with('[') {
        return Err("uses an IP address instead of a domain name".into());
    }
    if !host.contains('.') {
        return Err("needs a domain with a dot, e.g. example.com".into());
    }
    if host.len() > 253 {
        return Err("has a domain longer than 253 characters".into());
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err("has an empty part in the domain (two dots, or a dot at an end)".into());
        }
        if label.len() > 63 {
            return Err("has a domain part longer than 63 characters".into());
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("has a domain part that starts or ends with a hyphen".into());
        }
        if let Some(bad) = label.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
            return Err(format!("contains \"{bad}\" in the domain"));
        }
    }
    if address.len() > 254 {
        return Err("is longer than 254 characters".into());
    }
    Ok(format!("{local}@{host}"))
}

/// RFC 5322 atext, extended to non-ASCII letters as RFC 6531 allows.
fn atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+-/=?^_`{|}~".contains(c)
        || (!c.is_ascii() && !c.is_control() && !c.is_whitespace())
}
