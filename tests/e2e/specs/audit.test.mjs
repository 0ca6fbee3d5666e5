// The audit trail as an administrator checks it: the chain verifies after real use; after
// someone holding the key edits an event behind the app's back, Administration → Audit names
// that event.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { screenshot, startApp } from '../lib/app.mjs';
import { openAdmin } from '../lib/admin.mjs';
import { enterDemo, signIn } from '../lib/session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TAMPER = process.env.RAPPORT_TAMPER ?? path.join(root, 'target', 'debug', 'examples', 'tamper_audit');

let app;
after(async () => {
  await app?.stop();
});

async function verify(browser) {
  await openAdmin(browser, 'audit');
  await browser.$('[data-testid="audit-verify"]').click();
  const result = browser.$('[data-testid="audit-verification"]');
  await result.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'Verify chain showed no result' });
  return result.getText();
}

test('the audit chain verifies, and a tampered event is named', async () => {
  app = await startApp({ name: 'audit' });
  await enterDemo(app.browser, 'admin');
  const ok = await verify(app.browser);
  assert.match(ok, /verif/i, ok);
  assert.doesNotMatch(ok, /does not|tamper|broken|fail/i, ok);
  await screenshot(app.browser, 'audit-verified.png');
  const db = app.db;
  await app.stop();

  execFileSync(TAMPER, [db, '3'], { stdio: 'inherit' });

  app = await startApp({ name: 'audit-tampered', db });
  await signIn(app.browser, 'admin');
  const bad = await verify(app.browser);
  assert.match(bad, /\b3\b/, `names event 3: ${bad}`);
  assert.match(bad, /changed/i, bad);
  await screenshot(app.browser, 'audit-tampered.png');
});
