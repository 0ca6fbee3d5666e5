// A contact's page and its actions as a user works them: open a contact from the list, read
// what its page shows, pick an action from the Actions menu, fill in the dialog. Reads go through
// one script call per look; every interaction goes through WebDriver clicks and key presses.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS } from './app.mjs';
import { tableBusy, visibleRows } from './contacts.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** Clicks an element that a closing dialog or menu may still cover for a moment. */
export async function clickWhenFree(browser, element, what) {
  await element.waitForDisplayed({ timeoutMsg: `${what} is not on screen` });
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
 * Types `text` into the list's search box, presses Enter (search now) and waits until the list
 * shows the answer to exactly that search. Returns the rows on screen ([] for no match).
 */
export async function searchList(browser, text) {
  const wanted = text.trim();
  // The table is drawn anew for each list it shows: what is on screen now is marked, so an answer
  // drawn before the new search took effect is not taken for the answer to it.
  const before = await browser.execute(() => {
    for (const el of document.querySelectorAll('[data-testid="contacts-table"], [data-testid="contacts-empty"]')) {
      el.setAttribute('data-e2e-previous', '');
    }
    return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('q') ?? '';
  });
  await pasteInto(browser, 'contact-search', text);
  await browser.keys('Enter');
  let rows = [];
  await browser.waitUntil(
    async () => {
      const state = await browser.execute(() => {
        const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
        const empty = document.querySelector('[data-testid="contacts-empty"]');
        const table = document.querySelector('[data-testid="contacts-table"]');
        return {
          q: query.get('q') ?? '',
          empty: Boolean(empty),
          emptyIsNew: Boolean(empty) && !empty.hasAttribute('data-e2e-previous'),
          table: Boolean(table),
          tableIsNew: Boolean(table) && !table.hasAttribute('data-e2e-previous'),
        };
      });
      if (state.q !== wanted) return false;
      // The same search again keeps its table; any other draws a new one.
      const fresh = (isNew) => isNew || before === wanted;
      if (state.empty && fresh(state.emptyIsNew)) {
        rows = [];
        return true;
      }
      if (!state.table || !fresh(state.tableIsNew) || (await tableBusy(browser))) return false;
      rows = await visibleRows(browser);
      return rows.length > 0;
    },
    { timeout: 30_000, interval: 200, timeoutMsg: `the list did not answer the search "${text}"` },
  );
  return rows;
}

/**
 * Puts `text` into an input or text area as a paste does: one change with the whole text
 * (typing it key by key costs the suite's time limit ~0.5 s a character on a loaded machine).
 * The field gets the focus first, as when a user clicks into it and pastes.
 */
export async function pasteInto(browser, testId, text) {
  const field = browser.$(`[data-testid="${testId}"]`);
  await field.waitForDisplayed({ timeoutMsg: `no field ${testId}` });
  await field.click();
  await browser.execute(
    (id, value) => {
      const element = document.querySelector(`[data-testid="${id}"]`);
      const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      // React tracks the value it last saw; the native setter makes the change visible to it.
      Object.getOwnPropertyDescriptor(prototype, 'value').set.call(element, value);
      element.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: value }));
    },
    testId,
    text,
  );
  await browser.waitUntil(
    async () => (await browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.value, testId)) === text,
    { timeout: 5_000, timeoutMsg: `pasting into ${testId} did not take` },
  );
}

/** Opens the contact of a row on screen and waits for its page. */
export async function openRow(browser, id) {
  const name = browser.$(`[data-testid="contact-row"][data-contact-id="${id}"] [data-testid="contact-row-name"]`);
  await clickWhenFree(browser, name, `the row of contact ${id}`);
  await waitForContact(browser, id);
}

/** Waits until the page shows contact `id` (its name or its tombstone). */
export async function waitForContact(browser, id) {
  await browser.waitUntil(
    async () =>
      browser.execute(
        (wanted) =>
          window.location.hash.split('?')[0] === `#/contacts/${wanted}` &&
          (document.querySelector('[data-testid="contact-name"]')?.textContent ?? '').trim().length > 0,
        id,
      ),
    { timeout: 20_000, interval: 200, timeoutMsg: `the page of contact ${id} did not open` },
  );
}

/** What the open contact's page shows. */
export async function readContact(browser) {
  return browser.execute(() => {
    const text = (selector, root = document) => root.querySelector(selector)?.textContent?.trim() ?? '';
    const banner = document.querySelector('[data-testid="status-banner"]');
    return {
      id: decodeURIComponent(window.location.hash.split('?')[0].replace('#/contacts/', '')),
      name: text('[data-testid="contact-name"]'),
      reference: text('[data-testid="contact-reference"]'),
      erased: Boolean(document.querySelector('[data-testid="contact-erased"]')),
      status: banner?.getAttribute('data-status') ?? 'active',
      statusText: banner?.textContent ?? '',
      emails: [...document.querySelectorAll('[data-testid="contact-email"]')].map((a) =>
        (a.getAttribute('href') ?? '').replace(/^mailto:/, ''),
      ),
      phones: [...document.querySelectorAll('[data-testid="contact-phone"]')].map((a) =>
        (a.getAttribute('href') ?? '').replace(/^tel:/, '').replace(/;.*$/, ''),
      ),
      sites: [...document.querySelectorAll('[data-testid="site-row"]')].map((row) => {
        const cells = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
        return {
          siteId: row.getAttribute('data-site-id'),
          primary: row.getAttribute('data-primary') === 'true',
          account: cells[0],
          site: cells[1],
        };
      }),
      approvals: [...document.querySelectorAll('[data-testid="approval"]')].map((el) => el.textContent ?? ''),
    };
  });
}

/** Opens the Actions menu of the contact's page and picks `action` (its test id without "action-"). */
export async function chooseAction(browser, action) {
  await clickWhenFree(browser, $(browser, 'contact-actions'), 'the Actions button');
  const item = $(browser, `action-${action}`);
  await item.waitForDisplayed({ timeoutMsg: `the Actions menu has no "${action}"` });
  await item.click();
}

/** Whether the Actions menu offers `action`; closes the menu again. */
export async function offersAction(browser, action) {
  await clickWhenFree(browser, $(browser, 'contact-actions'), 'the Actions button');
  await $(browser, 'contact-actions-menu').waitForDisplayed();
  const offered = await $(browser, `action-${action}`).isExisting();
  await browser.keys('Escape');
  await $(browser, 'contact-actions-menu').waitForDisplayed({ reverse: true });
  return offered;
}

/** Deactivates, archives or reactivates the open contact with `reason`; returns when the dialog has closed. */
export async function changeStatus(browser, change, reason, { beforeSubmit } = {}) {
  await chooseAction(browser, change);
  const dialog = $(browser, `status-modal-${change}`);
  await dialog.waitForDisplayed({ timeoutMsg: `the ${change} dialog did not open` });
  await pasteInto(browser, 'status-reason', reason);
  if (beforeSubmit) await beforeSubmit();
  await $(browser, 'status-submit').click();
  await dialog.waitForDisplayed({ reverse: true, timeout: 20_000, timeoutMsg: `the ${change} dialog stayed open` });
}

/** The text of the field error inside the element with this test id, or '' when there is none. */
export async function fieldError(browser, scopeTestId) {
  return browser.execute(
    (id) => document.querySelector(`[data-testid="${id}"] .mantine-InputWrapper-error`)?.textContent?.trim() ?? '',
    scopeTestId,
  );
}

/**
 * Saves a screenshot once every dialog, menu and notification has finished its opening
 * transition (the suite's time is limited, so no fixed pause as for a first cold screenshot).
 */
export async function shot(browser, file) {
  await browser.waitUntil(
    async () =>
      browser.execute(() =>
        [...document.querySelectorAll('[role="dialog"], [role="menu"], .mantine-Notification-root')].every((el) => {
          const style = getComputedStyle(el);
          return style.opacity === '1' && (style.transform === 'none' || /^matrix\(1, 0, 0, 1, 0, 0\)$/.test(style.transform));
        }),
      ),
    { timeout: 5_000, interval: 100, timeoutMsg: `the page did not settle for ${file}` },
  );
  // The capture shows the last frame the webview painted: wait for two more to be drawn.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  const target = path.join(SCREENSHOTS, file);
  await browser.saveScreenshot(target);
  return target;
}

/** Every file under `dir`. */
export function filesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** Which of `values` occur in `file` (as UTF-8, or UTF-16 as some SQLite text is stored). */
export function valuesIn(file, values) {
  if (statSync(file).size > 1024 * 1024 * 1024) throw new Error(`${file} is too large to search`);
  const bytes = readFileSync(file);
  return values.filter((value) =>
    [Buffer.from(value, 'utf8'), Buffer.from(value, 'utf16le')].some((encoded) => bytes.includes(encoded)),
  );
}

/**
 * Writes a plaintext copy of the Rapport database at `db` (its key comes from the keychain) to
 * `out` with the example tool `plaintext_copy`.
 */
export function plaintextCopy(tool, db, out) {
  execFileSync(tool, ['--db', db, '--out', out], { stdio: 'inherit' });
  return out;
}
