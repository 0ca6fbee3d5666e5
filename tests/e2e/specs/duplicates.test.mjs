// The duplicate scan through the real window, on the demo database (5,000 contacts, a planted
// near-duplicate every 97): the administrator scans, every planted pair is one group on the
// Duplicates screen, a record opens from its group, and the results are still there on return;
// a group is merged field by field and the merge undone, after which each person's data export
// is what it was before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { chooseAction, clickWhenFree } from '../lib/lifecycle.mjs';
import { enterDemo, textOf } from '../lib/session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);
/** As the demo generator plants them: contact 97k is a near-duplicate of contact 97k - 1. */
const DUPLICATE_EVERY = 97;
const DEMO_CONTACTS = 5000;

/** The groups on the current page, each as its contact ids. */
function groupsOnPage(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="duplicate-group"]')].map((g) =>
      (g.getAttribute('data-contact-ids') ?? '').split(','),
    ),
  );
}

/** What the export, a merge and its undo add by design: the export's time and their audit entries. */
const ADDED_BY_MERGES = new Set(['merge', 'unmerge', 'export_person', 'read_archived']);

/** Opens the record from its group on the Duplicates screen and exports the person's data. */
async function exportFromGroup(browser, id) {
  await clickWhenFree(browser, $(browser, 'nav-duplicates'), 'the Duplicates link');
  await $(browser, 'duplicates-summary').waitForDisplayed({ timeoutMsg: 'the results were lost' });
  const link = browser.$(`[data-testid="duplicate-contact"][data-contact-id="${id}"] a`);
  await link.waitForDisplayed({ timeout: 20_000, timeoutMsg: `the record ${id} is not in its group` });
  await clickWhenFree(browser, link, `the record ${id}`);
  await browser.waitUntil(async () => (await textOf(browser, 'contact-name')).length > 0, {
    timeout: 20_000,
    timeoutMsg: `the record ${id} did not open`,
  });
  await chooseAction(browser, 'export');
  await clickWhenFree(browser, $(browser, 'export-submit'), 'Export');
  await $(browser, 'export-done').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the export did not finish' });
  const json = JSON.parse(readFileSync(await textOf(browser, 'export-json'), 'utf8'));
  const vcard = readFileSync(await textOf(browser, 'export-vcard'), 'utf8');
  await clickWhenFree(browser, $(browser, 'export-close'), 'Done');
  await $(browser, 'export-modal').waitForDisplayed({ reverse: true });
  delete json.header.exportedAt;
  for (const key of ['auditEvents', 'fieldHistory']) {
    if (Array.isArray(json[key])) json[key] = json[key].filter((entry) => !ADDED_BY_MERGES.has(entry.action));
  }
  return { json, vcard };
}

describe('duplicates', () => {
  let app;
  let browser;
  keepFailures('duplicates', () => browser);

  before(async () => {
    app = await startApp({ name: 'duplicates' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
    await waitForList(browser, { timeout: 120_000 });
  });

  after(async () => {
    await app?.stop();
  });

  it('finds every planted duplicate of the demo, each with its partner', async () => {
    await clickWhenFree(browser, $(browser, 'nav-duplicates'), 'the Duplicates link');
    await $(browser, 'duplicates-none').waitForDisplayed({ timeoutMsg: 'the Duplicates screen did not open empty' });
    await screenshot(browser, 'duplicates-none.png');
    await clickWhenFree(browser, $(browser, 'duplicates-scan'), 'Scan for duplicates');
    await $(browser, 'duplicates-summary').waitForDisplayed({ timeout: 120_000, timeoutMsg: 'the scan did not finish' });
    // The webview formats numbers in its own locale ("5,000" or "5000").
    assert.match(await textOf(browser, 'duplicates-summary'), /among 5\D?000 contacts/);
    await browser.waitUntil(async () => (await browser.$$('[data-testid="duplicate-contact"]')).length > 0, {
      timeout: 30_000,
      timeoutMsg: 'the groups show no records',
    });
    await screenshot(browser, 'duplicates-groups.png');

    const groupOf = new Map();
    for (let page = 0; page < 100; page += 1) {
      for (const group of await groupsOnPage(browser)) {
        for (const id of group) groupOf.set(id, group.join(','));
      }
      const next = $(browser, 'duplicates-next');
      if (!(await next.isEnabled())) break;
      const before = JSON.stringify(await groupsOnPage(browser));
      await clickWhenFree(browser, next, 'Next');
      await browser.waitUntil(async () => JSON.stringify(await groupsOnPage(browser)) !== before, {
        timeoutMsg: 'the next page of groups did not show',
      });
    }
    let planted = 0;
    for (let copy = DUPLICATE_EVERY; copy <= DEMO_CONTACTS; copy += DUPLICATE_EVERY) {
      planted += 1;
      const original = String(copy - 1);
      assert.ok(groupOf.has(original), `the planted original ${original} is in no group`);
      assert.equal(groupOf.get(original), groupOf.get(String(copy)), `${original} and ${copy} are not one group`);
    }
    assert.equal(planted, 51);
  });

  it('opens a record from its group, and keeps the results on return', async () => {
    await clickWhenFree(browser, $(browser, 'duplicates-previous'), 'Previous');
    const summary = await textOf(browser, 'duplicates-summary');
    const link = browser.$('[data-testid="duplicate-contact"] a');
    // Read from the page: a name cut short with an ellipsis is still its whole text there.
    const name = await browser.execute(
      () => document.querySelector('[data-testid="duplicate-contact"] a')?.textContent?.trim() ?? '',
    );
    assert.ok(name, 'the first group names its records');
    await clickWhenFree(browser, link, `the record ${name}`);
    await browser.waitUntil(async () => (await textOf(browser, 'contact-name')).length > 0, {
      timeout: 20_000,
      timeoutMsg: 'the record did not open',
    });
    assert.equal(await textOf(browser, 'contact-name'), name);
    await clickWhenFree(browser, $(browser, 'nav-duplicates'), 'the Duplicates link');
    await $(browser, 'duplicates-summary').waitForDisplayed({ timeoutMsg: 'the results were lost' });
    assert.equal(await textOf(browser, 'duplicates-summary'), summary);
  });

  it('merges a group field by field, and the undo gives back each person exactly', async () => {
    const [group] = await groupsOnPage(browser);
    assert.ok(group && group.length >= 2, 'the first page has a group to merge');
    const before = new Map();
    for (const id of group) before.set(id, await exportFromGroup(browser, id));

    await clickWhenFree(browser, $(browser, 'nav-duplicates'), 'the Duplicates link');
    const card = browser.$(`[data-testid="duplicate-group"][data-contact-ids="${group.join(',')}"]`);
    await card.waitForDisplayed({ timeoutMsg: 'the group is gone from the results' });
    await clickWhenFree(browser, card.$('[data-testid="duplicate-review"]'), 'Review and merge');
    await $(browser, 'merge-table').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the review did not open' });
    const records = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="merge-record"]')].map((r) => r.getAttribute('data-contact-id')),
    );
    assert.deepEqual([...records].sort(), [...group].sort(), 'the review shows the group’s records side by side');
    await screenshot(browser, 'merge-review.png');

    // Keep the other record's value of the first field where they differ.
    const other = await browser.execute(() => {
      const cell = document.querySelector('[data-testid^="merge-choice-"][data-chosen="false"]');
      return cell ? { testId: cell.getAttribute('data-testid'), text: cell.textContent.trim() } : null;
    });
    assert.ok(other, 'the records differ in at least one field (the planted copy has typos)');
    const field = other.testId.replace(/^merge-choice-/, '').replace(/-\d+$/, '');
    await clickWhenFree(browser, $(browser, other.testId), `the other ${field}`);
    await browser.waitUntil(async () => (await $(browser, other.testId).getAttribute('data-chosen')) === 'true', {
      timeoutMsg: 'the choice did not take',
    });
    const result = await browser.execute(
      (f) => document.querySelector(`[data-testid="merge-result-field"][data-field="${f}"]`)?.textContent ?? '',
      field,
    );
    assert.ok(result.includes(other.text), `the preview shows the chosen ${field} "${other.text}": ${result}`);
    await screenshot(browser, 'merge-chosen.png');

    await clickWhenFree(browser, $(browser, 'merge-confirm-open'), 'Merge records…');
    await $(browser, 'merge-confirm').waitForDisplayed();
    await screenshot(browser, 'merge-confirm.png');
    await clickWhenFree(browser, $(browser, 'merge-confirm-button'), 'Merge');
    await $(browser, 'merge-done').waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the merge did not finish' });
    await screenshot(browser, 'merge-done.png');

    // Every id of the group now opens the survivor, which holds the chosen value.
    await clickWhenFree(browser, $(browser, 'merge-open-survivor'), 'Open the survivor');
    await browser.waitUntil(async () => (await textOf(browser, 'contact-name')).length > 0, {
      timeout: 20_000,
      timeoutMsg: 'the survivor did not open',
    });
    // The page may first show the record as it was read before the merge, then as it is.
    await browser.waitUntil(async () => (await browser.execute(() => document.body.innerText)).includes(other.text), {
      timeout: 20_000,
      timeoutMsg: `the survivor's page does not show the chosen ${field} "${other.text}"`,
    });
    await screenshot(browser, 'merge-survivor.png');

    // The merged group left the results; the merge is undone from Recent merges.
    await clickWhenFree(browser, $(browser, 'nav-duplicates'), 'the Duplicates link');
    await $(browser, 'recent-merges').waitForDisplayed({ timeoutMsg: 'the Duplicates screen lists no recent merge' });
    assert.equal(await card.isExisting(), false, 'the merged group is still listed');
    await screenshot(browser, 'merge-recent.png');
    await clickWhenFree(browser, browser.$('[data-testid="recent-merge"] [data-testid="recent-merge-undo"]'), 'Undo');
    await browser.waitUntil(
      async () => !(await browser.$('[data-testid="recent-merge"] [data-testid="recent-merge-undo"]').isExisting()),
      { timeout: 20_000, timeoutMsg: 'the merge was not undone' },
    );
    await screenshot(browser, 'merge-undone.png');

    // The scan finds the group again, and each person's export is what it was.
    await clickWhenFree(browser, $(browser, 'duplicates-scan'), 'Scan again');
    await card.waitForDisplayed({ timeout: 120_000, timeoutMsg: 'the undone group is not found again' });
    for (const id of group) {
      const after = await exportFromGroup(browser, id);
      assert.deepEqual(after.json, before.get(id).json, `the data export of ${id} differs after the undo`);
      assert.equal(after.vcard, before.get(id).vcard, `the vCard of ${id} differs after the undo`);
    }
  });
});
