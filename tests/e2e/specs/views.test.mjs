// Saved views and bulk actions on the demo database: the administrator narrows the list (a type
// filter and search text) and saves it as a shared view; after a restart on the same database the
// view brings back the same list and count; every contact it matches is selected and tagged in one
// bulk action whose confirmation states the list's count; a tagged contact shows the tag; the
// territory manager finds the shared view with their own, smaller count.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { setColorScheme } from '../lib/admin.mjs';
import { keepFailures, SCREENSHOTS, screenshot, startApp } from '../lib/app.mjs';
import { fold, shownCount, typeSearch, waitForList } from '../lib/contacts.mjs';
import { enterDemo, signIn, signOut } from '../lib/session.mjs';
import {
  applyView,
  clickWhenFree,
  listedViews,
  numberIn,
  openViews,
  saveViewAs,
  selectedCount,
  submitSaveView,
  textOf,
  waitForBulkStep,
  waitForSettledList,
} from '../lib/views.mjs';

const VIEW = 'Billing controllers';
const SEARCH = 'controller';
// A tag no demo contact has, so every selected contact changes.
const TAG = `Q3 review ${Date.now().toString(36)}`;

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** Picks an option by its visible text in a Select's dropdown. */
async function pick(browser, testId, text) {
  await clickWhenFree(browser, $(browser, testId), testId);
  const option = browser.$(`//*[@role="option"][normalize-space(.)="${text}"]`);
  await option.waitForDisplayed({ timeoutMsg: `no option "${text}" in ${testId}` });
  await option.click();
}

const billingControllers = (rows) =>
  rows.length > 0 && rows.every((row) => fold(row.text).includes(SEARCH) && /billing/i.test(row.text));

describe('saved views and bulk actions', () => {
  let app;
  let browser;
  keepFailures('views', () => browser);
  let total;
  let saved; // { count, ids } of the list when the view was saved

  before(async () => {
    app = await startApp({ name: 'views' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
    await waitForList(browser, { timeout: 90_000 });
    total = await shownCount(browser);
  });

  after(async () => {
    await app?.stop();
  });

  it('saves a filtered, searched list as a shared view', async () => {
    await openViews(browser);
    await screenshot(browser, 'views-menu-empty.png');
    await browser.keys('Escape');

    await pick(browser, 'filter-type', 'Billing');
    await typeSearch(browser, SEARCH);
    const list = await waitForSettledList(
      browser,
      (rows, count) => count < total && billingControllers(rows),
      `the list did not narrow to billing contacts matching "${SEARCH}"`,
    );
    assert.ok(list.count > 100, `the view should match more than one page of rows (it matches ${list.count})`);
    saved = { count: list.count, ids: list.rows.slice(0, 10).map((row) => row.id) };

    await saveViewAs(browser, VIEW, { shared: true });
    await screenshot(browser, 'views-save-dialog.png');
    assert.equal(await submitSaveView(browser), null, 'the view was saved');
    await browser.waitUntil(async () => (await textOf(browser, 'active-view-name')) === VIEW, {
      timeoutMsg: 'the saved view is not shown as the list\'s view',
    });
    saved.viewSaved = true;

    // The same name again is refused beside the name field.
    await saveViewAs(browser, VIEW);
    const error = await submitSaveView(browser);
    assert.match(error ?? '', /already have a view with this name/i);
    await screenshot(browser, 'views-duplicate-name.png');
    await browser.keys('Escape');
    await $(browser, 'save-view-form').waitForDisplayed({ reverse: true });
  });

  it('after a restart the view brings back the same list and count', async () => {
    assert.ok(saved?.viewSaved, 'depends on the view saved by the previous test');
    const db = app.db;
    await app.stop();
    app = await startApp({ name: 'views-restart', db });
    browser = app.browser;
    await signIn(browser, 'admin');
    await waitForList(browser, { timeout: 60_000 });
    assert.equal(await shownCount(browser), total, 'the list starts unfiltered');

    await openViews(browser);
    const views = await listedViews(browser);
    assert.deepEqual(
      views.map((v) => [v.name, v.mine]),
      [[VIEW, true]],
      'the administrator\'s view is listed as theirs',
    );
    await screenshot(browser, 'views-menu.png');
    await applyView(browser, VIEW);

    const list = await waitForSettledList(
      browser,
      (rows, count) => count === saved.count && billingControllers(rows),
      `applying "${VIEW}" did not bring back ${saved.count} billing contacts matching "${SEARCH}"`,
    );
    assert.deepEqual(list.rows.slice(0, 10).map((row) => row.id), saved.ids, 'the same rows, in the same order');
    assert.equal(
      await browser.execute(() => document.querySelector('[data-testid="contact-search"]')?.value),
      SEARCH,
      'the search box shows the view\'s search text',
    );
    assert.match(await browser.getUrl(), /[?&]view=\d+/, 'the URL names the view');
    assert.equal(await $(browser, 'view-modified').isExisting(), false, 'the view is not marked modified');
    saved.applied = true;
  });

  it('selects every contact the view matches and tags them in one bulk action', async () => {
    // Never tag a list other than the view's.
    assert.ok(saved?.applied, 'depends on the view applied by the previous test');
    const count = await shownCount(browser);
    assert.equal(count, saved.count);
    await clickWhenFree(browser, $(browser, 'select-loaded'), 'the header checkbox');
    const banner = $(browser, 'select-all-matching');
    await banner.waitForDisplayed({ timeoutMsg: 'no "Select all matching" banner after ticking the loaded rows' });
    assert.equal(numberIn(await banner.getText()), count, 'the banner offers the list\'s count');
    await banner.click();
    await browser.waitUntil(async () => (await selectedCount(browser)) === count, {
      timeoutMsg: `the action bar does not say ${count} selected`,
    });
    await screenshot(browser, 'views-selection-banner.png');

    await $(browser, 'bulk-action-addTag').click();
    const tag = $(browser, 'bulk-tag');
    await tag.waitForDisplayed({ timeoutMsg: 'the add tag form did not open' });
    await tag.addValue(TAG);
    await $(browser, 'bulk-continue').click();
    await waitForBulkStep(browser, 'confirm');
    const question = await textOf(browser, 'bulk-confirm-question');
    assert.equal(numberIn(question.replace(TAG, '')), count, `the confirmation states the list's count: ${question}`);
    assert.match(question, /^Add the tag/);
    await screenshot(browser, 'views-bulk-confirm.png');

    await $(browser, 'bulk-confirm-button').click();
    // Progress is shown while it runs (it may finish before a screenshot can be taken).
    const step = await waitForBulkStep(browser, ['running', 'done']);
    if (step === 'running') await browser.saveScreenshot(path.join(SCREENSHOTS, 'views-bulk-progress.png'));
    await waitForBulkStep(browser, 'done', 120_000);
    // Every selected contact is changed, or left as it was with a reason (archived ones are).
    const changed = numberIn(await textOf(browser, 'bulk-summary-changed'));
    const skippedText = await textOf(browser, 'bulk-summary-skipped');
    const skipped = skippedText ? numberIn(skippedText) : 0;
    assert.ok(changed > 0, 'some contacts were tagged');
    assert.equal(changed + skipped, count, `changed ${changed} + skipped ${skipped} is the selection's ${count}`);
    if (skipped > 0) {
      await $(browser, 'bulk-summary-toggle').click();
      await $(browser, 'bulk-skipped-list').waitForDisplayed();
      assert.match(await textOf(browser, 'bulk-skipped-list'), /C-\d{6}/, 'the skipped contacts are named');
    }
    await screenshot(browser, 'views-bulk-summary.png');
    await $(browser, 'bulk-close').click();
    await $(browser, 'bulk-modal').waitForDisplayed({ reverse: true });
    assert.equal(await $(browser, 'bulk-bar').isExisting(), false, 'the selection is cleared after the action');
    saved.tagged = true;
  });

  it('a contact of the view shows the new tag', async () => {
    assert.ok(saved?.tagged, 'depends on the bulk action of the previous test');
    const { rows } = await waitForSettledList(browser, billingControllers, 'the view\'s list did not come back');
    // An active contact (archived ones were skipped); cells run together in textContent.
    const row = rows.find((r) => /(?<!In)Active/.test(r.text));
    assert.ok(row, 'the view lists an active contact');
    await browser.$(`[data-testid="contact-row"][data-contact-id="${row.id}"] [data-testid="contact-row-name"]`).click();
    const tags = $(browser, 'card-tags');
    await tags.waitForDisplayed({ timeout: 15_000, timeoutMsg: 'the contact page shows no tags card' });
    await browser.waitUntil(async () => (await textOf(browser, 'card-tags')).includes(TAG), {
      timeout: 10_000,
      timeoutMsg: `the contact ${row.name} does not show the tag "${TAG}"`,
    });
    await browser.back();
    await waitForList(browser);
  });

  it('the territory manager sees the shared view with their own, smaller count', async () => {
    assert.ok(saved?.viewSaved, 'depends on the shared view saved above');
    await signOut(browser);
    await signIn(browser, 'territory');
    await waitForList(browser, { timeout: 30_000 });
    await openViews(browser);
    const views = await listedViews(browser);
    const shared = views.find((v) => v.name === VIEW);
    assert.ok(shared, `the shared view is listed for the territory manager: ${JSON.stringify(views)}`);
    assert.equal(shared.mine, false, 'it is not theirs to change');
    assert.match(shared.owner, /by Sam Okafor/);
    await applyView(browser, VIEW);
    const { count } = await waitForSettledList(
      browser,
      (rows) => billingControllers(rows),
      'the shared view shows no billing controllers for the territory manager',
    );
    assert.ok(count > 0 && count < saved.count, `the territory manager sees ${count} of the ${saved.count}`);
    assert.equal(await $(browser, 'view-save-changes-quick').isExisting(), false);

    // Their own view, with a long name, beside the shared one.
    await pick(browser, 'filter-status', 'Active');
    await $(browser, 'view-modified').waitForDisplayed({ timeoutMsg: 'changing the filter does not mark the view modified' });
    await screenshot(browser, 'views-modified.png');
    await saveViewAs(browser, 'Scotland billing controllers to call before the quarterly account review');
    assert.equal(await submitSaveView(browser), null);
    await openViews(browser);
    await screenshot(browser, 'views-menu-territory.png');
    await setColorScheme(browser, 'dark');
    await screenshot(browser, 'views-menu-territory-dark.png');
    await browser.keys('Escape');

    // Selection and the action bar in dark mode.
    await clickWhenFree(browser, $(browser, 'select-loaded'), 'the header checkbox');
    await $(browser, 'bulk-bar').waitForDisplayed();
    await screenshot(browser, 'views-selection-dark.png');
    await setColorScheme(browser, 'light');
  });
});
