//! Data-quality findings of one contact, computed when it is read: what is missing, invalid,
//! stale or inconsistent, each naming the form field that fixes it.

use chrono::{DateTime, Duration, Utc};

use super::policy::LifecyclePolicy;
use crate::model::{ContactDetail, ContactStatus, ContactType, Finding};
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
