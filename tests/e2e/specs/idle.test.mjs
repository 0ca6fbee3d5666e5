// The idle lock, with the policy set to its shortest (1 minute): after a minute without keyboard
// or pointer activity the app locks itself, the shell refuses commands with `session_locked`
// even when asked directly, and the password brings back the screen as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { invoke, screenshot, startApp } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { DEMO_PASSWORD, enterDemo, signIn, signOut, typeInto, valueOf } from '../lib/session.mjs';

let app;
before(async () => {
  app = await startApp({ name: 'idle' });
});
after(async () => {
  await app?.stop();
});

test('a minute without activity locks the app; the password brings it back as it was', async () => {
  const { browser } = app;
  await enterDemo(browser, 'admin');
  const saved = await invoke(browser, 'save_security_policy', {
    policy: { maxFailedSignIns: 5, lockoutMinutes: 15, idleLockMinutes: 1 },
  });
  assert.ok(saved.ok, JSON.stringify(saved.failure));
  // The idle time is read at sign-in.
  await signOut(browser);
  await signIn(browser, 'admin');
  await waitForList(browser, { timeout: 60_000 });
  await typeInto(browser, 'contact-search', 'Becker');
  const started = Date.now();

  const overlay = browser.$('[data-testid="lock-overlay"]');
  await overlay.waitForDisplayed({ timeout: 120_000, interval: 1_000, timeoutMsg: 'the app did not lock itself' });
  const waited = (Date.now() - started) / 1000;
  assert.ok(waited >= 55, `locked after ${waited} s, before the minute was up`);
  const refused = await invoke(browser, 'count_contacts', {
    query: { search: null, filter: { contactType: null, territoryId: null, status: null, unassigned: false } },
  });
  assert.equal(refused.failure?.code, 'session_locked', JSON.stringify(refused));
  await screenshot(browser, 'idle-locked.png');

  await typeInto(browser, 'lock-password', DEMO_PASSWORD);
  await browser.keys('Enter');
  await overlay.waitForDisplayed({ reverse: true, timeoutMsg: 'the password did not unlock' });
  assert.equal(await valueOf(browser, 'contact-search'), 'Becker', 'the typed search survived the lock');
  const counted = await invoke(browser, 'count_contacts', {
    query: { search: null, filter: { contactType: null, territoryId: null, status: null, unassigned: false } },
  });
  assert.ok(counted.ok, JSON.stringify(counted.failure));
});
