//! Data-quality findings of one contact, computed when it is read: what is missing, invalid,
//! stale or inconsistent, each naming the form field that fixes it.

use chrono::{DateTime, Duration, Utc};

use super::policy::LifecyclePolicy;
use crate::model::{ContactChannel, ContactDetail, ContactStatus, ContactType, Finding, PhoneKind};
use crate::validate;

fn finding(code: &str, field: Option<String>, message: impl Into<String>) -> Finding {
    Finding {
        code: code.into(),
        field,
        message: message.into(),
    }
}

pub fn of(contact: &ContactDetail, policy: &LifecyclePolicy, now: DateTime<Utc>) -> Vec<Finding> {
    let mut out = Vec::new();
    if contact.erased {
        return out;
    }
    if contact.last_name.trim().is_empty() {
        out.push(finding(
            "missing_last_name",
            Some("lastName".into()),
            "No last name: letters and search by surname cannot find this person.",
        ));
    }
    if contact.emails.is_empty() && contact.phones.is_empty() {
        out.push(finding(
            "unreachable",
            Some("emails.0.address".into()),
            "No email address or phone number.",
        ));
    }
    for (i, email) in contact.emails.iter().enumerate() {
        if let Err(problem) = validate::business_email(&email.address) {
            out.push(finding(
                "invalid_email",
                Some(format!("emails.{i}.address")),
                format!("{} {problem}.", email.address),
            ));
        }
    }
    for (i, phone) in contact.phones.iter().enumerate() {
        let in_plan = validate::parse_phone(&phone.e164, "", None).is_ok_and(|p| p.in_plan);
        if !in_plan {
            out.push(finding(
                "phone_not_in_plan",
                Some(format!("phones.{i}.number")),
                format!(
                    "{} is not an allocated number in its country's numbering plan.",
                    phone.display
                ),
            ));
        }
    }
    if contact.contact_type == ContactType::Other && contact.contact_type_other.is_none() {
        out.push(finding(
            "type_undescribed",
            Some("contactTypeOther".into()),
            "The contact type is \"other\" without a description.",
        ));
    }
    // Completeness: what a contact of this type is for needs these.
    match contact.contact_type {
        ContactType::Billing if contact.emails.is_empty() => out.push(finding(
            "billing_without_email",
            Some("emails.0.address".into()),
            "A billing contact without an email address cannot receive invoices by email.",
        )),
        ContactType::Emergency
            if !contact.phones.iter().any(|p| {
                matches!(
                    p.kind,
                    PhoneKind::Mobile | PhoneKind::Office | PhoneKind::Home
                )
            }) =>
        {
            out.push(finding(
                "emergency_without_phone",
                Some("phones.0.number".into()),
                "An emergency contact needs a phone number that can be called at any time.",
            ))
        }
        ContactType::Primary
            if contact
                .job_title
                .as_deref()
                .is_none_or(|t| t.trim().is_empty()) =>
        {
            out.push(finding(
                "missing_job_title",
                Some("jobTitle".into()),
                "A primary contact without a job title: others cannot tell their role.",
            ))
        }
        _ => {}
    }
    // Consistency: the preferred way to reach the person must exist.
    let missing_preferred = match contact.preferred_method {
        Some(ContactChannel::Email) => contact.emails.is_empty(),
        Some(ContactChannel::Phone | ContactChannel::Sms) => contact.phones.is_empty(),
        Some(ContactChannel::Post) => contact.addresses.is_empty(),
        None => false,
    };
    if missing_preferred {
        out.push(finding(
            "preferred_method_unusable",
            Some("preferredMethod".into()),
            "The preferred way to reach this person has no address or number to use.",
        ));
    }
    if contact.sites.is_empty() {
        out.push(finding(
            "no_site",
            Some("sites".into()),
            "Not associated with any site: only site administrators can see this contact.",
        ));
    }
    if contact.status == ContactStatus::Active {
        let due = Duration::days(i64::from(policy.verification_days));
        match contact.verified_at {
            None => out.push(finding(
                "never_verified",
                None,
                "These details have never been verified with the person.",
            )),
            Some(at) if now - at > due => out.push(finding(
                "verification_stale",
                None,
                format!(
                    "Last verified {} days ago (the policy asks every {} days).",
                    (now - at).num_days(),
                    policy.verification_days
                ),
            )),
            Some(_) => {}
        }
    }
    out
}

/// How much each finding costs a contact's score, out of 100: reachability and verification
/// most, descriptions least.
fn weight(code: &str) -> u32 {
    match code {
        "unreachable" => 35,
        "never_verified" => 20,
        "missing_last_name"
        | "invalid_email"
        | "no_site"
        | "billing_without_email"
        | "emergency_without_phone" => 15,
        "phone_not_in_plan" | "verification_stale" | "preferred_method_unusable" => 10,
        _ => 5,
    }
}

/// The contact's data-quality score: 100 less the weight of each finding, never below 0.
pub fn score(findings: &[Finding]) -> u32 {
    100u32.saturating_sub(findings.iter().map(|f| weight(&f.code)).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(code: &str) -> Finding {
        finding(code, None, "")
    }

    #[test]
    fn the_score_falls_with_each_finding_and_stops_at_zero() {
        assert_eq!(score(&[]), 100);
        assert_eq!(score(&[found("never_verified")]), 80);
        assert_eq!(score(&[found("unreachable"), found("never_verified")]), 45);
        assert_eq!(score(&[found("missing_job_title")]), 95);
        let all: Vec<Finding> = [
            "unreachable",
            "never_verified",
            "no_site",
            "missing_last_name",
            "invalid_email",
            "phone_not_in_plan",
        ]
        .iter()
        .map(|c| found(c))
        .collect();
        assert_eq!(score(&all), 0);
    }
}
