//! Engagement as the UI sees it: interactions and their timelines, follow-ups, stay-in-touch
//! cadences, escalations of non-responsive contacts, notifications and metrics.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::{
    ContactChannel, Direction, EscalationLevel, EscalationReason, FollowUpPriority, FollowUpStatus,
    InteractionCategory, InteractionChannel,
};

/// A contact as engagement lists name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactRef {
    pub id: String,
    pub reference: String,
    pub display_name: String,
}

/// A user as engagement lists name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UserRef {
    pub username: String,
    pub display_name: String,
}

/// An interaction as logged or edited. `occurredAt` carries the user's offset
/// ("2026-11-02T14:30:00+01:00"); it is stored in UTC with that offset beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InteractionInput {
    /// Everyone who took part; at least one.
    pub contact_ids: Vec<String>,
    pub channel: InteractionChannel,
    pub category: InteractionCategory,
    pub direction: Direction,
    pub occurred_at: DateTime<FixedOffset>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    /// An outbound call or meeting that did not reach the person (voicemail, no-show): an
    /// attempt awaiting an answer rather than a conversation. Ignored otherwise.
    #[serde(default)]
    pub no_answer: bool,
    pub subject: String,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub next_steps: Option<String>,
    /// Absolute file paths or http(s)/file URLs; the files themselves are not copied.
    #[serde(default)]
    pub attachments: Vec<String>,
    /// The user saw the consent warnings ([`ConsentWarning`]) and logs the outbound
    /// interaction anyway. Without it such an interaction is refused.
    #[serde(default)]
    pub acknowledge_consent: bool,
    /// A follow-up made from the next steps in the same save (logging only; ignored on edit).
    #[serde(default)]
    pub follow_up: Option<FollowUpPlan>,
}

/// A follow-up to create together with an interaction: its title is the next steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpPlan {
    /// Which of the interaction's contacts it is about; the first one when absent.
    #[serde(default)]
    pub contact_id: Option<String>,
    pub due: DueInput,
    /// A username; the signed-in user when absent.
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub priority: FollowUpPriority,
}

/// A contact has not consented to the channel of an outbound interaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConsentWarning {
    pub contact: ContactRef,
    pub channel: ContactChannel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Interaction {
    pub id: String,
    /// Those the reader may see; an interaction is only shown to users who see all of them.
    pub contacts: Vec<ContactRef>,
    pub channel: InteractionChannel,
    pub category: InteractionCategory,
    pub direction: Direction,
    pub occurred_at: DateTime<Utc>,
    /// The offset the time was entered in (minutes east of UTC).
    pub utc_offset_minutes: i32,
    pub duration_minutes: Option<u32>,
    pub no_answer: bool,
    pub subject: String,
    pub outcome: Option<String>,
    pub next_steps: Option<String>,
    pub attachments: Vec<String>,
    pub logged_by: Option<UserRef>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LoggedInteraction {
    pub interaction: Interaction,
    /// The follow-up made from the next steps, when one was asked for.
    pub follow_up: Option<FollowUp>,
    /// The consent warnings the user acknowledged (recorded in the audit trail too).
    pub acknowledged: Vec<ConsentWarning>,
}

/// Filters of a contact's or an account's timeline; empty lists mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct TimelineQuery {
    pub channels: Vec<InteractionChannel>,
    pub categories: Vec<InteractionCategory>,
    pub directions: Vec<Direction>,
    /// Inclusive lower bound of `occurredAt`.
    pub from: Option<DateTime<Utc>>,
    /// Exclusive upper bound of `occurredAt`.
    pub until: Option<DateTime<Utc>>,
    /// Page size (1 to 200; 50 when 0).
    pub limit: u32,
    pub cursor: Option<String>,
}

/// Newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelinePage {
    pub items: Vec<Interaction>,
    pub next_cursor: Option<String>,
}

/// When a follow-up is due: a day, optionally a time that day, in the user's offset at that
/// moment (minutes east of UTC, as the UI's clock knows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DueInput {
    pub date: NaiveDate,
    #[serde(default)]
    pub time: Option<NaiveTime>,
    #[serde(default)]
    pub utc_offset_minutes: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpInput {
    pub contact_id: String,
    /// The interaction it came from; its next steps are the title when `title` is empty.
    #[serde(default)]
    pub interaction_id: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    pub due: DueInput,
    /// A username; the signed-in user when absent.
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub priority: FollowUpPriority,
}

/// Where an open follow-up stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpState {
    /// Its time has not come.
    Upcoming,
    /// Its time has come and its day is not over.
    Due,
    /// Its day is over.
    Overdue,
    /// Done or cancelled.
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub id: String,
    pub contact: ContactRef,
    pub interaction_id: Option<String>,
    pub owner: UserRef,
    pub title: String,
    pub notes: Option<String>,
    pub due_date: NaiveDate,
    pub due_time: Option<NaiveTime>,
    pub utc_offset_minutes: i32,
    pub due_at: DateTime<Utc>,
    pub overdue_at: DateTime<Utc>,
    pub priority: FollowUpPriority,
    pub status: FollowUpStatus,
    pub state: FollowUpState,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A page of follow-ups, soonest due first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpPage {
    pub items: Vec<FollowUp>,
    pub next_cursor: Option<String>,
}

/// Which follow-ups a queue shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct FollowUpQuery {
    /// Only follow-ups in this state (open ones only; `closed` gives nothing here).
    pub state: Option<FollowUpState>,
    /// The overdue queue only: contacts whose territory this is.
    pub territory_id: Option<String>,
    pub limit: u32,
    pub cursor: Option<String>,
}

/// For the dashboard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpCounts {
    /// The signed-in user's open follow-ups by state.
    pub due: u32,
    pub overdue: u32,
    pub upcoming: u32,
    /// The user's stay-in-touch cadences whose time has come.
    pub cadences_due: u32,
    /// Overdue follow-ups of anyone, for contacts in the user's scope (the managers' queue).
    pub overdue_in_scope: u32,
    /// Escalations waiting for the signed-in user.
    pub escalations: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CadenceInput {
    /// "Stay in touch every N days".
    pub every_days: u32,
    /// A username; the contact's owner when absent.
    #[serde(default)]
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Cadence {
    pub contact: ContactRef,
    pub every_days: u32,
    /// The named owner, or else the contact's owner; `None` when neither is a user.
    pub owner: Option<UserRef>,
    /// Whether `owner` was named for the cadence (not inherited from the contact).
    pub owner_named: bool,
    pub last_contact_at: Option<DateTime<Utc>>,
    pub next_due_at: DateTime<Utc>,
    pub due: bool,
}

/// The organisation's rules for non-responsive contacts (site administrators set them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EscalationPolicy {
    /// This many outbound attempts in a row without an inbound answer; 0 turns the rule off.
    pub unanswered_attempts: u32,
    /// No inbound answer this many days after an outbound attempt; 0 turns the rule off.
    pub response_days: u32,
    /// Days from the owner's step to the territory manager's.
    pub territory_manager_after_days: u32,
    /// Days from the territory manager's step to the regional manager's.
    pub regional_manager_after_days: u32,
    /// Days from the regional manager's step to a site administrator's.
    pub site_admin_after_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EscalationStep {
    pub level: EscalationLevel,
    /// `None`: nobody holds this level for the contact, so the chain went on at once.
    pub user: Option<UserRef>,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Escalation {
    pub id: String,
    pub contact: ContactRef,
    pub reason: EscalationReason,
    /// When the contact became non-responsive.
    pub started_at: DateTime<Utc>,
    /// Outbound attempts without an answer so far.
    pub unanswered: u32,
    pub steps: Vec<EscalationStep>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// What `run_escalation` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EscalationRun {
    /// Contacts newly marked non-responsive.
    pub opened: u32,
    /// Steps taken along the chains (the owner's first step included).
    pub steps: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    FollowUp,
    Cadence,
    Escalation,
}

/// Something that became due for the signed-in user and was not notified yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DueNotice {
    pub kind: NoticeKind,
    /// The follow-up's id, the cadence's contact id, or the escalation's id.
    pub id: String,
    pub contact: ContactRef,
    /// A line for the notification: the follow-up's title, "Stay in touch", or the reason.
    pub title: String,
    pub due_at: DateTime<Utc>,
}

/// Names a notice for `mark_notified`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NoticeKey {
    pub kind: NoticeKind,
    pub id: String,
}

/// Engagement of one contact, an account, or all contacts in scope.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EngagementMetrics {
    /// Contacts counted (those in scope; with or without interactions).
    pub contacts: u32,
    /// Interactions other than notes, counted once per contact taking part.
    pub touchpoints: u32,
    pub touchpoints_per_contact: Option<f64>,
    /// Outbound email and SMS, and calls or meetings that did not reach the person.
    pub attempts: u32,
    /// Interactions the contact started.
    pub inbound: u32,
    /// Attempts a reply or a conversation followed, over all attempts.
    pub response_rate: Option<f64>,
    /// From the first unanswered attempt to the answer, the middle value, in minutes.
    pub median_response_minutes: Option<u32>,
    pub last_contact_at: Option<DateTime<Utc>>,
    /// Contacts marked non-responsive now.
    pub non_responsive: u32,
}
