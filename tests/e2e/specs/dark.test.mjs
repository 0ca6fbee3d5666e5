// The app follows the OS colour scheme: with GTK asked for its dark variant, WebKit reports
// `prefers-color-scheme: dark` and the UI draws dark.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { screenshot, startApp } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { clickWhenFree } from '../lib/lifecycle.mjs';
import { DEMO_PASSWORD, exploreDemo, signIn, typeInto, userMenu } from '../lib/session.mjs';

describe('Rapport in dark mode', () => {
  let app;

  before(async () => {
    app = await startApp({
      name: 'dark',
      env: { GTK_THEME: 'Adwaita:dark' },
      gtkSettings: { 'gtk-application-prefer-dark-theme': 1, 'gtk-theme-name': 'Adwaita-dark' },
    });
  });

  after(async () => {
    await app?.stop();
  });

  it('draws the start screens dark too', async () => {
    const { browser } = app;
    await browser.$('[data-testid="welcome-screen"]').waitForDisplayed({ timeout: 60_000 });
    await screenshot(browser, 'welcome-dark.png');
    await exploreDemo(browser);
    await screenshot(browser, 'sign-in-dark.png');
    await signIn(browser, 'admin');
  });

  it('draws the contact list dark when the OS prefers dark', async () => {
    const { browser } = app;
    await waitForList(browser, { timeout: 90_000 });
    const prefersDark = await browser.execute(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(prefersDark, true, 'WebKit does not report prefers-color-scheme: dark');
    // The page background must be dark (luminance of the body's computed background colour).
    const luminance = await browser.execute(() => {
      const colour = getComputedStyle(document.body).backgroundColor;
      const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    assert.ok(luminance < 0.35, `the page background is light (luminance ${luminance.toFixed(2)})`);
    await screenshot(browser, 'contacts-dark.png');
  });

  it('draws the dashboard and the duplicates screen dark', async () => {
    const { browser } = app;
    await clickWhenFree(browser, browser.$('[data-testid="nav-dashboard"]'), 'the Dashboard link');
    await browser
      .$('[data-testid="dashboard-chart-type"]')
      .waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the dashboard did not show its charts' });
    await screenshot(browser, 'dashboard-dark.png');
    await clickWhenFree(browser, browser.$('[data-testid="nav-duplicates"]'), 'the Duplicates link');
    await browser.$('[data-testid="duplicates-page"]').waitForDisplayed();
    await screenshot(browser, 'duplicates-dark.png');
  });

  it('draws the lock dark', async () => {
    const { browser } = app;
    await userMenu(browser, 'lock');
    const overlay = browser.$('[data-testid="lock-overlay"]');
    await overlay.waitForDisplayed();
    await screenshot(browser, 'lock-dark.png');
    await typeInto(browser, 'lock-password', DEMO_PASSWORD);
    await browser.keys('Enter');
    await overlay.waitForDisplayed({ reverse: true });
  });
});
