//! The contact form's rules: every field of a [`ContactInput`] checked at once, each problem
//! named by its field path (`emails.0.address`, `sites.1.siteId`) so the UI shows it in place.
//! Used by the wizard's step checks, creation, editing, import and the CLI.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::access::Actor;
use crate::error::{CoreResult, FieldProblem};
use crate::model::*;
use crate::store::bulk::{
    AddressRecord, ContactRecord, EmailRecord, PhoneRecord, SiteAssociationRecord,
};
use crate::validate::{self, MAX_FIELD_CHARS};

/// Longest name part; longer is a paste gone wrong.
const MAX_NAME_CHARS: usize = 200;
const MAX_TAG_CHARS: usize = 60;

/// What the rules depend on besides the form.
pub struct FormContext<'a> {
    pub actor: &'a Actor,
    /// The organisation's country: numbers typed without a country are read as numbers there.
    pub home: &'a str,
    /// The wizard and the CLI require a last name; an edit of an imported contact without one
    /// does not (it keeps its data-quality finding instead).
    pub require_last_name: bool,
    pub sms_enabled: bool,
    pub today: chrono::NaiveDate,
    /// Sites the contact is already at: an edit may keep them even where the user's scope does
    /// not reach (a contact shared between two territories), but not add new ones there.
    pub kept_sites: Vec<i64>,
    /// The owner already stored: kept as it is even if that user was disabled since.
    pub kept_owner: Option<String>,
}

/// A site the form refers to, as the database knows it.
#[derive(Debug, Clone, sqlx::FromRow)]
struct SiteFacts {
    id: i64,
    account_name: String,
    territory_id: i64,
    in_scope: bool,
}

/// A form that passed: the record to store (id 0 until one is given) and its warnings.
#[derive(Debug)]
pub struct Prepared {
    pub record: ContactRecord,
    pub warnings: Vec<FieldProblem>,
}

/// The outcome of checking a form: what blocks saving and what only warns.
#[derive(Debug, Default)]
pub struct Verdict {
    pub problems: Vec<FieldProblem>,
    pub warnings: Vec<FieldProblem>,
}

impl Verdict {
    fn problem(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.problems.push(FieldProblem::new(field, message));
    }

    fn warning(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(FieldProblem::new(field, message));
    }
}

fn checked_text(v: &mut Verdict, field: &str, input: Option<&str>, max: usize) -> Option<String> {
    let value = validate::optional(input);
    if let Some(value) = &value {
        if value.chars().count() > max {
            v.problem(field, format!("is longer than {max} characters"));
        }
    }
    value
}

fn checked_multiline(v: &mut Verdict, field: &str, input: Option<&str>) -> Option<String> {
    let value = validate::multiline(input);
    if value
        .as_ref()
        .is_some_and(|t| t.chars().count() > MAX_FIELD_CHARS)
    {
        v.problem(
            field,
            format!("is longer than {MAX_FIELD_CHARS} characters"),
        );
    }
    value
}

fn checked_amount(v: &mut Verdict, field: &str, input: Option<&str>) -> Option<i64> {
    let input = input.map(str::trim).filter(|t| !t.is_empty())?;
    match validate::amount_minor(input) {
        Ok(minor) => Some(minor),
        Err(message) => {
            v.problem(field, message);
            None
        }
    }
}

/// Checks a form against the rules and the database. Returns the record to store when nothing
/// blocks it; the verdict carries every problem and warning either way.
pub async fn prepare(
    conn: &mut SqliteConnection,
    input: &ContactInput,
    ctx: &FormContext<'_>,
    now: DateTime<Utc>,
) -> CoreResult<(Option<Prepared>, Verdict)> {
    let mut v = Verdict::default();

    // Names.
    let first_name = checked_text(&mut v, "firstName", Some(&input.first_name), MAX_NAME_CHARS)
        .unwrap_or_default();
    let last_name = checked_text(&mut v, "lastName", Some(&input.last_name), MAX_NAME_CHARS)
        .unwrap_or_default();
    if last_name.is_empty() && ctx.require_last_name {
        v.problem("lastName", "is required");
    } else if last_name.is_empty() && first_name.is_empty() {
        v.problem("firstName", "a first or last name is required");
    }
    let salutation = checked_text(&mut v, "salutation", input.salutation.as_deref(), 40);
    let middle_name = checked_text(&mut v, "middleName", input.middle_name.as_deref(), 100);
    let preferred_name = checked_text(
        &mut v,
        "preferredName",
        input.preferred_name.as_deref(),
        100,
    );
    let suffix = checked_text(&mut v, "suffix", input.suffix.as_deref(), 40);

    // Role and authority.
    let contact_type_other = checked_text(
        &mut v,
        "contactTypeOther",
        input.contact_type_other.as_deref(),
        100,
    );
    let contact_type_other = if input.contact_type == ContactType::Other {
        if contact_type_other.is_none() {
            v.problem("contactTypeOther", "describe what kind of contact this is");
        }
        contact_type_other
    } else {
        None
    };
    let job_title = checked_text(&mut v, "jobTitle", input.job_title.as_deref(), 200);
    let department = checked_text(&mut v, "department", input.department.as_deref(), 200);
    let authority_level = checked_text(
        &mut v,
        "authorityLevel",
        input.authority_level.as_deref(),
        200,
    );
    let authority_scope =
        checked_multiline(&mut v, "authorityScope", input.authority_scope.as_deref());
    let approval_limit_minor =
        checked_amount(&mut v, "approvalLimit", input.approval_limit.as_deref());
    let employee_id = checked_text(&mut v, "employeeId", input.employee_id.as_deref(), 100);

    // Emails.
    let mut emails = Vec::new();
    let mut seen_emails = HashSet::new();
    for (i, email) in input.emails.iter().enumerate() {
        let field = format!("emails.{i}.address");
        if email.address.trim().is_empty() {
            continue;
        }
        match validate::business_email(&email.address) {
            Ok(address) => {
                if !seen_emails.insert(address.to_lowercase()) {
                    v.problem(field, "is already entered above");
                } else {
                    emails.push(EmailRecord {
                        kind: email.kind,
                        address,
                    });
                }
            }
            Err(message) => v.problem(field, message),
        }
    }

    // Phones.
    let mut phones = Vec::new();
    let mut seen_phones = HashSet::new();
    for (i, phone) in input.phones.iter().enumerate() {
        if phone.number.trim().is_empty() {
            if phone
                .extension
                .as_deref()
                .is_some_and(|e| !e.trim().is_empty())
            {
                v.problem(format!("phones.{i}.number"), "an extension needs a number");
            }
            continue;
        }
        let country = if phone.country.trim().is_empty() {
            ctx.home
        } else {
            phone.country.as_str()
        };
        match validate::parse_phone(&phone.number, country, phone.extension.as_deref()) {
            Ok(parsed) => {
                if !parsed.in_plan {
                    v.warning(
                        format!("phones.{i}.number"),
                        "is not an allocated number in its country's numbering plan; kept as typed",
                    );
                }
                if !seen_phones.insert((parsed.e164.clone(), parsed.extension.clone())) {
                    v.problem(format!("phones.{i}.number"), "is already entered above");
                    continue;
                }
                phones.push(PhoneRecord {
                    kind: phone.kind,
                    search_digits: crate::phone::search_digits(&parsed.e164),
                    e164: parsed.e164,
                    extension: parsed.extension,
                });
            }
            Err(message) => v.problem(format!("phones.{i}.number"), message),
        }
    }

    // Addresses: an address with anything filled needs its street, city and country.
    let mut addresses = Vec::new();
    for (i, a) in input.addresses.iter().enumerate() {
        let line1 = checked_text(&mut v, &format!("addresses.{i}.line1"), Some(&a.line1), 200);
        let line2 = checked_text(
            &mut v,
            &format!("addresses.{i}.line2"),
            a.line2.as_deref(),
            200,
        );
        let city = checked_text(&mut v, &format!("addresses.{i}.city"), Some(&a.city), 100);
        let region = checked_text(
            &mut v,
            &format!("addresses.{i}.region"),
            a.region.as_deref(),
            100,
        );
        let postal_code = checked_text(
            &mut v,
            &format!("addresses.{i}.postalCode"),
            a.postal_code.as_deref(),
            20,
        );
        let country = validate::optional(Some(&a.country)).map(|c| c.to_uppercase());
        let anything = line1.is_some()
            || line2.is_some()
            || city.is_some()
            || region.is_some()
            || postal_code.is_some();
        if !anything {
            continue;
        }
        if line1.is_none() {
            v.problem(format!("addresses.{i}.line1"), "is required for an address");
        }
        if city.is_none() {
            v.problem(format!("addresses.{i}.city"), "is required for an address");
        }
        match &country {
            Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_alphabetic()) => {}
            Some(_) => v.problem(
                format!("addresses.{i}.country"),
                "must be a two-letter country code such as GB",
            ),
            None => v.problem(
                format!("addresses.{i}.country"),
                "is required for an address",
            ),
        }
        addresses.push(AddressRecord {
            kind: a.kind,
            line1: line1.unwrap_or_default(),
            line2,
            city: city.unwrap_or_default(),
            region,
            postal_code,
            country: country.unwrap_or_default(),
        });
    }

    // Preferences.
    let preferred_times = checked_text(
        &mut v,
        "preferredTimes",
        input.preferred_times.as_deref(),
        200,
    );
    let time_zone =
        checked_text(&mut v, "timeZone", input.time_zone.as_deref(), 64).and_then(|zone| {
            match validate::time_zone(&zone) {
                Ok(zone) => Some(zone),
                Err(message) => {
                    v.problem("timeZone", message);
                    None
                }
            }
        });
    let language = checked_text(&mut v, "language", input.language.as_deref(), 35);
    if let Some(language) = &language {
        let mut parts = language.split('-');
        let primary_ok = parts.next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic())
        });
        let rest_ok = parts
            .all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if !primary_ok || !rest_ok {
            v.problem("language", "must be a language tag such as en or pt-BR");
        }
    }
    let mut channels: Vec<(ContactChannel, bool, bool)> = Vec::new();
    for (i, pref) in input.channel_preferences.iter().enumerate() {
        if channels.iter().any(|(c, _, _)| *c == pref.channel) {
            v.problem(format!("channelPreferences.{i}"), "is listed twice");
            continue;
        }
        if pref.channel == ContactChannel::Sms && !ctx.sms_enabled && (pref.notify || pref.consent)
        {
            v.problem(
                format!("channelPreferences.{i}"),
                "SMS is not enabled for this organisation",
            );
            continue;
        }
        channels.push((pref.channel, pref.notify, pref.consent));
    }
    if input.preferred_method == Some(ContactChannel::Sms) && !ctx.sms_enabled {
        v.problem(
            "preferredMethod",
            "SMS is not enabled for this organisation",
        );
    }
    let special_instructions = checked_multiline(
        &mut v,
        "specialInstructions",
        input.special_instructions.as_deref(),
    );
    let notes = checked_multiline(&mut v, "notes", input.notes.as_deref());

    // Tags: trimmed, distinct, short.
    let mut tags: Vec<String> = Vec::new();
    for (i, tag) in input.tags.iter().enumerate() {
        let tag = validate::text(tag);
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            v.problem(
                format!("tags.{i}"),
                format!("is longer than {MAX_TAG_CHARS} characters"),
            );
        } else if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            tags.push(tag);
        }
    }

    let mut websites = Vec::new();
    for (i, site) in input.websites.iter().enumerate() {
        let site = site.trim();
        if site.is_empty() {
            continue;
        }
        if !(site.starts_with("https://") || site.starts_with("http://")) || site.contains(' ') {
            v.problem(
                format!("websites.{i}"),
                "must be a web address starting with https://",
            );
        } else {
            websites.push(site.to_string());
        }
    }
    if let Some(birthday) = input.birthday {
        if birthday > ctx.today {
            v.problem("birthday", "is in the future");
        }
    }

    // Owner: an existing, enabled user.
    let owner = validate::optional(input.owner.as_deref());
    if let Some(name) = owner
        .as_ref()
        .filter(|o| ctx.kept_owner.as_ref() != Some(*o))
    {
        let found: Option<bool> =
            sqlx::query_scalar("SELECT disabled = 0 FROM users WHERE username = ?")
                .bind(name)
                .fetch_optional(&mut *conn)
                .await?;
        match found {
            None => v.problem("owner", format!("there is no user called \"{name}\"")),
            Some(false) => v.problem("owner", format!("{name}'s account is disabled")),
            Some(true) => {}
        }
    }

    // Approval documentation.
    let approval_source = checked_text(
        &mut v,
        "approvalSource",
        input.approval_source.as_deref(),
        200,
    );
    if let Some(date) = input.approval_date {
        if date > ctx.today {
            v.problem("approvalDate", "is in the future");
        }
    }

    // Sites: they exist, each once, and (for managers) within the user's scope.
    let sites = check_sites(conn, &mut v, input, ctx).await?;
    let first_site = sites.first().map(|(facts, _)| facts.clone());

    if !v.problems.is_empty() {
        return Ok((None, v));
    }
    let record = ContactRecord {
        id: 0,
        salutation,
        first_name,
        middle_name,
        last_name,
        preferred_name,
        suffix,
        job_title,
        department,
        employee_id,
        contact_type: input.contact_type,
        contact_type_other,
        authority_level,
        authority_scope,
        approval_limit_minor,
        currency: "GBP".into(),
        birthday: input.birthday,
        websites,
        notes,
        preferred_method: input.preferred_method,
        preferred_times,
        time_zone,
        language,
        lifecycle_stage: input.lifecycle_stage,
        priority: input.priority,
        owner,
        special_instructions,
        status: ContactStatus::Active,
        status_reason: None,
        status_changed_at: None,
        verified_at: None,
        verified_by: None,
        verification_method: None,
        approval_source,
        approval_date: input.approval_date,
        company: first_site.as_ref().map(|s| s.account_name.clone()),
        territory_id: first_site.as_ref().map(|s| s.territory_id),
        created_at: now,
        updated_at: now,
        emails,
        phones,
        addresses,
        tags,
        channels,
        lifecycle_history: vec![(input.lifecycle_stage, now)],
        sites: sites.into_iter().map(|(_, record)| record).collect(),
    };
    let warnings = v.warnings.clone();
    Ok((Some(Prepared { record, warnings }), v))
}

async fn check_sites(
    conn: &mut SqliteConnection,
    v: &mut Verdict,
    input: &ContactInput,
    ctx: &FormContext<'_>,
) -> CoreResult<Vec<(SiteFacts, SiteAssociationRecord)>> {
    let mut out: Vec<(SiteFacts, SiteAssociationRecord)> = Vec::new();
    for (i, site) in input.sites.iter().enumerate() {
        let field = format!("sites.{i}.siteId");
        let Ok(site_id) = parse_id("site", &site.site_id) else {
            v.problem(field, "choose a site");
            continue;
        };
        let mut builder =
            sqlx::QueryBuilder::new("SELECT s.id, a.name AS account_name, s.territory_id, ");
        crate::access::scope::push_site_in_scope(&mut builder, ctx.actor);
        builder.push(
            " AS in_scope FROM sites s JOIN accounts a ON a.id = s.account_id
              JOIN territories t ON t.id = s.territory_id WHERE s.id = ",
        );
        builder.push_bind(site_id);
        let facts: Option<SiteFacts> = builder.build_query_as().fetch_optional(&mut *conn).await?;
        let Some(facts) = facts else {
            v.problem(field, "this site does not exist");
            continue;
        };
        if !facts.in_scope && !ctx.kept_sites.contains(&facts.id) {
            v.problem(field, "this site's territory is outside your scope");
            continue;
        }
        if out.iter().any(|(f, _)| f.id == facts.id) {
            v.problem(field, "this site is already chosen above");
            continue;
        }
        let limit = checked_amount(
            v,
            &format!("sites.{i}.authorityLimit"),
            site.authority_limit.as_deref(),
        );
        out.push((
            facts,
            SiteAssociationRecord {
                site_id,
                role: site.role,
                is_primary: false,
                authority_limit_minor: limit,
            },
        ));
    }
    // Without a site in their scope, a manager could create a contact and never see it again.
    match ctx.actor.role() {
        Role::SiteAdmin => {}
        Role::BillingAdmin => {
            let billing = input.contact_type == ContactType::Billing
                || out.iter().any(|(_, s)| s.role == SiteRole::Billing);
            if out.is_empty() || !billing {
                v.problem(
                    "sites",
                    "billing administrators work with billing contacts: choose a site and make \
                     this a billing contact or give it the billing role there",
                );
            }
        }
        Role::RegionalManager | Role::TerritoryManager => {
            if !out.iter().any(|(facts, _)| facts.in_scope)
                && v.problems.iter().all(|p| !p.field.starts_with("sites."))
            {
                v.problem(
                    "sites",
                    "choose at least one site in your scope; without one only site \
                     administrators can see this contact",
                );
            }
        }
    }
    Ok(out)
}
