//! The import policy for one record: when it becomes a contact, when it is rejected and why,
//! and what is kept with a warning. The field rules are the contact form's own validators, so
//! an imported address or number is held to the same standard as a typed one.

use rapport_import::fields::{ContactFields, Reason, Rejection, MAX_FIELD_CHARS};

use crate::validate;

/// Fields an administrator can make required (`--require`, and the import setting).
pub const REQUIRABLE: [&str; 10] = [
    "given_name",
    "family_name",
    "organization",
    "department",
    "job_title",
    "email",
    "phone",
    "address",
    "birthday",
    "categories",
];

/// A record that may be stored: its fields normalised (emails as stored, phones with E.164 and
/// extension) and the warnings it carries.
#[derive(Debug, Clone)]
pub struct Checked {
    pub fields: ContactFields,
    pub warnings: Vec<String>,
}

/// Checks one record's fields. `region` is the country for numbers written without one.
pub fn check(
    mut fields: ContactFields,
    region: &str,
    required: &[String],
) -> Result<Checked, Rejection> {
    check_lengths(&fields)?;
    let has_name = [
        &fields.given_name,
        &fields.family_name,
        &fields.middle_name,
        &fields.display_name,
        &fields.nickname,
    ]
    .iter()
    .any(|f| f.is_some());
    if !has_name
        && fields.organization.is_none()
        && fields.emails.is_empty()
        && fields.phones.is_empty()
    {
        return Err(Rejection::new(
            Reason::EmptyRecord,
            "No name, organisation, email address or phone number: nothing to make a contact of.",
        ));
    }
    for field in required {
        if is_missing(&fields, field) {
            return Err(Rejection::new(
                Reason::MissingRequiredField(field.clone()),
                format!("The required field {field} is empty."),
            )
            .field(field.clone()));
        }
    }
    let mut warnings = Vec::new();
    for (i, email) in fields.emails.iter_mut().enumerate() {
        match validate::business_email(&email.value) {
            Ok(stored) => email.value = stored,
            Err(problem) => {
                return Err(Rejection::new(
                    Reason::InvalidEmail,
                    format!("Email address \"{}\" {problem}.", email.value),
                )
                .field(format!("emails.{i}")))
            }
        }
    }
    for (i, phone) in fields.phones.iter_mut().enumerate() {
        match validate::parse_phone(&phone.value, region, phone.extension.as_deref()) {
            Ok(parsed) => {
                if !parsed.in_plan {
                    warnings.push(format!(
                        "Phone number \"{}\" is not an allocated number in its country's numbering plan.",
                        phone.value
                    ));
                }
                phone.e164 = Some(parsed.e164);
                phone.extension = parsed.extension;
            }
            Err(problem) if !validate::phone::could_be_number(&phone.value) => {
                return Err(Rejection::new(
                    Reason::InvalidPhone,
                    format!("Phone number \"{}\" {problem}.", phone.value),
                )
                .field(format!("phones.{i}")))
            }
            // Well formed but outside any plan the parser knows: kept as written, flagged.
            Err(problem) => warnings.push(format!(
                "Phone number \"{}\" {problem}; kept as written.",
                phone.value
            )),
        }
    }
    if fields.family_name.is_none() {
        warnings.push("No family name.".into());
    }
    if let Some(birthday) = &fields.birthday {
        if super::records::birthday(birthday).is_none() {
            warnings.push(format!(
                "Birthday \"{birthday}\" is not a date; kept in the notes."
            ));
        }
    }
    Ok(Checked { fields, warnings })
}

fn is_missing(fields: &ContactFields, field: &str) -> bool {
    match field {
        "given_name" => fields.given_name.is_none(),
        "family_name" => fields.family_name.is_none(),
        "organization" => fields.organization.is_none(),
        "department" => fields.department.is_none(),
        "job_title" => fields.job_title.is_none(),
        "email" => fields.emails.is_empty(),
        "phone" => fields.phones.is_empty(),
        "address" => fields.addresses.is_empty(),
        "birthday" => fields.birthday.is_none(),
        "categories" => fields.categories.is_empty(),
        _ => false,
    }
}

fn check_lengths(fields: &ContactFields) -> Result<(), Rejection> {
    let mut texts: Vec<(String, &str)> = Vec::new();
    let singles = [
        ("prefix", &fields.prefix),
        ("given_name", &fields.given_name),
        ("middle_name", &fields.middle_name),
        ("family_name", &fields.family_name),
        ("suffix", &fields.suffix),
        ("nickname", &fields.nickname),
        ("display_name", &fields.display_name),
        ("organization", &fields.organization),
        ("department", &fields.department),
        ("job_title", &fields.job_title),
        ("birthday", &fields.birthday),
        ("notes", &fields.notes),
    ];
    for (name, value) in singles {
        if let Some(value) = value {
            texts.push((name.into(), value));
        }
    }
    for (i, e) in fields.emails.iter().enumerate() {
        texts.push((format!("emails.{i}"), &e.value));
    }
    for (i, p) in fields.phones.iter().enumerate() {
        texts.push((format!("phones.{i}"), &p.value));
    }
    for (i, a) in fields.addresses.iter().enumerate() {
        for part in [
            &a.po_box,
            &a.extended,
            &a.street,
            &a.locality,
            &a.region,
            &a.postal_code,
            &a.country,
        ]
        .into_iter()
        .flatten()
        {
            texts.push((format!("addresses.{i}"), part));
        }
    }
    for (i, c) in fields.categories.iter().enumerate() {
        texts.push((format!("categories.{i}"), c));
    }
    for (i, u) in fields.urls.iter().enumerate() {
        texts.push((format!("urls.{i}"), u));
    }
    for (i, r) in fields.related.iter().enumerate() {
        texts.push((format!("related.{i}"), &r.value));
    }
    // Counting characters is linear; most values are short, so check bytes first.
    match texts
        .into_iter()
        .find(|(_, t)| t.len() > MAX_FIELD_CHARS && t.chars().count() > MAX_FIELD_CHARS)
    {
        Some((name, text)) => Err(Rejection::new(
            Reason::FieldTooLong,
            format!(
                "{name} has {} characters; a field holds at most {MAX_FIELD_CHARS}.",
                text.chars().count()
            ),
        )
        .field(name)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rapport_import::fields::{EmailField, PhoneField};

    fn named(family: &str) -> ContactFields {
        ContactFields {
            family_name: Some(family.into()),
            ..ContactFields::default()
        }
    }

    #[test]
    fn a_record_needs_a_name_an_organisation_an_email_or_a_phone() {
        let empty = ContactFields {
            notes: Some("just a note".into()),
            ..ContactFields::default()
        };
        let refused = check(empty, "GB", &[]).unwrap_err();
        assert_eq!(refused.reason.code(), "empty_record");
        assert!(check(named("Okafor"), "GB", &[]).is_ok());
    }

    #[test]
    fn emails_follow_the_business_rule() {
        let mut fields = named("Okafor");
        fields.emails.push(EmailField {
            value: "contact1@invalid".into(),
            ..EmailField::default()
        });
        let refused = check(fields, "GB", &[]).unwrap_err();
        assert_eq!(refused.reason.code(), "invalid_email");
        assert_eq!(refused.field.as_deref(), Some("emails.0"));
    }

    #[test]
    fn phones_are_rejected_only_when_they_cannot_be_numbers() {
        let in_region = |value: &str, region: &str| {
            let mut fields = named("Okafor");
            fields.phones.push(PhoneField {
                value: value.into(),
                ..PhoneField::default()
            });
            check(fields, region, &[])
        };
        let phone = |value: &str| in_region(value, "GB");
        assert_eq!(
            phone("020 7946 OOOO").unwrap_err().reason.code(),
            "invalid_phone"
        );
        assert_eq!(phone("12345").unwrap_err().reason.code(), "invalid_phone");
        let kept = phone("+44 20 7946 0958 ext. 12").unwrap();
        assert_eq!(kept.fields.phones[0].e164.as_deref(), Some("+442079460958"));
        assert_eq!(kept.fields.phones[0].extension.as_deref(), Some("12"));
        // Well formed, but no such range in the plan: kept with a warning.
        let fictional = in_region("+1 212 33445566", "US").unwrap();
        assert_eq!(
            fictional.fields.phones[0].e164.as_deref(),
            Some("+121233445566")
        );
        // Too short for its plan, but digits only: kept as written, with a warning.
        let short = in_region("253 0000", "US").unwrap();
        assert_eq!(short.fields.phones[0].e164, None);
        assert!(!short.warnings.is_empty());
        assert!(!fictional.warnings.is_empty());
    }

    #[test]
    fn required_fields_name_themselves() {
        let refused = check(named("Okafor"), "GB", &["email".into()]).unwrap_err();
        assert_eq!(refused.reason.code(), "missing_required_field:email");
    }

    #[test]
    fn a_field_over_the_limit_is_rejected_by_name() {
        let mut fields = named("Okafor");
        fields.notes = Some("x".repeat(MAX_FIELD_CHARS + 1));
        let refused = check(fields, "GB", &[]).unwrap_err();
        assert_eq!(refused.reason.code(), "field_too_long");
        assert_eq!(refused.field.as_deref(), Some("notes"));
    }
}
