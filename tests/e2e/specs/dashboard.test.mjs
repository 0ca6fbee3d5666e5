// The home dashboard through the real window, on the demo database: the administrator opens
// the Dashboard, clicks a figure of each chart and the list opens filtered to it, counting the
// number the chart showed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { shownCount, waitForList, waitForSettledList } from '../lib/contacts.mjs';
import { clickWhenFree } from '../lib/lifecycle.mjs';
import { enterDemo } from '../lib/session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** The links of one chart's table: filter, count, and the element to click. */
async function linksOf(browser, chart) {
  const links = await browser.$$(`[data-testid="${chart}"] [data-testid="dashboard-link"]`);
  const out = [];
  for (const link of links) {
    out.push({
      link,
      filter: await link.getAttribute('data-filter'),
      count: Number(await link.getAttribute('data-count')),
    });
  }
  return out;
}

describe('dashboard', () => {
  let app;
  let browser;
  keepFailures('dashboard', () => browser);

  before(async () => {
    app = await startApp({ name: 'dashboard' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
    await waitForList(browser, { timeout: 120_000 });
  });

  after(async () => {
    await app?.stop();
  });

  for (const chart of ['dashboard-chart-type', 'dashboard-chart-stage', 'dashboard-chart-territory']) {
    it(`opens the list from ${chart} with the chart's count`, async () => {
      await clickWhenFree(browser, $(browser, 'nav-dashboard'), 'the Dashboard link');
      await $(browser, chart).waitForDisplayed({ timeout: 60_000, timeoutMsg: `${chart} did not show` });
      await screenshot(browser, `${chart}.png`);
      const links = (await linksOf(browser, chart)).filter((l) => l.count > 0);
      assert.ok(links.length > 0, `${chart} has no figure above zero`);
      const chosen = links[links.length - 1];
      await clickWhenFree(browser, chosen.link, `the ${chosen.filter} figure`);
      await waitForSettledList(browser, { timeout: 60_000 });
      const url = await browser.getUrl();
      assert.ok(url.includes(chosen.filter), `${url} does not carry ${chosen.filter}`);
      await browser.waitUntil(async () => (await shownCount(browser)) === chosen.count, {
        timeout: 30_000,
        timeoutMsg: `the list does not count ${chosen.count} for ${chosen.filter}`,
      });
    });
  }
});
