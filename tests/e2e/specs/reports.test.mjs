// Reports through the real window, on the demo database: the administrator opens the monthly
// report, picks another month, exports it as PDF and as CSV through the save dialog (the e2e
// build answers it), and reads the data-quality report with its trend; the dashboard's quality
// card leads to the same report. On My work, a contact of the month's verification queue is
// assigned, verified on its page, and leaves the queue.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { pickOption, setColorScheme } from '../lib/admin.mjs';
import { invokeOk, keepFailures, screenshot, startApp, waitForFile } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { clickWhenFree } from '../lib/lifecycle.mjs';
import { enterDemo, typeInto } from '../lib/session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** The report on screen once it shows this kind (and period, when given). */
async function waitForReport(browser, kind, period) {
  await browser.waitUntil(
    async () => {
      const view = await $(browser, 'report-view');
      if (!(await view.isExisting())) return false;
      if ((await view.getAttribute('data-kind')) !== kind) return false;
      return period === undefined || (await view.getAttribute('data-period')) === period;
    },
    { timeout: 60_000, timeoutMsg: `the ${kind} report ${period ?? ''} did not show` },
  );
}

async function figures(browser) {
  return browser.execute(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid="report-figure"]')].map((el) => [
        el.getAttribute('data-label'),
        el.lastElementChild?.textContent ?? '',
      ]),
    ),
  );
}

describe('reports', () => {
  let app;
  let browser;
  let work;
  keepFailures('reports', () => browser);

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'rapport-reports-e2e-'));
    app = await startApp({ name: 'reports' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
    await waitForList(browser, { timeout: 120_000 });
  });

  after(async () => {
    await app?.stop();
  });

  it('shows the monthly report and another month', async () => {
    await clickWhenFree(browser, $(browser, 'nav-reports'), 'Reports');
    await waitForReport(browser, 'monthly');
    const shown = await figures(browser);
    assert.match(shown.Contacts, /^[\d,]+$/, `a count of contacts: ${shown.Contacts}`);
    await $(browser, 'report-section').waitForDisplayed();
    await screenshot(browser, 'reports-monthly.png');

    const options = await browser.execute(() => {
      const now = new Date();
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      return { value: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, label: `${months[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
    });
    await pickOption(browser, 'report-period', options.label);
    await waitForReport(browser, 'monthly', options.value);
    const meta = await $(browser, 'report-meta').getText();
    assert.ok(meta.startsWith(options.label), `the report names ${options.label}: ${meta}`);
    assert.ok((await browser.getUrl()).includes(`period=${options.value}`));
  });

  it('exports the shown report as PDF and as CSV', async () => {
    const view = await $(browser, 'report-view');
    const period = await view.getAttribute('data-period');
    const shown = await figures(browser);

    const pdf = path.join(work, `monthly-${period}.pdf`);
    await invokeOk(browser, 'e2e_answer_file_dialog', { paths: [pdf] });
    await clickWhenFree(browser, $(browser, 'report-export-pdf'), 'Export PDF');
    await $(browser, 'report-exported').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the PDF export did not finish' });
    assert.equal(await $(browser, 'report-exported').getAttribute('data-path'), pdf);
    await waitForFile(browser, pdf);
    const bytes = readFileSync(pdf);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF file');
    assert.ok(bytes.length > 5_000, `a PDF with fonts and text in it (${bytes.length} bytes)`);
    await screenshot(browser, 'reports-exported.png');

    const csv = path.join(work, `monthly-${period}.csv`);
    await invokeOk(browser, 'e2e_answer_file_dialog', { paths: [csv] });
    await clickWhenFree(browser, $(browser, 'report-export-csv'), 'Export CSV');
    await browser.waitUntil(async () => (await $(browser, 'report-exported').getAttribute('data-path')) === csv, {
      timeout: 60_000,
      timeoutMsg: 'the CSV export did not finish',
    });
    const text = readFileSync(csv, 'utf8');
    assert.ok(text.startsWith('\uFEFFReport,Monthly contact management report\r\n'), text.slice(0, 80));
    // The file holds the figures the screen shows (counts with a comma are quoted).
    for (const [label, value] of Object.entries(shown)) {
      const cell = value.includes(',') ? `"${value}"` : value;
      assert.ok(text.includes(`\r\n${label},${cell}\r\n`), `the CSV has ${label} = ${value}`);
    }
    assert.ok(text.includes('\r\nContacts by territory\r\n'), 'the CSV has the territory table');
  });

  it('shows the data-quality report with its trend, and the dashboard leads there', async () => {
    await clickWhenFree(browser, $(browser, 'report-kind-data_quality'), 'Data quality');
    await waitForReport(browser, 'data_quality');
    await $(browser, 'report-chart').waitForDisplayed({ timeoutMsg: 'no trend chart' });
    // The demo reconstructs a snapshot a week, and today's is taken: the line is drawn.
    assert.ok(!(await $(browser, 'report-chart-empty').isExisting()), 'the demo has a trend to draw');
    await screenshot(browser, 'reports-quality.png');
    await setColorScheme(browser, 'dark');
    await screenshot(browser, 'reports-quality-dark.png');
    await setColorScheme(browser, 'light');
    await clickWhenFree(browser, $(browser, 'report-kind-verification'), 'Verification status');
    await waitForReport(browser, 'verification');
    await screenshot(browser, 'reports-verification.png');

    await clickWhenFree(browser, $(browser, 'nav-dashboard'), 'the Dashboard link');
    await $(browser, 'dashboard-quality-trend').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'no trend on the dashboard' });
    await $(browser, 'dashboard-quality').scrollIntoView({ block: 'center' });
    await screenshot(browser, 'dashboard-quality-trend.png');
    const link = await $(browser, 'dashboard-quality-report');
    await link.scrollIntoView({ block: 'center' });
    await clickWhenFree(browser, link, 'Data quality report');
    await waitForReport(browser, 'data_quality');
  });

  it('assigns a contact of the verification queue, and verifying it takes it out', async () => {
    await clickWhenFree(browser, $(browser, 'nav-work'), 'My work');
    const queues = await $(browser, 'verification-queues');
    await queues.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'no verification queues on My work' });
    await queues.scrollIntoView({ block: 'start' });
    await clickWhenFree(browser, browser.$('//*[@data-testid="queue-filter"]//label[starts-with(normalize-space(), "Unassigned")]'), 'Unassigned');
    const first = await $(browser, 'queue-entry');
    await first.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the queue has no unassigned contact' });
    const id = await first.getAttribute('data-contact-id');
    await clickWhenFree(browser, first.$('[data-testid="queue-select"]'), 'the first contact');
    await pickOption(browser, 'queue-assignee', 'Sam Okafor');
    await clickWhenFree(browser, $(browser, 'queue-assign'), 'Assign');
    await $(browser, 'queue-assigned').waitForDisplayed({ timeoutMsg: 'the assignment was not confirmed' });
    assert.match(await $(browser, 'queue-assigned').getText(), /^1 contact changed\./);
    await clickWhenFree(browser, browser.$('//*[@data-testid="queue-filter"]//label[starts-with(normalize-space(), "Mine")]'), 'Mine');
    await browser.waitUntil(
      async () => {
        const rows = await browser.$$('[data-testid="queue-entry"]');
        return rows.length === 1 && (await rows[0].getAttribute('data-contact-id')) === id && (await rows[0].getAttribute('data-assignee')) === 'admin';
      },
      { timeout: 30_000, timeoutMsg: `contact ${id} is not the only one in Mine` },
    );
    await screenshot(browser, 'queue-mine.png');

    // Verify it on its page: it leaves the queue.
    await clickWhenFree(browser, browser.$(`[data-testid="queue-entry"][data-contact-id="${id}"] a`), 'the contact');
    await clickWhenFree(browser, $(browser, 'contact-actions'), 'Actions');
    await clickWhenFree(browser, $(browser, 'action-verify'), 'Verify details');
    await clickWhenFree(browser, $(browser, 'verify-method-phone'), 'Phone call');
    await clickWhenFree(browser, $(browser, 'verify-submit'), 'Verify');
    await $(browser, 'verify-modal').waitForDisplayed({ reverse: true, timeout: 30_000, timeoutMsg: 'the verification was not saved' });
    await clickWhenFree(browser, $(browser, 'nav-work'), 'My work');
    await (await $(browser, 'verification-queues')).scrollIntoView({ block: 'start' });
    await clickWhenFree(browser, browser.$('//*[@data-testid="queue-filter"]//label[starts-with(normalize-space(), "Mine")]'), 'Mine');
    await $(browser, 'queue-empty').waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the verified contact is still in my queue' });
    await screenshot(browser, 'queue-emptied.png');

    // The next three unassigned contacts, handed out at once.
    await clickWhenFree(browser, browser.$('//*[@data-testid="queue-filter"]//label[starts-with(normalize-space(), "Unassigned")]'), 'Unassigned');
    await $(browser, 'queue-entry').waitForDisplayed({ timeout: 30_000, timeoutMsg: 'the queue has no unassigned contact left' });
    await typeInto(browser, 'queue-next-count', '3');
    await pickOption(browser, 'queue-assignee', 'Sam Okafor');
    await clickWhenFree(browser, $(browser, 'queue-assign-next'), 'Assign next');
    await $(browser, 'queue-assigned').waitForDisplayed({ timeoutMsg: 'the assignment of the next three was not confirmed' });
    assert.match(await $(browser, 'queue-assigned').getText(), /^3 contacts changed\./);
    await clickWhenFree(browser, browser.$('//*[@data-testid="queue-filter"]//label[starts-with(normalize-space(), "Mine")]'), 'Mine');
    await browser.waitUntil(async () => (await browser.$$('[data-testid="queue-entry"]')).length === 3, {
      timeout: 30_000,
      timeoutMsg: 'Mine does not hold the three contacts',
    });
    await screenshot(browser, 'queue-assigned-next.png');
  });
});
