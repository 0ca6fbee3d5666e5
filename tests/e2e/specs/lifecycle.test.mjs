// The lifecycle of contacts on the demo database, as office staff and their administrator work
// it: a new primary contact replaces the previous one; a contact is deactivated (it leaves the
// active list), archived by a regional manager (who then no longer finds it; the administrator
// does) and reactivated; a person's data is exported; a person is erased, and afterwards none
// of their values is in the database, its write-ahead log, the search or a new backup.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { openAdmin, pickOption, setColorScheme } from '../lib/admin.mjs';
import { keepFailures, startApp } from '../lib/app.mjs';
import { tableBusy, visibleRows, waitForList, waitForSettledList } from '../lib/contacts.mjs';
import {
  changeStatus,
  chooseAction,
  clickWhenFree,
  fieldError,
  filesUnder,
  offersAction,
  openRow,
  pasteInto,
  plaintextCopy,
  readContact,
  searchList,
  shot,
  valuesIn,
  waitForContact,
} from '../lib/lifecycle.mjs';
import { enterDemo, signIn, signOut, textOf, typeInto } from '../lib/session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PLAINTEXT_COPY =
  process.env.RAPPORT_PLAINTEXT_COPY ?? path.join(root, 'target', 'debug', 'examples', 'plaintext_copy');

const ARCHIVE_REASON = 'No longer works with any of our customers';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** Back to the unfiltered Contacts list through the sidebar. */
async function showContacts(browser) {
  await clickWhenFree(browser, $(browser, 'nav-contacts'), 'the Contacts link');
  await waitForSettledList(browser);
}

/** Finds a contact the way a user does, by their email address (or name), and opens it. */
async function findAndOpen(browser, contact) {
  await showContacts(browser);
  const rows = await searchList(browser, contact.emails[0] ?? contact.name);
  assert.ok(
    rows.some((row) => row.id === contact.id),
    `searching ${contact.emails[0] ?? contact.name} does not list ${contact.reference}`,
  );
  await openRow(browser, contact.id);
  return readContact(browser);
}

/**
 * Waits until no row on screen is the contact `id` (or named `name`): a list cached from before
 * a change may show for a moment while it reloads.
 */
async function waitUntilNotListed(browser, { id, name }, what) {
  await browser.waitUntil(
    async () => !(await visibleRows(browser)).some((row) => row.id === id || (name && row.name === name)),
    { timeout: 15_000, interval: 200, timeoutMsg: what },
  );
}

/** Waits until the contact `id` is among the rows on screen (a cached list may show first). */
async function waitUntilListed(browser, id, what) {
  await browser.waitUntil(async () => (await visibleRows(browser)).some((row) => row.id === id), {
    timeout: 15_000,
    interval: 200,
    timeoutMsg: what,
  });
}

/** The values that identify a person: their name, email addresses and phone numbers (digits, as indexed). */
function valuesOf(person) {
  const phones = person.phones.map((p) => p.replace(/\D/g, ''));
  const emails = [...person.emails, ...person.emails.map((e) => e.toLowerCase())];
  return [...new Set([person.name, ...emails, ...phones])].filter((v) => v.length >= 6);
}

/** A plaintext copy of the database made now (the app may be running: its WAL is read too). */
function databaseNow(db, scratch, name) {
  return plaintextCopy(PLAINTEXT_COPY, db, path.join(scratch, `${name}.sqlite3`));
}

async function scrollTo(browser, testId, block = 'center') {
  await browser.execute((id, where) => document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: where }), testId, block);
}

// One session for the whole file; each step is a test of its own (the runner's time limit is per test).
let app;
let browser;
keepFailures('lifecycle', () => browser);
/** Contacts the tests have used, so later tests pick others. */
const used = new Set();
let newPrimary; // the contact made primary
let erased; // the erased person as their page showed them before the erasure
let backupPath;

before(async () => {
  app = await startApp({ name: 'lifecycle' });
  browser = app.browser;
  await enterDemo(browser, 'admin');
  await waitForList(browser, { timeout: 90_000 });
});

after(async () => {
  await app?.stop();
});

test('makes a contact the primary contact of a site that has one; the previous one steps down', async () => {
  // Among the people of one account, a site's primary contact and an active colleague at the
  // same site who is not: read off their pages one by one, as a user would.
  let site;
  let previous;
  const seen = new Map(); // siteId -> { site, primary, others }
  const consider = (contact) => {
    for (const at of contact.sites) {
      const entry = seen.get(at.siteId) ?? { site: at, primary: null, others: [] };
      if (at.primary) entry.primary = contact;
      else if (contact.status === 'active' && contact.emails.length > 0) entry.others.push(contact);
      seen.set(at.siteId, entry);
    }
    return [...seen.values()].find((e) => e.primary?.emails.length > 0 && e.others.length > 0);
  };
  let first;
  for (const row of (await visibleRows(browser)).slice(0, 5)) {
    await openRow(browser, row.id);
    first = await readContact(browser);
    if (first.sites.length > 0) break;
    await browser.back();
    await waitForSettledList(browser);
  }
  let found = consider(first);
  await showContacts(browser);
  const colleagues = await searchList(browser, first.sites[0].account);
  for (const row of colleagues.slice(0, 20)) {
    if (found) break;
    if (row.id === first.id) continue;
    await openRow(browser, row.id);
    found = consider(await readContact(browser));
    if (!found) {
      await browser.back();
      await waitForList(browser);
    }
  }
  if (found) ({ site, primary: previous, others: [newPrimary] } = found);
  assert.ok(newPrimary && previous, 'found no site with a primary contact and another contact');
  used.add(newPrimary.id).add(previous.id);

  await findAndOpen(browser, newPrimary);
  await chooseAction(browser, 'primary');
  await $(browser, 'primary-modal').waitForDisplayed({ timeoutMsg: 'the primary contact dialog did not open' });
  await clickWhenFree(
    browser,
    browser.$(`[data-testid="primary-site-option"][data-site-id="${site.siteId}"]`),
    `the choice of ${site.site}`,
  );
  // The seed's confirmation: without the typed word nothing happens.
  await $(browser, 'primary-submit').click();
  await browser.waitUntil(async () => /primary/i.test(await fieldError(browser, 'primary-modal')), {
    timeoutMsg: 'no message at the confirmation field',
  });
  await typeInto(browser, 'primary-confirmation', 'primary');
  await shot(browser, 'lifecycle-primary-dialog.png');
  await $(browser, 'primary-submit').click();

  // The core asks for the justification of a significant change.
  const justification = $(browser, 'justification-modal');
  await justification.waitForDisplayed({ timeoutMsg: 'no justification was asked for' });
  await $(browser, 'justification-reason').waitForDisplayed();
  await $(browser, 'justification-submit').click();
  await browser.waitUntil(async () => /justification/i.test(await fieldError(browser, 'justification-modal')), {
    timeoutMsg: 'an empty justification got no message at its field',
  });
  await $(browser, 'justification-submit').waitForDisplayed();
  await shot(browser, 'lifecycle-justification-errors.png');
  await pasteInto(browser, 'justification-reason', `Takes over as the customer's contact for ${site.site}`);
  await pasteInto(browser, 'justification-approved-by', 'Facilities director (by email)');
  // "Approved on" starts at today's date.
  await shot(browser, 'lifecycle-justification.png');
  await $(browser, 'justification-submit').click();
  await justification.waitForDisplayed({ reverse: true, timeout: 20_000, timeoutMsg: 'the justification stayed open' });

  await browser.waitUntil(
    async () => (await readContact(browser)).sites.some((s) => s.siteId === site.siteId && s.primary),
    { timeoutMsg: `the Sites card does not show ${newPrimary.name} as primary at ${site.site}` },
  );
  const after = await readContact(browser);
  assert.ok(
    after.approvals.some((text) => /Primary contact/.test(text) && /Facilities director/.test(text)),
    `the approval is not listed: ${after.approvals.join(' | ')}`,
  );
  await scrollTo(browser, 'card-sites');
  await shot(browser, 'lifecycle-primary-after.png');
  await scrollTo(browser, 'card-approvals');
  await shot(browser, 'lifecycle-approvals.png');

  const stepped = await findAndOpen(browser, previous);
  const there = stepped.sites.find((s) => s.siteId === site.siteId);
  assert.ok(there, `${previous.name} is no longer at ${site.site}`);
  assert.equal(there.primary, false, `${previous.name} is still primary at ${site.site}`);
  await scrollTo(browser, 'card-sites');
  await shot(browser, 'lifecycle-primary-previous-after.png');
});

test('verifies a contact’s details: the data-quality card no longer asks for it', async () => {
  await findAndOpen(browser, newPrimary);
  await chooseAction(browser, 'verify');
  const dialog = $(browser, 'verify-modal');
  await dialog.waitForDisplayed({ timeoutMsg: 'the verify dialog did not open' });
  await $(browser, 'verify-method-email').click();
  await shot(browser, 'lifecycle-verify-dialog.png');
  await $(browser, 'verify-submit').click();
  await dialog.waitForDisplayed({ reverse: true, timeoutMsg: 'the verify dialog stayed open' });
  await browser.waitUntil(
    async () =>
      browser.execute(
        () =>
          !document.querySelector('[data-testid="finding"][data-code="never_verified"], [data-testid="finding"][data-code="verification_stale"]') &&
          /Email reply/.test(document.querySelector('[data-testid="card-verification"]')?.textContent ?? ''),
      ),
    { timeoutMsg: 'the page still asks for a verification, or does not show the method' },
  );
  await scrollTo(browser, 'card-findings');
  await shot(browser, 'lifecycle-verified.png');
});

test('exports a person’s data as JSON and vCard files', async () => {
  await chooseAction(browser, 'export');
  await $(browser, 'export-modal').waitForDisplayed();
  await shot(browser, 'lifecycle-export-dialog.png');
  await $(browser, 'export-submit').click();
  await $(browser, 'export-done').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the export did not finish' });
  const json = await textOf(browser, 'export-json');
  const vcard = await textOf(browser, 'export-vcard');
  await shot(browser, 'lifecycle-export-done.png');
  assert.ok(existsSync(json) && existsSync(vcard), `the files are not where the dialog says: ${json}, ${vcard}`);
  assert.ok(readFileSync(json, 'utf8').includes(newPrimary.emails[0]), 'the JSON file lacks the email address');
  const card = readFileSync(vcard, 'utf8');
  assert.match(card, /^BEGIN:VCARD\r?\nVERSION:4\.0/);
  assert.ok(card.toLowerCase().includes(newPrimary.emails[0].toLowerCase()), 'the vCard lacks the email address');
  await $(browser, 'export-close').click();
  await $(browser, 'export-modal').waitForDisplayed({ reverse: true });
});

let parked; // the contact deactivated, archived and reactivated

/**
 * Picks a filter option and waits for the list's address to show it. On a loaded machine a
 * click can land while the dropdown is still opening; the pick is then made again, as a user
 * whose click did not take would.
 */
async function applyFilter(testId, option, inUrl) {
  for (let attempt = 1; ; attempt += 1) {
    await pickOption(browser, testId, option);
    try {
      await browser.waitUntil(async () => (await browser.getUrl()).includes(inUrl), { timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw new Error(`the ${testId} filter "${option}" did not apply: ${error.message}`);
      await browser.keys('Escape');
    }
  }
}

/**
 * Applies several filters until the list's address shows all of them: a pick that lands while
 * another dropdown is closing can replace the filter before it instead of adding to it.
 */
async function applyFilters(filters) {
  for (let round = 1; round <= 3; round += 1) {
    for (const [testId, option, inUrl] of filters) {
      if (!(await browser.getUrl()).includes(inUrl)) await applyFilter(testId, option, inUrl);
    }
    const url = await browser.getUrl();
    if (filters.every(([, , inUrl]) => url.includes(inUrl))) return;
  }
  assert.fail(`the filters did not all apply: ${await browser.getUrl()}`);
}

test('deactivates a contact with a reason: it leaves the active list', async () => {
  // An active contact in Scotland, inside the regional manager's scope (United Kingdom & Ireland).
  await showContacts(browser);
  await applyFilters([
    ['filter-territory', 'Scotland', 'territory='],
    ['filter-status', 'Active', 'status=active'],
  ]);
  const tried = new Set(used);
  for (let attempt = 0; attempt < 5 && !parked; attempt += 1) {
    // The rows are read afresh each time: the list drawn before the filters' page arrived is replaced.
    await waitForSettledList(browser);
    const row = (await visibleRows(browser)).find((r) => !tried.has(r.id));
    if (!row) break;
    tried.add(row.id);
    await openRow(browser, row.id);
    const contact = await readContact(browser);
    if (contact.status === 'active' && contact.emails.length > 0) {
      parked = contact;
      break;
    }
    await browser.back();
  }
  assert.ok(parked, 'found no active contact with an email in Scotland');
  used.add(parked.id);

  await chooseAction(browser, 'deactivate');
  await $(browser, 'status-modal-deactivate').waitForDisplayed();
  await $(browser, 'status-submit').click();
  await browser.waitUntil(async () => /reason/i.test(await fieldError(browser, 'status-modal-deactivate')), {
    timeoutMsg: 'deactivating without a reason got no message at the field',
  });
  await shot(browser, 'lifecycle-deactivate-no-reason.png');
  await browser.keys('Escape');
  await $(browser, 'status-modal-deactivate').waitForDisplayed({ reverse: true });

  const reason = 'Moved to another employer in March; the new site manager takes over';
  await changeStatus(browser, 'deactivate', reason, {
    beforeSubmit: () => shot(browser, 'lifecycle-deactivate-dialog.png'),
  });
  await browser.waitUntil(async () => (await readContact(browser)).status === 'inactive', {
    timeoutMsg: 'the page does not show the contact as inactive',
  });
  const page = await readContact(browser);
  assert.ok(page.statusText.includes(reason), page.statusText);
  assert.ok(page.sites.every((s) => !s.primary), 'an inactive contact is still a primary contact');
  await shot(browser, 'lifecycle-inactive.png');

  await showContacts(browser);
  await pickOption(browser, 'filter-status', 'Active');
  await browser.waitUntil(async () => (await browser.getUrl()).includes('status=active'));
  await searchList(browser, parked.emails[0]);
  await waitUntilNotListed(browser, { id: parked.id }, 'the inactive contact is still in the active list');
  await shot(browser, 'lifecycle-active-list-without.png');
  await pickOption(browser, 'filter-status', 'Inactive');
  await browser.waitUntil(async () => (await browser.getUrl()).includes('status=inactive'));
  await searchList(browser, parked.emails[0]);
  await waitUntilListed(browser, parked.id, 'the inactive contact is not in the inactive list');
});

test('archived by the regional manager, it is no longer found by them; the administrator finds and reactivates it', async () => {
  assert.ok(parked, 'the previous test deactivated a contact');
  await signOut(browser);
  await signIn(browser, 'regional');
  try {
    await archiveAsRegionalManager();
  } finally {
    await signOut(browser);
    await signIn(browser, 'admin');
  }

  await reactivateAsAdministrator();
});

async function archiveAsRegionalManager() {
  await findAndOpen(browser, parked);
  assert.ok(await offersAction(browser, 'archive'), 'the regional manager is not offered Archive');
  assert.equal(await offersAction(browser, 'erase'), false, 'the regional manager is offered erasure');
  await changeStatus(browser, 'archive', ARCHIVE_REASON, {
    beforeSubmit: async () => {
      assert.match(await textOf(browser, 'status-archive-hidden'), /no longer see this contact/);
      await shot(browser, 'lifecycle-archive-dialog.png');
    },
  });
  // Out of their sight, the page goes back to the list.
  try {
    await $(browser, 'contacts-page').waitForDisplayed({ timeoutMsg: 'archiving did not return to the list' });
  } catch (error) {
    await shot(browser, 'lifecycle-archive-failed.png');
    throw error;
  }
  await waitForList(browser);
  await searchList(browser, parked.emails[0]);
  await waitUntilNotListed(browser, { id: parked.id }, 'the regional manager still finds the archived contact');
  await shot(browser, 'lifecycle-archived-regional-search.png');
}

async function reactivateAsAdministrator() {
  const page = await findAndOpen(browser, parked);
  assert.equal(page.status, 'archived');
  assert.ok(page.statusText.includes(ARCHIVE_REASON), page.statusText);
  await shot(browser, 'lifecycle-archived-admin.png');
  await setColorScheme(browser, 'dark');
  await shot(browser, 'lifecycle-archived-admin-dark.png');
  await setColorScheme(browser, 'light');

  await clickWhenFree(browser, $(browser, 'status-banner-reactivate'), 'Reactivate in the banner');
  const dialog = $(browser, 'status-modal-reactivate');
  await dialog.waitForDisplayed();
  await pasteInto(browser, 'status-reason', 'Back with the customer after a secondment');
  await shot(browser, 'lifecycle-reactivate-dialog.png');
  await $(browser, 'status-submit').click();
  await dialog.waitForDisplayed({ reverse: true, timeoutMsg: 'the reactivate dialog stayed open' });
  await $(browser, 'status-banner').waitForDisplayed({ reverse: true, timeoutMsg: 'the status banner stayed' });
  await shot(browser, 'lifecycle-reactivated.png');
  await showContacts(browser);
  await pickOption(browser, 'filter-status', 'Active');
  await browser.waitUntil(async () => (await browser.getUrl()).includes('status=active'));
  await searchList(browser, parked.emails[0]);
  await waitUntilListed(browser, parked.id, 'the reactivated contact is not in the active list');
}

test('erases a person: the tombstone keeps only the reference, and search no longer finds them', async () => {
  // Someone with an email and a phone, whom no other record shares a name or email with (the
  // demo has near-duplicate records of some people, which keep their own copies).
  await showContacts(browser);
  const candidates = (await visibleRows(browser)).filter((r) => !used.has(r.id)).slice(0, 10);
  for (const row of candidates) {
    await showContacts(browser);
    await openRow(browser, row.id);
    const person = await readContact(browser);
    if (person.emails.length === 0 || person.phones.length === 0) continue;
    await showContacts(browser);
    const byName = await searchList(browser, person.name);
    const byEmail = await searchList(browser, person.emails[0]);
    if (byName.length === 1 && byName[0].id === person.id && byEmail.length === 1) {
      erased = person;
      break;
    }
  }
  assert.ok(erased, 'found no person without a near-duplicate record');
  used.add(erased.id);

  // Before: a plaintext copy of the database holds every one of the values looked for later, so
  // their absence afterwards means something.
  const scratch = mkdtempSync(path.join(process.env.E2E_WORK ?? path.dirname(app.db), 'plaintext-'));
  try {
    const before = databaseNow(app.db, scratch, 'before-erasure');
    assert.deepEqual(valuesIn(before, valuesOf(erased)), valuesOf(erased), 'the values are not in the database to begin with');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  await findAndOpen(browser, erased);
  await chooseAction(browser, 'erase');
  const dialog = $(browser, 'erase-modal');
  await dialog.waitForDisplayed();
  await shot(browser, 'lifecycle-erase-dialog.png');
  await typeInto(browser, 'erase-confirmation', 'C-000000');
  await $(browser, 'erase-submit').click();
  await browser.waitUntil(async () => (await fieldError(browser, 'erase-modal')).includes(erased.reference), {
    timeoutMsg: 'a wrong reference got no message at the field',
  });
  await shot(browser, 'lifecycle-erase-wrong-reference.png');
  await typeInto(browser, 'erase-confirmation', erased.reference);
  await $(browser, 'erase-submit').click();
  await $(browser, 'erase-report').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the erasure did not report' });
  assert.match(await textOf(browser, 'erase-report'), new RegExp(erased.reference));
  await shot(browser, 'lifecycle-erase-report.png');
  await $(browser, 'erase-close').click();
  await dialog.waitForDisplayed({ reverse: true });

  await $(browser, 'contact-erased').waitForDisplayed({ timeoutMsg: 'the page does not show the tombstone' });
  await waitForContact(browser, erased.id);
  const tombstone = await readContact(browser);
  assert.equal(tombstone.name, 'Erased person');
  assert.equal(tombstone.reference, erased.reference);
  const shown = await textOf(browser, 'contact-detail');
  for (const value of [erased.name, ...erased.emails]) {
    assert.ok(!shown.includes(value), `the tombstone shows ${value}`);
  }
  await shot(browser, 'lifecycle-tombstone.png');

  await showContacts(browser);
  for (const text of [erased.name, erased.emails[0]]) {
    await searchList(browser, text);
    await waitUntilNotListed(browser, erased, `searching "${text}" still finds them`);
  }
  await shot(browser, 'lifecycle-erased-search.png');

  // Right away, with the app running and its write-ahead log in use: the log's frames are read
  // with the database, and the raw log holds no plain text either.
  const wal = `${app.db}-wal`;
  if (existsSync(wal)) assert.deepEqual(valuesIn(wal, valuesOf(erased)), [], 'the raw WAL holds the erased person');
  const later = mkdtempSync(path.join(process.env.E2E_WORK ?? path.dirname(app.db), 'plaintext-'));
  try {
    const now = databaseNow(app.db, later, 'after-erasure');
    assert.ok(valuesIn(now, valuesOf(newPrimary)).length > 0, 'the copy lacks a person who was not erased');
    assert.deepEqual(valuesIn(now, valuesOf(erased)), [], 'the database (with its WAL) still holds the erased person');
  } finally {
    rmSync(later, { recursive: true, force: true });
  }
});

test('makes a new backup through Administration → Backups, and shows the contact policy', async () => {
  await openAdmin(browser, 'backups');
  const rowsBefore = (await browser.$$('[data-testid="backup-row"]')).length;
  await $(browser, 'backup-now').click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="backup-row"]')).length > rowsBefore, {
    timeout: 60_000,
    timeoutMsg: 'the new backup is not listed',
  });
  // Newest first: the backup just made.
  backupPath = await browser.execute(
    () => document.querySelector('[data-testid="backup-row"] [title]')?.getAttribute('title') ?? '',
  );
  assert.ok(backupPath, 'the backup row names no file');
  await shot(browser, 'lifecycle-backup.png');

  // The contact policy: a retention period of one day lists the demo's archived contacts for
  // erasure; then the period goes back to what it was.
  await openAdmin(browser, 'contacts');
  await $(browser, 'contact-policy-form').waitForDisplayed();
  const retention = await browser.execute(
    () => document.querySelector('[data-testid="contact-policy-retentionDays"]')?.value ?? '',
  );
  await $(browser, 'erasure-due').waitForDisplayed();
  await typeInto(browser, 'contact-policy-retentionDays', '0');
  await $(browser, 'contact-policy-save').click();
  await browser.waitUntil(async () => /between 1 and 36500/.test(await fieldError(browser, 'contact-policy-form')), {
    timeoutMsg: 'a retention of 0 days got no message at its field',
  });
  await typeInto(browser, 'contact-policy-retentionDays', '1');
  await $(browser, 'contact-policy-save').click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="erasure-due-row"]')).length > 0, {
    timeout: 20_000,
    timeoutMsg: 'no archived contact is listed for erasure with a retention of one day',
  });
  await shot(browser, 'lifecycle-admin-contacts.png');
  await scrollTo(browser, 'erasure-due', 'start');
  await shot(browser, 'lifecycle-erasure-due.png');
  await setColorScheme(browser, 'dark');
  await shot(browser, 'lifecycle-erasure-due-dark.png');
  await setColorScheme(browser, 'light');
  // The erased person is not among them: nothing is left to erase.
  const listed = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid="erasure-due-row"]')].map((row) => row.getAttribute('data-contact-id')),
  );
  assert.ok(!listed.includes(erased.id), 'the erased person is listed for erasure again');
  await typeInto(browser, 'contact-policy-retentionDays', retention);
  await $(browser, 'contact-policy-save').click();
  await $(browser, 'erasure-due-empty').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the erasure list did not empty again' });
});

test('leaves none of the erased person’s values in the database, its WAL, the app folders or the new backup', async () => {
  assert.ok(erased && backupPath, 'the earlier tests erased a person and made a backup');
  const { db } = app;
  const running = app;
  app = null;
  await running.stop();
  const folder = path.dirname(db);
  const canaries = valuesOf(erased);
  assert.ok(canaries.length >= 3, `too few values to look for: ${canaries.join(', ')}`);
  // A person who was not erased: found the same way, so a miss of the erased one means something.
  const control = [newPrimary.emails[0]];

  // Every file the app left, the database and its WAL included, as they are on disk.
  const files = filesUnder(folder);
  assert.ok(files.includes(db), 'the database is in the folder');
  const hits = files.flatMap((file) => valuesIn(file, canaries).map((value) => `${path.relative(folder, file)}: ${value}`));
  assert.deepEqual(hits, [], `plain text of the erased person found on disk (${files.length} files)`);
  const wal = `${db}-wal`;
  if (existsSync(wal)) assert.deepEqual(valuesIn(wal, canaries), []);

  // Decrypted: everything the database holds, WAL frames included.
  const scratch = mkdtempSync(path.join(process.env.E2E_WORK ?? folder, 'plaintext-'));
  try {
    const copy = databaseNow(db, scratch, 'database');
    assert.deepEqual(valuesIn(copy, control), control, 'the plaintext copy lacks a person who was not erased');
    assert.deepEqual(valuesIn(copy, canaries), [], 'the database still holds the erased person');

    // The new backup opens with the database's key, which the keychain holds under the
    // database's path: the backup takes the database's place for the copy, then steps back.
    const aside = path.join(scratch, 'original');
    const moved = [db, `${db}-wal`, `${db}-shm`].filter((f) => existsSync(f));
    for (const f of moved) renameSync(f, `${aside}${f.slice(db.length)}`);
    try {
      copyFileSync(backupPath, db);
      const backupCopy = plaintextCopy(PLAINTEXT_COPY, db, path.join(scratch, 'backup.sqlite3'));
      assert.deepEqual(valuesIn(backupCopy, control), control, 'the backup copy lacks a person who was not erased');
      assert.deepEqual(valuesIn(backupCopy, canaries), [], 'the new backup still holds the erased person');
    } finally {
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
      for (const f of moved) renameSync(`${aside}${f.slice(db.length)}`, f);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
