// The walking skeleton as a user meets it: first start on a fresh database (the user explores the
// demo and signs in as its site administrator), the contact list, search as you type, the detail page by mouse and by
// keyboard, the empty state and the global search.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { keepFailures, screenshot, startApp } from '../lib/app.mjs';
import {
  fold,
  shownCount,
  showAllContacts,
  tableBusy,
  typeSearch,
  visibleRows,
  waitForList,
} from '../lib/contacts.mjs';
import { enterDemo } from '../lib/session.mjs';

describe('Rapport on a fresh demo database', () => {
  let app;
  let browser;
  keepFailures('contacts', () => browser);
  let total;

  before(async () => {
    app = await startApp({ name: 'light' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
  });

  after(async () => {
    await app?.stop();
  });

  it('lists the demo contacts on first start', async () => {
    // The first start creates ~5,000 demo contacts before the list can show them.
    await waitForList(browser, { timeout: 90_000 });
    total = await shownCount(browser);
    assert.ok(total >= 4_500 && total <= 5_500, `the count line says ${total} contacts, expected ~5,000`);
    const rows = await visibleRows(browser);
    assert.ok(rows.length >= 5, `only ${rows.length} rows are on screen`);
    assert.ok(
      rows.every((row) => row.id && row.name),
      'every row has a contact id and a name',
    );
    await screenshot(browser, 'contacts.png');
  });

  it('typing a surname filters the list to the people who match it', async () => {
    const before = await visibleRows(browser);
    // A user reads a surname off the screen: the last word of a name (plain letters preferred,
    // so the check below is not about how the search folds accents or scripts).
    const words = before.map((row) => row.name.split(/\s+/).at(-1));
    const surname =
      words.find((w) => /^[A-Za-z][A-Za-z'-]{2,}$/.test(w)) ?? words.find((w) => w.length >= 2) ?? words[0];
    await typeSearch(browser, surname);

    const wanted = fold(surname);
    let rows = [];
    let count = null;
    await browser.waitUntil(
      async () => {
        rows = await visibleRows(browser);
        count = await shownCount(browser);
        return (
          !(await tableBusy(browser)) &&
          count !== null &&
          count < total &&
          rows.length > 0 &&
          rows.every((row) => fold(row.text).includes(wanted))
        );
      },
      {
        timeout: 15_000,
        interval: 200,
        timeoutMsg: `searching "${surname}" did not narrow the list to rows containing it`,
      },
    );
    assert.ok(count >= 1 && count < total, `search "${surname}" shows ${count} of ${total}`);
    assert.ok(
      rows.some((row) => fold(row.name).includes(wanted)),
      `some row's name contains "${surname}"`,
    );
    await screenshot(browser, 'search.png');
  });

  it('clicking a row opens that contact, and back returns to the list', async () => {
    await showAllContacts(browser, total);
    const [, row] = await visibleRows(browser); // the second row: not just "whatever comes first"
    await browser
      .$(`[data-testid="contact-row"][data-contact-id="${row.id}"] [data-testid="contact-row-name"]`)
      .click();
    await browser.$('[data-testid="contact-detail"]').waitForDisplayed();
    const heading = browser.$('[data-testid="contact-name"]');
    await browser.waitUntil(async () => (await heading.getText()).trim().length > 0, {
      timeoutMsg: 'the detail page shows no name',
    });
    assertSameName(await heading.getText(), row.name);
    await screenshot(browser, 'detail.png');

    await browser.back();
    await waitForList(browser);
    assert.equal(await browser.$('[data-testid="contact-detail"]').isExisting(), false);
  });

  it('the keyboard opens a contact too (ArrowDown from the search box, ArrowDown, Enter)', async () => {
    await showAllContacts(browser, total);
    // ArrowDown in the search box moves into the table (which marks its first row active) ...
    await browser.$('[data-testid="contact-search"]').click();
    await browser.keys('ArrowDown');
    await browser.waitUntil(
      async () =>
        browser.execute(() => document.activeElement?.getAttribute('data-testid') === 'contacts-table'),
      { timeout: 5_000, timeoutMsg: 'ArrowDown in the search box did not move the focus into the table' },
    );
    // ... and ArrowDown again moves to the next row; Enter opens whichever row is active.
    await browser.keys('ArrowDown');
    let active;
    await browser.waitUntil(
      async () => {
        active = (await visibleRows(browser)).find((row) => row.active);
        return Boolean(active);
      },
      { timeout: 5_000, timeoutMsg: 'no row is marked active (aria-selected) after ArrowDown' },
    );
    await browser.keys('Enter');
    await browser.$('[data-testid="contact-detail"]').waitForDisplayed({ timeoutMsg: 'Enter did not open the contact' });
    const heading = browser.$('[data-testid="contact-name"]');
    await browser.waitUntil(async () => (await heading.getText()).trim().length > 0);
    assertSameName(await heading.getText(), active.name);
    await browser.back();
    await waitForList(browser);
  });

  it('a search with no matches shows the empty state', async () => {
    await showAllContacts(browser, total);
    await typeSearch(browser, 'qqxzvw');
    await browser.waitUntil(async () => (await visibleRows(browser)).length === 0, {
      timeout: 15_000,
      interval: 200,
      timeoutMsg: 'rows are still shown for a search that matches nobody',
    });
    const empty = browser.$('[data-testid="contacts-empty"]');
    await empty.waitForDisplayed({ timeoutMsg: 'no empty state is shown for a search that matches nobody' });
    assert.match(await empty.getText(), /no contacts match/i);
    await browser.waitUntil(async () => (await shownCount(browser)) === 0, {
      timeoutMsg: 'the count line does not say 0 contacts',
    });
    await screenshot(browser, 'empty.png');
  });

  it('Ctrl+K opens the global search', async () => {
    await showAllContacts(browser, total);
    await browser.keys(['Control', 'k']);
    const global = browser.$('[data-testid="global-search"]');
    await global.waitForDisplayed({ timeoutMsg: 'Ctrl+K did not open the global search' });
    await global.addValue('a');
    await browser.$('[data-testid="global-search-result"]').waitForDisplayed({
      timeoutMsg: 'typing in the global search listed no contacts',
    });
    await screenshot(browser, 'global-search.png');
    await browser.keys('Escape');
    // Closed means gone (Spotlight unmounts after its closing transition, overlay included).
    await browser.waitUntil(
      async () => browser.execute(() => !document.querySelector('[data-testid="global-search"]')),
      { timeout: 10_000, interval: 100, timeoutMsg: 'Escape did not close the global search' },
    );
  });
});

function sameName(a, b) {
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  return norm(a).includes(norm(b)) || norm(b).includes(norm(a));
}

function assertSameName(detailName, rowName) {
  assert.ok(sameName(detailName, rowName), `the detail shows "${detailName}", the row said "${rowName}"`);
}
