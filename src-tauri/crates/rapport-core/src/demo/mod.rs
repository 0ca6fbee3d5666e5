//! The demo organisation: a deterministic, realistic data set (regions, territories, accounts,
//! sites, contacts in many languages and scripts) for first start, tests and benchmarks.
//!
//! The same seed and `now` always give the same data. It plants what later features need to
//! show on day one: near-duplicate people and contacts not verified for months.

mod engagement;
mod large_account;
mod names;
mod places;
mod relationships;
pub mod users;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::CoreResult;
use crate::model::*;
use crate::phone::search_digits_from_parts;
use crate::store::bulk::{self, *};
use crate::store::settings;
use crate::Database;
use places::{country, CountrySpec, REGIONS};

pub use large_account::{plant_large_account, LARGE_ACCOUNT_NAME};
pub use users::DemoUser;

/// Contacts in the database the app creates on first start.
pub const DEFAULT_CONTACTS: u64 = 5_000;
pub const DEFAULT_SEED: u64 = 1;
/// The demo organisation is based in the UK.
pub const HOME_COUNTRY: &str = "GB";
/// Accounts per contact, so large demos get proportionally more customers.
const CONTACTS_PER_ACCOUNT: u64 = 25;
const MIN_ACCOUNTS: u64 = 200;
/// Every this-many contacts, one is a planted near-duplicate of the contact before it.
pub const DUPLICATE_EVERY: u64 = 97;

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub contacts: u64,
    pub seed: u64,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DemoSummary {
    pub regions: u64,
    pub territories: u64,
    pub accounts: u64,
    pub sites: u64,
    pub contacts: u64,
    pub users: Vec<DemoUser>,
}

/// Creates the demo organisation in an empty database, reporting progress as contacts land.
pub async fn create(
    db: &Database,
    options: DemoOptions,
    progress: impl FnMut(bulk::BulkProgress),
) -> CoreResult<DemoSummary> {
    let org = organisation(options);
    bulk::insert_organisation(db, &org).await?;
    let generator = ContactGenerator::new(&org, options);
    bulk::insert_contacts(
        db,
        HOME_COUNTRY,
        options.contacts,
        generator.batches(5_000),
        progress,
    )
    .await?;
    settings::set(db, settings::HOME_COUNTRY, HOME_COUNTRY).await?;
    settings::set(db, settings::DEMO, "1").await?;
    // The demo shows every channel, SMS included.
    crate::contact::policy::enable_sms_for_demo(db).await?;
    let users = users::create(db, options.now).await?;
    engagement::create(db, options).await?;
    relationships::create(db, options).await?;
    crate::report::snapshot::reconstruct_weekly(db, options.now, 13).await?;
    Ok(DemoSummary {
        regions: org.regions.len() as u64,
        territories: org.territories.len() as u64,
        accounts: org.accounts.len() as u64,
        sites: org.sites.len() as u64,
        contacts: options.contacts,
        users,
    })
}

const STEMS: &[&str] = &[
    "Northbridge",
    "Harbour",
    "Summit",
    "Meridian",
    "Riverside",
    "Crown",
    "Atlas",
    "Beacon",
    "Keystone",
    "Pinnacle",
    "Sterling",
    "Evergreen",
    "Granite",
    "Horizon",
    "Lakeside",
    "Oakwood",
    "Redwood",
    "Silverline",
    "Trident",
    "Vanguard",
    "Bluewater",
    "Copperfield",
    "Fairview",
    "Highgate",
    "Kingsway",
    "Larkspur",
    "Millbrook",
    "Westmoor",
];
const INDUSTRIES: &[&str] = &[
    "Logistics",
    "Facilities",
    "Healthcare",
    "Hotels",
    "Property",
    "Engineering",
    "Foods",
    "Retail",
    "Parking",
    "Events",
    "Energy",
    "Systems",
    "Hospitality",
    "Aviation Services",
];
const SITE_KINDS: &[&str] = &[
    "Head Office",
    "Distribution Centre",
    "Depot",
    "Campus",
    "Plant",
    "Service Centre",
    "Regional Office",
    "Warehouse",
    "Hospital Car Park",
    "Hotel",
];

/// Regions, territories, accounts and sites for `options.contacts` contacts.
pub fn organisation(options: DemoOptions) -> OrganisationRecords {
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed ^ 0x0a11_ce5e);
    let mut org = OrganisationRecords::default();
    let mut territory_cities = Vec::new();
    for (r, region) in REGIONS.iter().enumerate() {
        let region_id = r as i64 + 1;
        org.regions.push(RegionRecord {
            id: region_id,
            code: region.code.into(),
            name: region.name.into(),
        });
        for territory in region.territories {
            let id = org.territories.len() as i64 + 1;
            org.territories.push(TerritoryRecord {
                id,
                region_id,
                code: territory.code.into(),
                name: territory.name.into(),
            });
            territory_cities.push((id, region_id, territory.cities));
        }
    }
    let accounts = (options.contacts / CONTACTS_PER_ACCOUNT).max(MIN_ACCOUNTS);
    for a in 0..accounts {
        let account_id = a as i64 + 1;
        let (home_territory, home_region, home_cities) =
            territory_cities[rng.gen_range(0..territory_cities.len())];
        let home_country = country(home_cities[0].0);
        let stem = pick(&mut rng, STEMS);
        let industry = pick(&mut rng, INDUSTRIES);
        let private = rng.gen_bool(0.08);
        let name = if private {
            let family = pick(&mut rng, names::names(home_country.culture).family).0;
            format!("{family} Household")
        } else if matches!(home_country.iso, "JP" | "KR") {
            format!("{} {stem} {industry}", home_country.legal_suffix)
        } else {
            format!("{stem} {industry} {}", home_country.legal_suffix)
        };
        org.accounts.push(AccountRecord {
            id: account_id,
            name,
            kind: if private {
                AccountKind::Private
            } else {
                AccountKind::Business
            },
            active: !rng.gen_bool(0.04),
        });
        let site_count = if private { 1 } else { rng.gen_range(1..=5) };
        for s in 0..site_count {
            // Most sites are in the account's home territory; some elsewhere in its region.
            let (territory_id, cities) = if s == 0 || rng.gen_bool(0.8) {
                (home_territory, home_cities)
            } else {
                let same_region: Vec<_> = territory_cities
                    .iter()
                    .filter(|(_, region, _)| *region == home_region)
                    .collect();
                let (id, _, cities) = same_region[rng.gen_range(0..same_region.len())];
                (*id, *cities)
            };
            // The first site is the head office, in the account's home country.
            let candidates: Vec<_> = cities
                .iter()
                .filter(|(iso, _)| s > 0 || *iso == home_country.iso)
                .collect();
            let (iso, city) = *candidates[rng.gen_range(0..candidates.len())];
            let spec = country(iso);
            let site_name = if s == 0 && !private {
                format!("{city} {}", SITE_KINDS[0])
            } else {
                format!("{city} {}", pick(&mut rng, &SITE_KINDS[1..]))
            };
            org.sites.push(SiteRecord {
                id: org.sites.len() as i64 + 1,
                account_id,
                territory_id,
                name: site_name,
                line1: street_line(&mut rng, spec),
                city: city.into(),
                postal_code: Some(fill(&mut rng, postal_pattern(iso))),
                country: iso.into(),
            });
        }
    }
    org
}

/// Produces contacts one by one, deterministically, for the organisation it was given.
pub struct ContactGenerator<'a> {
    org: &'a OrganisationRecords,
    options: DemoOptions,
    rng: ChaCha8Rng,
    next_id: i64,
    /// For each account, its sites as a range of indexes into `org.sites`.
    account_sites: Vec<std::ops::Range<usize>>,
    site_has_primary: Vec<bool>,
    previous: Option<ContactRecord>,
}

impl<'a> ContactGenerator<'a> {
    pub fn new(org: &'a OrganisationRecords, options: DemoOptions) -> Self {
        let mut account_sites = vec![0..0; org.accounts.len()];
        for (i, site) in org.sites.iter().enumerate() {
            let slot = &mut account_sites[(site.account_id - 1) as usize];
            if slot.end == 0 {
                slot.start = i;
            }
            slot.end = i + 1;
        }
        Self {
            org,
            options,
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            next_id: 1,
            account_sites,
            site_has_primary: vec![false; org.sites.len()],
            previous: None,
        }
    }

    /// Batches of up to `size` contacts until `options.contacts` are made.
    pub fn batches(mut self, size: usize) -> impl Iterator<Item = Vec<ContactRecord>> + 'a {
        std::iter::from_fn(move || {
            let remaining = self
                .options
                .contacts
                .saturating_sub(self.next_id as u64 - 1);
            if remaining == 0 {
                return None;
            }
            let n = remaining.min(size as u64) as usize;
            Some((0..n).map(|_| self.next_contact()).collect())
        })
    }

    pub fn next_contact(&mut self) -> ContactRecord {
        let id = self.next_id;
        self.next_id += 1;
        let contact = match self.previous.take() {
            Some(previous) if (id as u64).is_multiple_of(DUPLICATE_EVERY) => {
                self.near_duplicate(id, &previous)
            }
            _ => self.fresh(id),
        };
        self.previous = Some(contact.clone());
        contact
    }

    /// A second record of the same person: a typo in the family name, the email in other case,
    /// or the initial of the given name, as people create them in real data.
    fn near_duplicate(&mut self, id: i64, original: &ContactRecord) -> ContactRecord {
        let mut copy = original.clone();
        copy.id = id;
        for site in &mut copy.sites {
            site.is_primary = false;
        }
        match (id as u64 / DUPLICATE_EVERY) % 3 {
            0 => {
                copy.last_name = swap_letters(&copy.last_name);
                if let Some(email) = copy.emails.first_mut() {
                    email.address = email.address.to_uppercase();
                }
            }
            1 => {
                if let Some(email) = copy.emails.first_mut() {
                    email.address = capitalise_local_part(&email.address);
                }
                copy.phones.truncate(1);
            }
            _ => {
                let initial: String = copy.first_name.chars().take(1).collect();
                copy.first_name = format!("{initial}.");
                copy.preferred_name = None;
                copy.phones.clear();
            }
        }
        copy.created_at = self.options.now - Duration::days(self.rng.gen_range(1..60));
        copy.updated_at = copy.created_at;
        copy.lifecycle_history = vec![(copy.lifecycle_stage, copy.created_at)];
        copy
    }

    fn fresh(&mut self, id: i64) -> ContactRecord {
        let now = self.options.now;
        let rng = &mut self.rng;
        let account_index = rng.gen_range(0..self.org.accounts.len());
        let account = &self.org.accounts[account_index];
        let sites = self.account_sites[account_index].clone();
        let site_index = rng.gen_range(sites.clone());
        let site = &self.org.sites[site_index];
        let spec = country(&site.country);
        let names = names::names(spec.culture);
        let female = rng.gen_bool(0.5);
        let (first, first_latin) = *pick(rng, if female { names.female } else { names.male });
        let (last, last_latin) = *pick(rng, names.family);
        let latin = matches!(first_latin, "");

        let contact_type = weighted(
            rng,
            &[
                (ContactType::Primary, 20),
                (ContactType::Billing, 20),
                (ContactType::Operations, 35),
                (ContactType::Emergency, 10),
                (ContactType::Other, 15),
            ],
        );
        let (titles, department, role) = job_for(contact_type);
        let job_title = (*pick(rng, titles)).to_string();
        let status = weighted(
            rng,
            &[
                (ContactStatus::Active, 88),
                (ContactStatus::Inactive, 9),
                (ContactStatus::Archived, 3),
            ],
        );
        let lifecycle_stage = match status {
            ContactStatus::Active => weighted(
                rng,
                &[
                    (LifecycleStage::ActiveCustomer, 78),
                    (LifecycleStage::Prospect, 16),
                    (LifecycleStage::Lead, 6),
                ],
            ),
            _ => LifecycleStage::Former,
        };

        let created_at = now
            - Duration::days(rng.gen_range(30..1500))
            - Duration::seconds(rng.gen_range(0..86_400));
        let mut updated_at = created_at
            + Duration::seconds(rng.gen_range(0..=(now - created_at).num_seconds().max(1)));
        // Inactive contacts went inactive within the archival period (default 365 days): older
        // ones would have been archived already.
        if status == ContactStatus::Inactive && now - updated_at > Duration::days(300) {
            updated_at = now - Duration::days(rng.gen_range(1..300));
        }
        let updated_at = updated_at.max(created_at);
        // About one in six has not been verified for more than six months.
        let verified_at = match rng.gen_range(0..100) {
            0..=4 => None,
            5..=20 => Some(now - Duration::days(rng.gen_range(200..720))),
            _ => Some(now - Duration::days(rng.gen_range(0..150))),
        }
        .map(|at| at.max(created_at));

        // The account's first site is in its home country, whose domain its people's email uses.
        let home = country(&self.org.sites[sites.start].country);
        let domain = email_domain(&account.name, home);
        let local = format!(
            "{}.{}",
            ascii_slug(if latin { first } else { first_latin }),
            ascii_slug(if latin { last } else { last_latin })
        );
        let mut emails = vec![EmailRecord {
            kind: EmailKind::Business,
            address: format!("{local}@{domain}"),
        }];
        if rng.gen_bool(0.2) {
            let initial: String = local.chars().take(1).collect();
            let family = local.split('.').nth(1).unwrap_or_default();
            emails.push(EmailRecord {
                kind: EmailKind::Alternate,
                address: format!("{initial}.{family}@{domain}"),
            });
        }
        let mut phones = Vec::new();
        if rng.gen_bool(0.95) {
            let pattern = *pick(rng, spec.landlines);
            let national = fill(rng, pattern);
            phones.push(phone_record(
                spec,
                PhoneKind::Office,
                &national,
                rng.gen_bool(0.3)
                    .then(|| rng.gen_range(10..9999).to_string()),
            ));
        }
        if rng.gen_bool(0.6) {
            let pattern = *pick(rng, spec.mobiles);
            let national = fill(rng, pattern);
            phones.push(phone_record(spec, PhoneKind::Mobile, &national, None));
        }
        let addresses = if rng.gen_bool(0.3) {
            vec![AddressRecord {
                kind: AddressKind::Mailing,
                line1: street_line(rng, spec),
                line2: rng
                    .gen_bool(0.3)
                    .then(|| format!("Floor {}", rng.gen_range(1..30))),
                city: site.city.clone(),
                region: None,
                postal_code: Some(fill(rng, postal_pattern(spec.iso))),
                country: spec.iso.into(),
            }]
        } else {
            Vec::new()
        };

        let primary_here =
            !self.site_has_primary[site_index] && contact_type != ContactType::Emergency;
        if primary_here {
            self.site_has_primary[site_index] = true;
        }
        let approval_limit_minor =
            matches!(contact_type, ContactType::Primary | ContactType::Billing)
                .then(|| rng.gen_range(10..2_500) * 10_000);
        let mut site_links = vec![SiteAssociationRecord {
            site_id: site.id,
            role,
            is_primary: primary_here,
            authority_limit_minor: approval_limit_minor,
        }];
        if sites.len() > 1 && rng.gen_bool(0.2) {
            let other = rng.gen_range(sites);
            if other != site_index {
                site_links.push(SiteAssociationRecord {
                    site_id: self.org.sites[other].id,
                    role,
                    is_primary: false,
                    authority_limit_minor: None,
                });
            }
        }

        let has_mobile = phones.iter().any(|p| p.kind == PhoneKind::Mobile);
        let channels = vec![
            (ContactChannel::Email, true, true),
            (
                ContactChannel::Phone,
                !phones.is_empty(),
                !phones.is_empty(),
            ),
            (
                ContactChannel::Sms,
                has_mobile && rng.gen_bool(0.4),
                has_mobile && rng.gen_bool(0.5),
            ),
            (ContactChannel::Post, rng.gen_bool(0.2), rng.gen_bool(0.3)),
        ];
        let preferred_method = weighted(
            rng,
            &[
                (Some(ContactChannel::Email), 50),
                (Some(ContactChannel::Phone), 30),
                (Some(ContactChannel::Sms), 8),
                (Some(ContactChannel::Post), 4),
                (None, 8),
            ],
        );
        let mut tags: Vec<String> = Vec::new();
        for _ in 0..rng.gen_range(0..=3) {
            let tag = (*pick(rng, TAGS)).to_string();
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let mut lifecycle_history = vec![(LifecycleStage::Lead, created_at)];
        if lifecycle_stage != LifecycleStage::Lead {
            lifecycle_history.push((lifecycle_stage, created_at + (updated_at - created_at) / 2));
        }

        ContactRecord {
            id,
            salutation: rng
                .gen_bool(0.6)
                .then_some(if female {
                    names.salutations.0
                } else {
                    names.salutations.1
                })
                .filter(|s| !s.is_empty())
                .map(Into::into),
            first_name: first.into(),
            middle_name: (latin && rng.gen_bool(0.12))
                .then(|| format!("{}.", (b'A' + rng.gen_range(0..26)) as char)),
            last_name: last.into(),
            preferred_name: names::NICKNAMES
                .iter()
                .find(|(full, _)| *full == first)
                .filter(|_| rng.gen_bool(0.5))
                .map(|(_, short)| (*short).into()),
            suffix: (spec.iso == "US" && rng.gen_bool(0.04))
                .then(|| (*pick(rng, &["Jr.", "Sr.", "III", "PhD"])).into()),
            job_title: Some(job_title),
            department: Some(department.into()),
            employee_id: rng
                .gen_bool(0.5)
                .then(|| format!("E{:05}", rng.gen_range(1..99_999))),
            contact_type,
            contact_type_other: (contact_type == ContactType::Other)
                .then(|| (*pick(rng, OTHER_TYPES)).into()),
            authority_level: Some(authority_level(contact_type).into()),
            authority_scope: Some(authority_scope(contact_type).into()),
            approval_limit_minor,
            currency: spec.currency.into(),
            birthday: rng.gen_bool(0.35).then(|| {
                NaiveDate::from_ymd_opt(
                    rng.gen_range(1958..2001),
                    rng.gen_range(1..=12),
                    rng.gen_range(1..=28),
                )
                .unwrap_or_default()
            }),
            websites: if rng.gen_bool(0.4) {
                vec![format!("https://www.{domain}")]
            } else {
                Vec::new()
            },
            notes: rng.gen_bool(0.2).then(|| (*pick(rng, NOTES)).into()),
            preferred_method,
            preferred_times: rng.gen_bool(0.6).then(|| (*pick(rng, TIMES)).into()),
            time_zone: Some(spec.time_zone.into()),
            language: Some(spec.language.into()),
            lifecycle_stage,
            priority: weighted(
                rng,
                &[
                    (Priority::High, 15),
                    (Priority::Medium, 60),
                    (Priority::Low, 25),
                ],
            ),
            owner: Some(owner_for(self.org, site.territory_id, contact_type).into()),
            special_instructions: rng.gen_bool(0.1).then(|| (*pick(rng, INSTRUCTIONS)).into()),
            status,
            status_changed_at: (status != ContactStatus::Active).then_some(updated_at),
            status_reason: match status {
                ContactStatus::Active => None,
                ContactStatus::Inactive => Some(
                    (*pick(
                        rng,
                        &["Left the company", "Role changed", "On long-term leave"],
                    ))
                    .into(),
                ),
                ContactStatus::Archived => Some("No longer with the customer".into()),
            },
            verified_by: verified_at
                .map(|_| owner_for(self.org, site.territory_id, contact_type).into()),
            verification_method: verified_at
                .map(|_| (*pick(rng, &["Phone call", "Email confirmation", "Site visit"])).into()),
            verified_at,
            approval_source: Some((*pick(rng, APPROVALS)).into()),
            approval_date: Some(created_at.date_naive()),
            company: Some(account.name.clone()),
            territory_id: Some(site.territory_id),
            created_at,
            updated_at,
            emails,
            phones,
            addresses,
            tags,
            channels,
            lifecycle_history,
            sites: site_links,
        }
    }
}

const TAGS: &[&str] = &[
    "key-account",
    "decision-maker",
    "newsletter",
    "vip",
    "site-visit-2026",
    "renewal-q1",
    "escalation-contact",
    "prefers-phone",
    "new-site",
    "contract-review",
];
const OTHER_TYPES: &[&str] = &[
    "Procurement liaison",
    "Executive assistant",
    "IT contact",
    "Legal counsel",
];
const NOTES: &[&str] = &[
    "Met at the annual account review; interested in extending cover to the new wing.",
    "Prefers a short summary by email before any call.",
    "Handles invoices for all sites of the account; copy them on credit notes.",
    "Took over from the previous facilities manager in spring.",
    "Very responsive on mobile; slow on email.",
];
const TIMES: &[&str] = &[
    "Weekdays 09:00–12:00",
    "Afternoons",
    "Any time",
    "Before 10:00",
    "Tuesdays and Thursdays",
];
const INSTRUCTIONS: &[&str] = &[
    "Call before 10:00 — on site from 11:00.",
    "Gate code needed for after-hours visits; ask security.",
    "Send invoices by post as well as by email.",
];
const APPROVALS: &[&str] = &[
    "Customer email from the site manager",
    "Signed onboarding form",
    "Account review meeting minutes",
    "Phone confirmation with the account owner",
];

fn job_for(contact_type: ContactType) -> (&'static [&'static str], &'static str, SiteRole) {
    match contact_type {
        ContactType::Primary => (
            &[
                "General Manager",
                "Managing Director",
                "Head of Facilities",
                "Site Director",
            ],
            "Management",
            SiteRole::SiteManager,
        ),
        ContactType::Billing => (
            &[
                "Accounts Payable Clerk",
                "Finance Manager",
                "Billing Coordinator",
                "Financial Controller",
                "Credit Controller",
            ],
            "Finance",
            SiteRole::Billing,
        ),
        ContactType::Operations => (
            &[
                "Operations Manager",
                "Shift Supervisor",
                "Facilities Coordinator",
                "Logistics Lead",
                "Maintenance Engineer",
            ],
            "Operations",
            SiteRole::Operations,
        ),
        ContactType::Emergency => (
            &[
                "Security Manager",
                "Health & Safety Officer",
                "Emergency Coordinator",
                "Night Duty Manager",
            ],
            "Security",
            SiteRole::Emergency,
        ),
        ContactType::Other => (
            &[
                "Executive Assistant",
                "Procurement Specialist",
                "IT Manager",
                "HR Business Partner",
            ],
            "Administration",
            SiteRole::Liaison,
        ),
    }
}

fn authority_level(contact_type: ContactType) -> &'static str {
    match contact_type {
        ContactType::Primary => "Decision maker",
        ContactType::Billing => "Approver",
        ContactType::Operations | ContactType::Emergency => "Operational",
        ContactType::Other => "Informational",
    }
}

fn authority_scope(contact_type: ContactType) -> &'static str {
    match contact_type {
        ContactType::Primary => "All services at the site, contracts up to the approval limit",
        ContactType::Billing => "Invoices, credit notes and payment terms",
        ContactType::Operations => "Day-to-day service requests",
        ContactType::Emergency => "Out-of-hours access and incidents",
        ContactType::Other => "None",
    }
}

fn phone_record(
    spec: &CountrySpec,
    kind: PhoneKind,
    national: &str,
    extension: Option<String>,
) -> PhoneRecord {
    // Italian fixed lines keep their leading zero in E.164; nobody else's do.
    PhoneRecord {
        kind,
        e164: format!("+{}{national}", spec.calling_code),
        extension,
        search_digits: search_digits_from_parts(spec.calling_code, national, spec.trunk),
    }
}

/// The demo user responsible for contacts at a site in `territory_id`: the manager whose scope
/// holds it, else the site administrator.
fn owner_for(
    org: &OrganisationRecords,
    territory_id: i64,
    contact_type: ContactType,
) -> &'static str {
    let territory = org.territories.iter().find(|t| t.id == territory_id);
    let region = territory.and_then(|t| org.regions.iter().find(|r| r.id == t.region_id));
    match (territory, region) {
        _ if contact_type == ContactType::Billing => "billing",
        (Some(t), _) if t.code == users::TERRITORY_CODE => "territory",
        (_, Some(r)) if r.code == users::REGION_CODE => "regional",
        _ => "admin",
    }
}

fn pick<'t, T>(rng: &mut ChaCha8Rng, items: &'t [T]) -> &'t T {
    &items[rng.gen_range(0..items.len())]
}

fn weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (item, weight) in items {
        if roll < *weight {
            return *item;
        }
        roll -= weight;
    }
    items[items.len() - 1].0
}

/// Replaces `#` with a digit and `L` with a capital letter.
fn fill(rng: &mut ChaCha8Rng, pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + rng.gen_range(0..10)),
            'L' => char::from(b'A' + rng.gen_range(0..26)),
            other => other,
        })
        .collect()
}

fn postal_pattern(iso: &str) -> &'static str {
    match iso {
        "GB" => "LL# #LL",
        "IE" => "D## L###",
        "NL" => "#### LL",
        "CA" => "L#L #L#",
        "JP" => "###-####",
        "PL" => "##-###",
        "GR" => "### ##",
        "AT" => "####",
        "CN" | "IN" => "######",
        _ => "#####",
    }
}

fn street_line(rng: &mut ChaCha8Rng, spec: &CountrySpec) -> String {
    let street = pick(rng, spec.streets);
    let number = rng.gen_range(1..240);
    match spec.iso {
        "JP" | "CN" | "KR" => (*street).to_string(),
        "DE" | "AT" | "PL" | "NL" | "ES" | "IT" | "GR" => format!("{street} {number}"),
        "FR" => format!("{number} {street}"),
        _ => format!("{number} {street}"),
    }
}

fn email_domain(account: &str, spec: &CountrySpec) -> String {
    let words: Vec<String> = account
        .split_whitespace()
        .filter(|w| *w != spec.legal_suffix)
        .map(ascii_slug)
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    format!("{}.{}", words.join("-"), spec.tld)
}

/// Lower-case ASCII letters and digits only, for email addresses and domains.
fn ascii_slug(text: &str) -> String {
    crate::text::fold(text)
        .chars()
        .flat_map(|c| match c {
            'ł' => "l".chars().collect::<Vec<_>>(),
            'ß' => "ss".chars().collect(),
            'ø' => "o".chars().collect(),
            'æ' => "ae".chars().collect(),
            c if c.is_ascii_alphanumeric() => vec![c],
            _ => Vec::new(),
        })
        .collect()
}

fn swap_letters(name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() >= 4 {
        let i = chars.len() / 2;
        chars.swap(i - 1, i);
    } else {
        chars.push(chars.last().copied().unwrap_or('e'));
    }
    chars.into_iter().collect()
}

fn capitalise_local_part(address: &str) -> String {
    let (local, domain) = address.split_once('@').unwrap_or((address, ""));
    let local: String = local
        .split('.')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(".");
    format!("{local}@{domain}")
}
