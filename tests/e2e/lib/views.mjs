// Saved views, selection and bulk actions on the Contacts screen, driven the way a user drives
// them: the views button, the checkboxes, the action bar and its dialogs. Reads go through one
// script call per look; every interaction is a WebDriver click or key press.

import { shownCount, tableBusy, visibleRows } from './contacts.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** Text of the first element with this test id ('' when there is none). */
export async function textOf(browser, testId) {
  return browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '', testId);
}

/** "1,234" (any locale's grouping) -> 1234; null when the text holds no number. */
export function numberIn(text) {
  const match = text.match(/\d[\d,.\s\u00a0\u202f]*/);
  return match ? Number(match[0].replace(/\D/g, '')) : null;
}

/** Clicks an element, trying again while a closing dialog or popover still covers it. */
export async function clickWhenFree(browser, element, what) {
  await element.waitForDisplayed({ timeoutMsg: `${what} is not shown` });
  await browser.waitUntil(
    async () => {
      try {
        await element.click();
        return true;
      } catch {
        return false;
      }
    },
    { timeout: 10_000, interval: 200, timeoutMsg: `${what} could not be clicked` },
  );
}

/**
 * Waits until the list has settled on an answer that passes `check(rows, count)` (the table is
 * not showing the previous answer any more) and returns { rows, count }.
 */
export async function waitForSettledList(browser, check, timeoutMsg) {
  let rows = [];
  let count = null;
  await browser.waitUntil(
    async () => {
      rows = await visibleRows(browser);
      count = await shownCount(browser);
      return !(await tableBusy(browser)) && count !== null && check(rows, count);
    },
    { timeout: 30_000, interval: 250, timeoutMsg },
  );
  return { rows, count };
}

/** Opens the views button's panel and waits for its list. */
export async function openViews(browser) {
  const panel = $(browser, 'views-panel');
  // A click that lands while the list re-renders after signing in can be lost: try again, after
  // looking whether the first one opened it after all.
  for (let attempt = 1; !(await panel.isDisplayed().catch(() => false)); attempt += 1) {
    if (attempt > 3) {
      await browser.saveScreenshot(`${process.env.SCREENSHOT_DIR ?? '.'}/views-panel-missing.png`).catch(() => {});
      const state = await browser.execute(() => ({
        expanded: document.querySelector('[data-testid="views-menu"]')?.getAttribute('aria-expanded'),
        dialogs: [...document.querySelectorAll('[role="dialog"]')].map((d) => d.outerHTML.slice(0, 200)),
      }));
      throw new Error(`the views panel did not open: ${JSON.stringify(state)}`);
    }
    await clickWhenFree(browser, $(browser, 'views-menu'), 'the views button');
    await panel.waitForDisplayed({ timeout: 5_000 }).catch(() => {});
  }
  await browser.waitUntil(
    async () => browser.execute(() => !document.querySelector('[data-testid="views-panel"]')?.textContent?.includes('Loading views')),
    { timeout: 15_000, timeoutMsg: 'the views did not load' },
  );
}

/** The views the panel lists: [{ name, owner, mine, active }]. */
export async function listedViews(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="views-panel"] [data-testid="view-item"]')].map((item) => ({
      id: item.getAttribute('data-view-id'),
      name: item.querySelector('[data-testid="view-name"]')?.textContent ?? '',
      owner: item.querySelector('[data-testid="view-owner"]')?.textContent ?? '',
      mine: Boolean(item.querySelector('[data-testid="view-delete"]')),
      active: item.hasAttribute('data-active'),
    })),
  );
}

/** Applies the view with this name from the views panel. */
export async function applyView(browser, name) {
  await openViews(browser);
  const views = await listedViews(browser);
  const view = views.find((v) => v.name === name);
  if (!view) throw new Error(`no view "${name}" in the views panel (it lists ${JSON.stringify(views.map((v) => v.name))})`);
  await browser.$(`[data-testid="view-item"][data-view-id="${view.id}"] [data-testid="view-apply"]`).click();
  await browser.waitUntil(async () => (await textOf(browser, 'active-view-name')) === name, {
    timeout: 10_000,
    timeoutMsg: `the list does not show "${name}" as its view`,
  });
  return view;
}

/** Saves the list as it is as a new view ("Save view…"), optionally shared. */
export async function saveViewAs(browser, name, { shared = false } = {}) {
  await openViews(browser);
  await clickWhenFree(browser, $(browser, 'view-save-new'), 'Save view…');
  const input = $(browser, 'save-view-name');
  await input.waitForDisplayed({ timeoutMsg: 'the save view dialog did not open' });
  // The dialog's opening transition can still cover its own field for a moment.
  await clickWhenFree(browser, input, 'the view name');
  await input.addValue(name);
  if (shared) {
    // The switch's input is drawn by its track: click its label, as a user does (the innermost
    // label: the switch's body is a label around track, label and description).
    await clickWhenFree(
      browser,
      browser.$('(//*[@data-testid="save-view-form"]//label[contains(normalize-space(.), "Share with everyone")])[last()]'),
      'the share switch',
    );
    await browser.waitUntil(
      async () => browser.execute(() => document.querySelector('[data-testid="save-view-shared"]')?.checked === true),
      { timeout: 5_000, timeoutMsg: 'the share switch did not turn on' },
    );
  }
}

/** Submits the save view dialog and waits for it to close (or returns the error at the name). */
export async function submitSaveView(browser) {
  await clickWhenFree(browser, $(browser, 'save-view-submit'), 'the save button');
  let outcome;
  await browser.waitUntil(
    async () => {
      outcome = await browser.execute(() => {
        if (!document.querySelector('[data-testid="save-view-form"]')) return { saved: true };
        const input = document.querySelector('[data-testid="save-view-name"]');
        if (input?.getAttribute('aria-invalid') === 'true') {
          const error = document.getElementById(input.getAttribute('aria-describedby')?.split(' ').find((id) => id.includes('error')) ?? '');
          // Not `error`: WebdriverIO takes any result with an `error` key for a protocol error.
          return { problem: error?.textContent ?? 'invalid' };
        }
        return null;
      });
      return outcome !== null;
    },
    { timeout: 15_000, interval: 200, timeoutMsg: 'saving the view got no answer' },
  );
  return outcome.saved ? null : outcome.problem;
}

/** The number in the action bar's "1,234 selected", or null when nothing is selected. */
export async function selectedCount(browser) {
  const text = await textOf(browser, 'bulk-selected-count');
  return text ? numberIn(text) : null;
}

/** Waits for the bulk dialog to reach `step` (form, confirm, running, done, cancelled, failed). */
export async function waitForBulkStep(browser, steps, timeout = 60_000) {
  const wanted = Array.isArray(steps) ? steps : [steps];
  let step = null;
  await browser.waitUntil(
    async () => {
      step = await browser.execute(
        () => document.querySelector('[data-testid="bulk-modal"]')?.getAttribute('data-step') ?? null,
      );
      return wanted.includes(step);
    },
    { timeout, interval: 100, timeoutMsg: `the bulk dialog did not reach ${wanted.join(' or ')} (it is at ${step})` },
  );
  return step;
}
