// Importing through the real window, as the territory manager: a CSV arrives through the window's
// drop handler (reached by the test-only command of the e2e build, since WebDriver cannot drag a
// file from a file manager), a column the automatic mapping did not know is mapped by hand, a
// site of the manager's territory is chosen, a row that matches a stored contact is set to
// update it, and the import runs with its progress. The new person is then found by search and
// the matched contact shows the new job title; undoing the import from the history removes the
// person and puts the job title back, and search agrees. A vCard then comes through the file
// dialog path (the e2e build answers the dialog) and is found by its quoted-printable name.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { setColorScheme } from '../lib/admin.mjs';
import { invokeOk, keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { shownCount, tableBusy, typeSearch, waitForList } from '../lib/contacts.mjs';
import { clickWhenFree, openRow, readContact, searchList } from '../lib/lifecycle.mjs';
import { enterDemo, textOf } from '../lib/session.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '..', '..', 'fixtures');
const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

// Unusual enough that no demo contact has them.
const NEW_PERSON = { first: 'Zofia', last: 'Quennell-Abara', email: 'zofia.quennell@harbourline.example.com' };
const NEW_TITLE = 'Head of Imports Review';

async function rowsOfPreview(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="import-row"]')].map((row) => ({
      record: Number(row.getAttribute('data-record')),
      action: row.getAttribute('data-action'),
      text: row.textContent ?? '',
    })),
  );
}

/** Waits until the preview's rows satisfy `check`; returns them. */
async function waitForPreview(browser, check, timeoutMsg) {
  let rows = [];
  await browser.waitUntil(
    async () => {
      rows = await rowsOfPreview(browser);
      return rows.length > 0 && check(rows);
    },
    { timeout: 60_000, interval: 300, timeoutMsg },
  );
  return rows;
}

async function openContactsAndSearch(browser, text) {
  await clickWhenFree(browser, $(browser, 'nav-contacts'), 'the Contacts link');
  await waitForList(browser, { timeout: 60_000 });
  return searchList(browser, text);
}

describe('importing contact files in the app', () => {
  let app;
  let browser;
  keepFailures('import', () => browser);
  let work;
  let existing; // { id, email, name } of a stored contact in the manager's territory

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'rapport-import-e2e-'));
    app = await startApp({ name: 'import' });
    browser = app.browser;
    await enterDemo(browser, 'territory');
    await waitForList(browser, { timeout: 120_000 });
    // A contact the manager can see, with an email address: the file's second row matches it.
    const rows = await searchList(browser, '@');
    for (const row of rows.slice(0, 10)) {
      await openRow(browser, row.id);
      const contact = await readContact(browser);
      if (contact.emails.length > 0) {
        existing = { id: contact.id, email: contact.emails[0], name: contact.name };
        break;
      }
      await browser.back();
      await waitForList(browser);
    }
    assert.ok(existing, 'a visible contact with an email address');
  });

  after(async () => {
    await app?.stop();
  });

  it('previews a dropped CSV, maps a column by hand and decides a duplicate', async () => {
    const csv = path.join(work, 'harbourline-contacts.csv');
    writeFileSync(
      csv,
      'First Name,Last Name,E-mail Address,Role Title\r\n' +
        `${NEW_PERSON.first},${NEW_PERSON.last},${NEW_PERSON.email},Buyer\r\n` +
        `,,${existing.email},${NEW_TITLE}\r\n` +
        'Piet,Verloren,piet@nodot,Clerk\r\n',
    );
    await invokeOk(browser, 'e2e_drop_files', { paths: [csv] });
    await browser.waitUntil(async () => (await browser.getUrl()).includes('#/import'), {
      timeout: 15_000,
      timeoutMsg: 'a dropped file did not open the Import screen',
    });
    await $(browser, 'import-file').waitForDisplayed({ timeoutMsg: 'the dropped file is not listed' });

    await chooseFirstSite(browser);
    let rows = await waitForPreview(
      browser,
      (r) => r.length === 3,
      'the preview did not list the three records',
    );
    assert.deepEqual(
      rows.map((r) => r.action),
      ['create', 'skip', 'reject'],
      'new person, a duplicate skipped by default, an invalid email rejected',
    );
    assert.match(rows[1].text, new RegExp(escape(existing.name)));
    assert.match(rows[2].text, /email/i);
    assert.doesNotMatch(rows[0].text, /Buyer/, 'an unmapped column feeds no field');

    // "Role Title" is not a header the automatic mapping knows: kept as a note until mapped.
    // The field list is long: type to narrow it, as a user would. The preview is computed again
    // after each choice and may redraw the row being clicked, so each choice is made again until
    // the preview shows it.
    const roleTitle = '[data-testid="mapping-select"][data-header="Role Title"]';
    await browser.$(roleTitle).waitForDisplayed();
    await chooseUntil(
      browser,
      async () => {
        await browser.$(roleTitle).click();
        await browser.keys(['Control', 'a']);
        await browser.keys('Backspace');
        await browser.$(roleTitle).addValue('Job');
      },
      'Job title',
      async () => (await browser.$(roleTitle).getValue()).startsWith('Job title'),
      'the mapping of "Role Title" could not be set to "Job title"',
    );
    await waitForPreview(browser, (r) => /Buyer/.test(r[0].text), 'the mapped column did not reach the preview');

    const decision = '[data-testid="decision"][data-record="2"]';
    await chooseUntil(
      browser,
      () => browser.$(decision).click(),
      'Update',
      async () => (await rowsOfPreview(browser))[1]?.action === 'update',
      'the decision to update record 2 did not reach the preview',
    );
    rows = await waitForPreview(browser, (r) => r.length === 3, 'the preview lost its records');
    assert.match(rows[0].text, /Buyer/, 'the mapped column now feeds the job title');
    const summary = await textOf(browser, 'import-summary');
    assert.match(summary, /1 new/i);
    assert.match(summary, /1 update/i);
    assert.match(summary, /1 rejected/i);
    await screenshot(browser, 'import-preview.png');
    await setColorScheme(browser, 'dark');
    await screenshot(browser, 'import-preview-dark.png');
    await setColorScheme(browser, 'light');
  });

  it('imports with progress and finds the new person and the update', async () => {
    await clickWhenFree(browser, $(browser, 'import-run'), 'the Import button');
    await $(browser, 'import-result').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the import did not finish' });
    const result = await textOf(browser, 'import-result');
    assert.match(result, /1\D+imported|imported\D+1/i, result);
    await screenshot(browser, 'import-result.png');
    await browser.keys('Escape');

    const found = await openContactsAndSearch(browser, NEW_PERSON.last);
    assert.equal(found.length, 1, 'the imported person is found by search');
    assert.match(found[0].name, new RegExp(NEW_PERSON.first));
    await openContactsAndSearch(browser, existing.email);
    await openRow(browser, existing.id);
    assert.match(await textOf(browser, 'contact-role'), new RegExp(NEW_TITLE));
  });

  it('undoes the import from the history: the person and the update are gone', async () => {
    await clickWhenFree(browser, $(browser, 'nav-import'), 'the Import link');
    await clickWhenFree(browser, $(browser, 'import-history-tab'), 'the History tab');
    const undo = $(browser, 'undo-import');
    await undo.waitForDisplayed({ timeoutMsg: 'the history lists no import to undo' });
    await screenshot(browser, 'import-history.png');
    await clickWhenFree(browser, undo, 'Undo');
    await clickWhenFree(browser, $(browser, 'undo-import-confirm'), 'the undo confirmation');
    await browser.waitUntil(async () => (await textOf(browser, 'import-history')).match(/Undone/i), {
      timeout: 30_000,
      timeoutMsg: 'the history does not show the import as undone',
    });
    await screenshot(browser, 'import-history-undone.png');

    assert.deepEqual(await openContactsAndSearch(browser, NEW_PERSON.last), [], 'search no longer finds the person');
    await openContactsAndSearch(browser, existing.email);
    await openRow(browser, existing.id);
    assert.doesNotMatch(await textOf(browser, 'contact-role'), new RegExp(NEW_TITLE));
  });

  it('imports a vCard picked in the file dialog', async () => {
    await clickWhenFree(browser, $(browser, 'nav-import'), 'the Import link');
    await clickWhenFree(browser, $(browser, 'import-tab'), 'the Import tab');
    await invokeOk(browser, 'e2e_answer_file_dialog', {
      paths: [path.join(FIXTURES, 'eds__vcard_12.vcf')],
    });
    await clickWhenFree(browser, $(browser, 'import-choose-files'), 'Choose files');
    await browser
      .$('[data-testid="import-file"][data-name="eds__vcard_12.vcf"]')
      .waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the picked file is not listed' });
    await clickWhenFree(
      browser,
      browser.$('[data-testid="import-file"][data-name="eds__vcard_12.vcf"]'),
      'the picked file',
    );
    await chooseFirstSite(browser);
    const rows = await waitForPreview(browser, (r) => r.length === 1, 'the vCard preview did not list its card');
    assert.equal(rows[0].action, 'create');
    assert.match(rows[0].text, /Michael Brüning/);
    assert.match(await textOf(browser, 'import-summary'), /1 new/i);
    await screenshot(browser, 'import-vcard-preview.png');
    await clickWhenFree(browser, $(browser, 'import-run'), 'the Import button');
    await $(browser, 'import-result').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the vCard import did not finish' });
    await browser.keys('Escape');
    const found = await openContactsAndSearch(browser, 'Brüning');
    assert.equal(found.length, 1);
  });

  it('exports every contact the manager sees, and the export previews as all duplicates', async () => {
    await clickWhenFree(browser, $(browser, 'nav-contacts'), 'the Contacts link');
    await waitForList(browser, { timeout: 60_000 });
    await typeSearch(browser, '');
    let total = null;
    await browser.waitUntil(
      async () => {
        total = await shownCount(browser);
        return total !== null && !(await tableBusy(browser));
      },
      { timeout: 30_000, timeoutMsg: 'the unfiltered list showed no count' },
    );
    const out = path.join(work, 'territory-export.csv');
    await clickWhenFree(browser, $(browser, 'export-contacts'), 'Export');
    await $(browser, 'export-modal').waitForDisplayed();
    await screenshot(browser, 'export-formats.png');
    await invokeOk(browser, 'e2e_answer_file_dialog', { paths: [out] });
    await clickWhenFree(browser, $(browser, 'export-save'), 'Save as…');
    await $(browser, 'export-done').waitForDisplayed({ timeout: 120_000, timeoutMsg: 'the export did not finish' });
    assert.match(await textOf(browser, 'export-done'), new RegExp(`${total.toLocaleString('en-US')}|${total}`));
    await screenshot(browser, 'export-done.png');
    await clickWhenFree(browser, $(browser, 'export-close'), 'Close');

    const text = readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').filter((line) => line.length > 0);
    assert.match(lines[0], /^Prefix,First Name,Middle Name,Last Name,/);
    // Quoted cells may hold line breaks: count records by parsing, not by lines.
    assert.equal(csvRecords(text).length - 1, total, 'one row per contact the manager sees');
    assert.ok(text.includes('Brüning'), 'the person imported from the vCard is exported');

    await invokeOk(browser, 'e2e_drop_files', { paths: [out] });
    await browser
      .$('[data-testid="import-file"][data-name="territory-export.csv"]')
      .waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the exported file is not listed for import' });
    await clickWhenFree(
      browser,
      browser.$('[data-testid="import-file"][data-name="territory-export.csv"]'),
      'the exported file',
    );
    await chooseFirstSite(browser);
    await browser.waitUntil(async () => /\d/.test(await textOf(browser, 'import-summary')), {
      timeout: 120_000,
      timeoutMsg: 'the export was not previewed',
    });
    const summary = await textOf(browser, 'import-summary');
    assert.match(summary, /\b0 new/i, summary);
    assert.match(summary, new RegExp(`${total.toLocaleString('en-US')} duplicates|${total} duplicates`), summary);
    await screenshot(browser, 'export-reimport-preview.png');
  });
});

/** The records of a CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function csvRecords(text) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One attempt at clicking the first visible, enabled option whose text starts with `prefix`.
 * Every Select keeps its options in the page, so only the open dropdown's (the displayed ones)
 * count. The list may be redrawn between finding and clicking (its options load while it is
 * open): the option found is marked and clicked by that mark, and a redrawn one counts as not
 * clicked.
 */
async function tryOption(browser, prefix) {
  const found = await browser.execute((start) => {
    for (const old of document.querySelectorAll('[data-e2e-option]')) old.removeAttribute('data-e2e-option');
    const option = [...document.querySelectorAll('[role="option"]')].find(
      (o) =>
        o.getClientRects().length > 0 &&
        !o.hasAttribute('data-combobox-disabled') &&
        o.textContent.trim().startsWith(start),
    );
    option?.setAttribute('data-e2e-option', '');
    return Boolean(option);
  }, prefix);
  if (!found) return false;
  try {
    await browser.$('[data-e2e-option]').click();
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a choice in a dropdown until `chosen()` says it took effect: opens the dropdown with
 * `open()` whenever no option starting with `prefix` is on screen, and clicks the option when it
 * is. A dropdown redrawn under the pointer closes, and is simply opened again.
 */
async function chooseUntil(browser, open, prefix, chosen, timeoutMsg) {
  await browser.waitUntil(
    async () => {
      if (await chosen()) return true;
      if (!(await tryOption(browser, prefix))) await Promise.resolve(open()).catch(() => {});
      return false;
    },
    { timeout: 60_000, interval: 500, timeoutMsg },
  );
}

/** Chooses the first site the target picker offers (the manager's own sites come first). */
async function chooseFirstSite(browser) {
  const picker = browser.$('[data-testid="import-target-site"]');
  await picker.waitForDisplayed({ timeoutMsg: 'the site picker is not on screen' });
  await browser.waitUntil(
    async () => {
      if ((await picker.getValue()) !== '') return true;
      // The list closes when it is redrawn under the pointer: open it again.
      if (!(await tryOption(browser, ''))) await picker.click().catch(() => {});
      return false;
    },
    { timeout: 30_000, interval: 500, timeoutMsg: 'the site picker offers no site' },
  );
}
