//! Whether the stored draft is the one this window has been working on. The wizard then picks it
//! up again without asking (e.g. back from a duplicate candidate it opened); a draft left by an
//! earlier session (an accidental close) is offered to resume or start over. Only this flag lives
//! in memory: the draft itself is in the encrypted database.

let ownDraft = false;

export function markOwnDraft(): void {
  ownDraft = true;
}

export function forgetOwnDraft(): void {
  ownDraft = false;
}

export function isOwnDraft(): boolean {
  return ownDraft;
}
