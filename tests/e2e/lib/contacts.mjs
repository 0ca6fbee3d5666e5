// What a user sees on the Contacts screen, read the way they would read it: the rows on
// screen, the count line, the search box. Reads go through one script call per look (fast and
// consistent); every interaction goes through WebDriver (real clicks and key presses).

const ROW = '[data-testid="contact-row"]';

/** The rendered rows (a virtualised table renders what is on screen plus a little overscan). */
export async function visibleRows(browser) {
  return browser.execute((rowSelector) => {
    return [...document.querySelectorAll(rowSelector)].map((row) => {
      // The name cell shows the name on its first line (and e.g. the reference below it).
      const cell = row.querySelector('[data-testid="contact-row-name"]');
      const first = cell?.firstElementChild ?? cell;
      return {
        id: row.getAttribute('data-contact-id'),
        name: (first?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        text: row.textContent ?? '',
        active: row.getAttribute('aria-selected') === 'true',
      };
    });
  }, ROW);
}

/** The number in the count line ("5,000 contacts" -> 5000), or null while there is none. */
export async function shownCount(browser) {
  const text = await browser.execute(
    () => document.querySelector('[data-testid="contact-count"]')?.textContent ?? '',
  );
  const match = text.match(/\d[\d,.\s\u00a0\u202f]*/);
  return match ? Number(match[0].replace(/\D/g, '')) : null;
}

/** Lower case without diacritics, so "Müller" and "MÜLLER" compare equal. */
export function fold(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** True while the table still shows the previous answer (the new one is on its way). */
export async function tableBusy(browser) {
  return browser.execute(
    () => document.querySelector('[data-testid="contacts-table"]')?.getAttribute('aria-busy') === 'true',
  );
}

/**
 * Waits for the contacts table with at least one row and a count. The table re-renders while
 * its page loads, so a lookup can meet an element that was just replaced: that is a "not yet".
 */
export async function waitForList(browser, { timeout = 30_000 } = {}) {
  await browser.waitUntil(
    async () => {
      try {
        return (
          (await browser.$('[data-testid="contacts-table"]').isDisplayed()) &&
          (await visibleRows(browser)).length > 0 &&
          (await shownCount(browser)) > 0
        );
      } catch (error) {
        if (/stale/i.test(String(error))) return false;
        throw error;
      }
    },
    { timeout, interval: 200, timeoutMsg: 'the contacts table showed no rows and no count' },
  );
}

/**
 * Waits for the list to settle: not marked stale, and the same rows on two reads in a row. After
 * a filter change the list kept from before shows (marked stale) until the new page arrives, so
 * rows read too early may vanish before they are clicked.
 */
export async function waitForSettledList(browser, { timeout = 30_000 } = {}) {
  await waitForList(browser, { timeout });
  let previous = '';
  await browser.waitUntil(
    async () => {
      if (await tableBusy(browser)) {
        previous = '';
        return false;
      }
      const ids = (await visibleRows(browser)).map((row) => row.id).join(',');
      const settled = ids.length > 0 && ids === previous;
      previous = ids;
      return settled;
    },
    { timeout, interval: 300, timeoutMsg: 'the contacts list did not settle' },
  );
}

/** Goes to the Contacts screen through the sidebar and clears the search, as a user would. */
export async function showAllContacts(browser, total) {
  await browser.$('[data-testid="nav-contacts"]').click();
  // Looked up afresh each time: the screen being swapped can leave a found node stale.
  await browser.waitUntil(
    async () => {
      try {
        return await browser.$('[data-testid="contacts-table"]').isDisplayed();
      } catch {
        return false;
      }
    },
    { timeout: 10_000, interval: 200, timeoutMsg: 'the contacts table did not appear' },
  );
  await typeSearch(browser, '');
  await browser.waitUntil(async () => (await shownCount(browser)) === total, {
    timeout: 15_000,
    interval: 200,
    timeoutMsg: `the unfiltered list did not come back to ${total} contacts`,
  });
  await waitForList(browser);
}

/** Replaces the search text by selecting what is there and typing over it. */
export async function typeSearch(browser, text) {
  const search = browser.$('[data-testid="contact-search"]');
  await search.waitForDisplayed();
  await search.click();
  await browser.keys(['Control', 'a']);
  await browser.keys('Backspace');
  if (text) await search.addValue(text);
}
