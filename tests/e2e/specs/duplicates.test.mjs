// The duplicate scan through the real window, on the demo database (5,000 contacts, a planted
// near-duplicate every 97): the administrator scans, every planted pair is one group on the
// Duplicates screen, a record opens from its group, and the results are still there on return.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { clickWhenFree } from '../lib/lifecycle.mjs';
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
});
