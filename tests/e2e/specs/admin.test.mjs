// Administration on the demo database as its site administrator: each section on screen, a new
// territory manager scoped to one territory who then sees fewer contacts, and the audit chain
// verifying after all of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { openAdmin, pickOption, setColorScheme, textsOf } from '../lib/admin.mjs';
import { keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { enterDemo, signIn, signOut, typeInto, visibleCount } from '../lib/session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);
/** All of an element's text, also what is cut off with an ellipsis (WebDriver's getText is not). */
async function textOf(browser, element) {
  return browser.execute((el) => el.textContent ?? '', await element);
}

const NEW_USER = { username: 'morag.campbell', displayName: 'Morag Campbell', password: 'heather-and-granite-7' };
const TERRITORY = 'Scotland';

async function waitForCount(browser) {
  let count = null;
  await browser.waitUntil(async () => (count = await visibleCount(browser)) !== null, {
    timeout: 30_000,
    interval: 200,
    timeoutMsg: 'the status bar shows no count of visible contacts',
  });
  return count;
}

async function verifyChain(browser) {
  await $(browser, 'audit-verify').click();
  const result = $(browser, 'audit-verification');
  await result.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'Verify chain showed no result' });
  return { ok: await result.getAttribute('data-ok'), text: await textOf(browser, result) };
}

describe('Administration as the demo site administrator', () => {
  let app;
  let browser;
  keepFailures('admin', () => browser);
  let adminCount;

  before(async () => {
    app = await startApp({ name: 'admin' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
    await waitForList(browser, { timeout: 90_000 });
    adminCount = await waitForCount(browser);
  });

  after(async () => {
    await app?.stop();
  });

  it('lists the demo users', async () => {
    await openAdmin(browser, 'users');
    await browser.waitUntil(async () => (await textsOf(browser, 'user-row')).length >= 4, {
      timeoutMsg: 'the users table did not list the demo users',
    });
    const rows = await textsOf(browser, 'user-row');
    assert.ok(rows.some((row) => /Sam Okafor/.test(row) && /Site administrator/.test(row)), rows.join('\n'));
    assert.ok(rows.some((row) => /Tom Becker/.test(row) && /Territory manager/.test(row)), rows.join('\n'));
    await screenshot(browser, 'admin-users.png');
  });

  it('creates a territory manager scoped to one territory', async () => {
    await $(browser, 'user-new').click();
    await $(browser, 'user-form').waitForDisplayed();
    await typeInto(browser, 'user-username', NEW_USER.username);
    await typeInto(browser, 'user-display-name', NEW_USER.displayName);
    // A new user starts as a territory manager: only the territory picker is offered.
    assert.equal(await $(browser, 'user-regions').isExisting(), false, 'a territory manager was offered regions');
    await pickOption(browser, 'user-territories', TERRITORY);
    await browser.keys('Escape'); // close the dropdown, keep the dialog
    // The core's rules come back next to the field they concern.
    await typeInto(browser, 'user-password', 'short');
    await $(browser, 'user-save').click();
    const error = browser.$('[data-testid="user-form"] .mantine-InputWrapper-error');
    await error.waitForDisplayed({ timeoutMsg: 'a short password got no message at its field' });
    assert.match(await textOf(browser, error), /Initial password must be at least \d+ characters long/);
    await screenshot(browser, 'admin-user-form-error.png');

    await typeInto(browser, 'user-password', NEW_USER.password);
    await error.waitForDisplayed({ reverse: true, timeoutMsg: 'the message stayed after the password changed' });
    await screenshot(browser, 'admin-user-form.png');

    await $(browser, 'user-save').click();
    await $(browser, 'user-form').waitForDisplayed({ reverse: true, timeoutMsg: 'saving the user did not close the form' });
    const row = browser.$(`[data-testid="user-row"][data-username="${NEW_USER.username}"]`);
    await row.waitForDisplayed({ timeoutMsg: 'the new user is not in the list' });
    const text = await textOf(browser, row);
    assert.match(text, /Territory manager/);
    assert.match(text, new RegExp(TERRITORY));
    assert.match(text, /Never/);
  });

  it('shows regions, accounts and a chosen account’s sites', async () => {
    await openAdmin(browser, 'organisation');
    await browser.waitUntil(async () => (await textsOf(browser, 'region-card')).length >= 3, {
      timeoutMsg: 'no regions listed',
    });
    const regions = await textsOf(browser, 'region-card');
    assert.ok(regions.some((card) => card.includes(TERRITORY)), `no region lists ${TERRITORY}`);
    await screenshot(browser, 'admin-organisation.png');

    const accounts = $(browser, 'accounts-list');
    await accounts.waitForDisplayed({ timeoutMsg: 'no accounts listed' });
    await browser.$('[data-testid="account-item"]').click();
    await $(browser, 'sites-table').waitForDisplayed({ timeoutMsg: 'the account’s sites did not show' });
    assert.ok((await textsOf(browser, 'site-row')).length > 0, 'the account has no sites');
    await browser.execute(() => document.querySelector('[data-testid="accounts-section"]')?.scrollIntoView());
    await screenshot(browser, 'admin-organisation-accounts.png');
  });

  it('shows the security policy', async () => {
    await openAdmin(browser, 'security');
    await $(browser, 'security-form').waitForDisplayed();
    const value = await browser.execute(
      () => document.querySelector('[data-testid="policy-maxFailedSignIns"]')?.value ?? '',
    );
    assert.match(value, /^\d+$/);
    await screenshot(browser, 'admin-security.png');
  });

  it('adds a relationship kind with a direction, and refuses the same name twice', async () => {
    await openAdmin(browser, 'kinds');
    await $(browser, 'kinds-table').waitForDisplayed({ timeoutMsg: 'the relationship kinds did not load' });
    const builtIn = await textsOf(browser, 'kind-row');
    assert.ok(builtIn.some((row) => /Reports to/.test(row) && /Built in/.test(row)), builtIn.join('\n'));

    await $(browser, 'kind-add').click();
    await $(browser, 'kind-form').waitForDisplayed({ timeoutMsg: 'Add kind opened no dialog' });
    await typeInto(browser, 'kind-label', 'Mentors');
    await $(browser, 'kind-directed').click();
    await browser.waitUntil(
      async () => browser.execute(() => document.querySelector('[data-testid="kind-directed"]')?.checked === true),
      { timeout: 5_000, timeoutMsg: 'the direction checkbox did not tick' },
    );
    await $(browser, 'kind-submit').click();
    await $(browser, 'kind-form').waitForDisplayed({ reverse: true, timeoutMsg: 'saving the kind did not close the dialog' });
    // The core makes the code from the label.
    const row = browser.$('[data-testid="kind-row"][data-kind-code="mentors"]');
    await row.waitForDisplayed({ timeoutMsg: 'the new kind is not in the table' });
    const text = await textOf(browser, row);
    assert.match(text, /Mentors/);
    assert.match(text, /Directed/);
    assert.doesNotMatch(text, /Built in/);
    await screenshot(browser, 'admin-relationship-kinds.png');

    await $(browser, 'kind-add').click();
    await $(browser, 'kind-form').waitForDisplayed();
    await typeInto(browser, 'kind-label', 'Mentors');
    await $(browser, 'kind-submit').click();
    const error = browser.$('[data-testid="kind-form"] .mantine-InputWrapper-error');
    await error.waitForDisplayed({ timeoutMsg: 'a second "Mentors" got no message at its label' });
    assert.match(await textOf(browser, error), /already a kind called "Mentors"/);
    assert.ok(await $(browser, 'kind-form').isDisplayed(), 'the refused dialog closed');
    await screenshot(browser, 'admin-relationship-kind-error.png');
    await browser.$('//*[@data-testid="kind-form"]//button[normalize-space(.)="Cancel"]').click();
    await $(browser, 'kind-form').waitForDisplayed({ reverse: true });
    assert.equal((await textsOf(browser, 'kind-row')).filter((r) => /Mentors/.test(r)).length, 1, 'Mentors is listed twice');
  });

  it('backs up now, and asks before restoring', async () => {
    await openAdmin(browser, 'backups');
    await browser.waitUntil(
      async () =>
        browser.execute(
          () => !!document.querySelector('[data-testid="backups-table"], [data-testid="backups-empty"]'),
        ),
      { timeoutMsg: 'the backups list did not load' },
    );
    const before = (await textsOf(browser, 'backup-row')).length;
    await $(browser, 'backup-now').click();
    await browser.waitUntil(async () => (await textsOf(browser, 'backup-row')).length === before + 1, {
      timeout: 60_000,
      timeoutMsg: 'Back up now added no backup',
    });
    await screenshot(browser, 'admin-backups.png');

    await browser.$('[data-testid="backup-restore"]').click();
    const confirm = browser.$('[role="dialog"]');
    await confirm.waitForDisplayed();
    assert.match(await confirm.getText(), /Everyone is signed out/);
    await screenshot(browser, 'admin-restore-confirm.png');
    await browser.$('//button[normalize-space(.)="Cancel"]').click();
    await confirm.waitForDisplayed({ reverse: true });
  });

  it('shows the recovery key after the password', async () => {
    await $(browser, 'recovery-key-open').click();
    await typeInto(browser, 'recovery-key-password', 'rapport-demo');
    await $(browser, 'recovery-key-show').click();
    const key = $(browser, 'recovery-key-value');
    await key.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the recovery key did not show' });
    assert.ok((await key.getText()).trim().length >= 20, 'the recovery key is shown');
    await screenshot(browser, 'admin-recovery-key.png');
    await browser.$('//button[normalize-space(.)="Done"]').click();
    await key.waitForDisplayed({ reverse: true });
  });

  it('offers the site administrator the contacts that belong to no site', async () => {
    await $(browser, 'nav-contacts').click();
    await waitForList(browser);
    const chip = browser.$('//label[normalize-space(.)="Unassigned (no site)"]');
    await chip.waitForDisplayed({ timeoutMsg: 'no "Unassigned (no site)" filter for the site administrator' });
    await chip.click();
    await browser.waitUntil(async () => (await browser.getUrl()).includes('unassigned=1'), {
      timeoutMsg: 'the unassigned filter is not in the URL',
    });
    await browser.waitUntil(
      async () =>
        browser.execute(() => !!document.querySelector('[data-testid="contacts-table"], [data-testid="contacts-empty"]')),
      { timeoutMsg: 'the unassigned list did not load' },
    );
    await screenshot(browser, 'admin-contacts-unassigned.png');
    await chip.click();
    await browser.waitUntil(async () => !(await browser.getUrl()).includes('unassigned=1'));

    // A contact's page ends with its field history.
    await waitForList(browser);
    await browser.$('[data-testid="contact-row"]').click();
    const history = $(browser, 'card-history');
    await history.waitForDisplayed({ timeoutMsg: 'the contact page has no History card' });
    await history.scrollIntoView();
    await browser.waitUntil(
      async () => browser.execute(() => !document.querySelector('[data-testid="history-loading"]')),
      { timeoutMsg: 'the history did not load' },
    );
    await screenshot(browser, 'admin-contact-history.png');
  });

  it('the new territory manager sees fewer contacts', async () => {
    await signOut(browser);
    await signIn(browser, NEW_USER.username, NEW_USER.password);
    await waitForList(browser, { timeout: 60_000 });
    const count = await waitForCount(browser);
    assert.ok(count > 0 && count < adminCount, `${NEW_USER.username} sees ${count} of ${adminCount} contacts`);
    assert.equal(await $(browser, 'nav-admin').isExisting(), false, 'a territory manager is offered Administration');
    await screenshot(browser, 'admin-scoped-user.png');
  });

  it('as the administrator again, the audit trail lists it all and its chain verifies', async () => {
    await signOut(browser);
    await signIn(browser, 'admin');
    await openAdmin(browser, 'audit');
    await browser.waitUntil(async () => (await textsOf(browser, 'audit-row')).length > 0, {
      timeoutMsg: 'the audit trail is empty',
    });
    const rows = await textsOf(browser, 'audit-row');
    assert.ok(rows.some((row) => /Create/.test(row) && new RegExp(NEW_USER.username).test(row)), 'the new user is audited');
    assert.ok(rows.some((row) => /Sign in/.test(row) && new RegExp(NEW_USER.username).test(row)), 'their sign-in is audited');

    const { ok, text } = await verifyChain(browser);
    assert.equal(ok, 'true', `the chain does not verify: ${text}`);
    assert.match(text, /The audit chain is intact/);
    await screenshot(browser, 'admin-audit.png');
  });

  it('draws the administration screens dark too', async () => {
    await setColorScheme(browser, 'dark');
    await screenshot(browser, 'admin-audit-dark.png');
    await openAdmin(browser, 'users');
    await browser.waitUntil(async () => (await textsOf(browser, 'user-row')).length >= 5);
    await screenshot(browser, 'admin-users-dark.png');
    await openAdmin(browser, 'organisation');
    await $(browser, 'accounts-list').waitForDisplayed();
    await screenshot(browser, 'admin-organisation-dark.png');
    await setColorScheme(browser, 'light');
  });

  it('restoring a backup signs everyone out; the restored database verifies', async () => {
    await openAdmin(browser, 'backups');
    await browser.$('[data-testid="backup-restore"]').click();
    const confirm = browser.$('[role="dialog"]');
    await confirm.waitForDisplayed();
    await browser.$('//button[normalize-space(.)="Restore and sign everyone out"]').click();
    await $(browser, 'sign-in-form').waitForDisplayed({ timeout: 120_000, timeoutMsg: 'the restore did not return to sign-in' });
    await screenshot(browser, 'admin-restored-sign-in.png');

    await signIn(browser, 'admin');
    await openAdmin(browser, 'audit');
    await browser.waitUntil(async () => (await textsOf(browser, 'audit-row')).some((row) => /Restored/.test(row)), {
      timeoutMsg: 'the restored database does not record the restore',
    });
    const { ok, text } = await verifyChain(browser);
    assert.equal(ok, 'true', `the restored chain does not verify: ${text}`);
  });
});
