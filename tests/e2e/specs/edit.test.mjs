// Editing contacts on the demo database: an edit saved and shown on the contact's page; a
// conflict provoked from a second app window on the same database (a second app instance: the
// database key is in the one keychain of the test session, and SQLite in WAL mode takes two
// processes) and resolved by reapplying, with both edits on the page afterwards (no lost update);
// and a significant change (authority level) that asks for the justification and then saves.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { setColorScheme } from '../lib/admin.mjs';
import { keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { typeSearch, visibleRows, waitForList } from '../lib/contacts.mjs';
import { clickTestId, fieldValue, fill, scrollToTestId, textOfTestId, waitForText } from '../lib/form.mjs';
import { enterDemo, signIn, typeInto } from '../lib/session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** Opens the edit screen of the contact on screen. */
async function openEditor(browser) {
  await clickTestId(browser, 'contact-edit');
  await $(browser, 'contact-editor').waitForDisplayed({ timeoutMsg: 'Edit did not open the edit screen' });
}

/** Saves with the button and waits for the contact's page. */
async function saveAndWaitForPage(browser) {
  await clickTestId(browser, 'edit-save');
  await $(browser, 'contact-name').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'saving did not return to the contact' });
}

/** The header line under the name: "job title, department at company". */
async function roleLine(browser) {
  return browser.execute(() => {
    const name = document.querySelector('[data-testid="contact-name"]');
    const card = name?.closest('.mantine-Card-root');
    return card?.textContent?.replace(/\s+/g, ' ') ?? '';
  });
}

describe('Editing a contact', () => {
  let app;
  let second;
  let browser;
  keepFailures('edit', () => browser);
  let contact = { name: '', id: '' };

  before(async () => {
    app = await startApp({ name: 'edit' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
    await waitForList(browser, { timeout: 90_000 });
  });

  after(async () => {
    await second?.stop();
    await app?.stop();
  });

  it('edits a contact and saves it', async () => {
    const [row] = await visibleRows(browser);
    await browser.$(`[data-testid="contact-row"][data-contact-id="${row.id}"]`).click();
    await $(browser, 'contact-name').waitForDisplayed();
    contact = { name: await textOfTestId(browser, 'contact-name'), id: row.id };
    await openEditor(browser);
    await fill(browser, 'jobTitle', 'Head of Site Services');
    assert.match(await textOfTestId(browser, 'dirty-summary'), /1 field changed:\s*Job title/);
    await screenshot(browser, 'edit-1-form.png');
    // Every stored phone, email and address, each with its type, and the rest of the page.
    await scrollToTestId(browser, 'group-contact-details');
    await screenshot(browser, 'edit-1b-contact-details.png');
    await scrollToTestId(browser, 'edit-section-sites');
    await setColorScheme(browser, 'dark');
    await screenshot(browser, 'edit-1c-sites-dark.png');
    await setColorScheme(browser, 'light');
    // Ctrl+S saves from anywhere on the screen.
    await browser.keys(['Control', 's']);
    await $(browser, 'contact-name').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'Ctrl+S did not save and return' });
    assert.match(await roleLine(browser), /Head of Site Services/);
    await screenshot(browser, 'edit-2-saved.png');
  });

  it('resolves a conflict with a save made meanwhile in a second window, losing neither edit', async () => {
    // A second app window on the same database, signed in as the regional manager; the contact
    // is one they can see (so the administrator can too).
    second = await startApp({ name: 'edit-second', db: app.db });
    const other = second.browser;
    await $(other, 'sign-in-form').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the second window did not ask to sign in' });
    await signIn(other, 'regional');
    await waitForList(other, { timeout: 60_000 });
    const [row] = await visibleRows(other);
    await other.$(`[data-testid="contact-row"][data-contact-id="${row.id}"]`).click();
    await $(other, 'contact-name').waitForDisplayed();
    contact = { name: await textOfTestId(other, 'contact-name'), id: row.id };

    // First window: the site administrator finds the same person and starts an edit.
    await $(browser, 'back-to-contacts').click();
    await waitForList(browser);
    // The name as typed into the search, without a salutation such as "Dr." or "Mevr.".
    await typeSearch(browser, contact.name.split(/\s+/).filter((word) => !word.endsWith('.')).join(' '));
    await browser.waitUntil(async () => (await visibleRows(browser)).some((r) => r.id === contact.id), {
      timeout: 20_000,
      timeoutMsg: `the administrator cannot find ${contact.name}`,
    });
    await browser.$(`[data-testid="contact-row"][data-contact-id="${contact.id}"]`).click();
    await openEditor(browser);
    const jobTitleBefore = await fieldValue(browser, 'jobTitle');
    await fill(browser, 'jobTitle', 'Regional Facilities Lead');

    // Second window: the regional manager changes the department and saves first.
    await openEditor(other);
    await fill(other, 'department', 'Estates North');
    await saveAndWaitForPage(other);
    assert.match(await roleLine(other), /Estates North/);

    // First window saves: refused as stale, the conflict panel shows both sides.
    await clickTestId(browser, 'edit-save');
    const panel = await waitForText(browser, 'conflict-panel', 'saving a stale edit showed no conflict panel');
    assert.match(panel, /Priya Raman saved this contact while you were editing/);
    assert.match(await textOfTestId(browser, 'conflict-theirs'), /Department: .* → Estates North/);
    assert.ok(
      (await textOfTestId(browser, 'conflict-mine')).includes(`Job title: ${jobTitleBefore || '—'} → Regional Facilities Lead`),
      await textOfTestId(browser, 'conflict-mine'),
    );
    await scrollToTestId(browser, 'conflict-panel');
    await screenshot(browser, 'edit-3-conflict.png');

    // Reapply: the form now holds their department and my job title, for a look before saving.
    await clickTestId(browser, 'conflict-reapply');
    await $(browser, 'conflict-panel').waitForExist({ reverse: true, timeoutMsg: 'the conflict panel stayed after reapplying' });
    assert.equal(await fieldValue(browser, 'department'), 'Estates North');
    assert.equal(await fieldValue(browser, 'jobTitle'), 'Regional Facilities Lead');
    await screenshot(browser, 'edit-4-reapplied.png');
    await saveAndWaitForPage(browser);
    const line = await roleLine(browser);
    assert.match(line, /Regional Facilities Lead/);
    assert.match(line, /Estates North/);
    await screenshot(browser, 'edit-5-both-saved.png');

    // The second window, opened again, shows both edits as well.
    await openEditor(other);
    assert.equal(await fieldValue(other, 'jobTitle'), 'Regional Facilities Lead');
    assert.equal(await fieldValue(other, 'department'), 'Estates North');
    await second.stop();
    second = null;
  });

  it('a change of authority level asks for the justification and approval, then saves', async () => {
    await openEditor(browser);
    await fill(browser, 'authorityLevel', 'Site budget holder');
    await browser.keys(['Escape']);
    await clickTestId(browser, 'edit-save');
    const modal = await waitForText(browser, 'justification-modal', 'no justification was asked for');
    assert.match(modal, /Changing the authority level is a significant change/);
    await typeInto(browser, 'justification-reason', 'Took over the site budget from the previous manager.');
    await typeInto(browser, 'justification-approved-by', 'Fiona Grant, Operations Director');
    await screenshot(browser, 'edit-6-justification.png');
    await clickTestId(browser, 'justification-submit');
    await $(browser, 'contact-name').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the justified change did not save' });
    await browser.waitUntil(
      async () => /Site budget holder/.test(await textOfTestId(browser, 'card-authority')),
      { timeoutMsg: 'the new authority level is not on the contact page' },
    );
    await screenshot(browser, 'edit-7-justified.png');
  });
});
