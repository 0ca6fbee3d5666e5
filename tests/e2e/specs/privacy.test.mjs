// What a page script can reach, and what the app leaves on disk. A territory manager's page
// asks the shell directly for a contact outside their territory and gets `not_found`; after a
// session that showed a person's details, neither the database, its WAL nor anything else in
// the app's data folders (webview storage, caches) holds that person's email or name in plain
// text.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { screenshot, startApp } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { enterDemo, signIn, signOut } from '../lib/session.mjs';

let app;

before(async () => {
  app = await startApp({ name: 'privacy' });
});

after(async () => {
  await app?.stop();
});

/**
 * Calls a command the way a script in the page would, returning {ok, value} or {ok, failure}
 * (WebdriverIO takes any result with an `error` key for a protocol error).
 */
async function invoke(browser, command, args) {
  return browser.executeAsync(
    (command, args, done) => {
      window.__TAURI_INTERNALS__
        .invoke(command, args)
        .then((value) => done({ ok: true, value }))
        .catch((failure) => done({ ok: false, failure }));
    },
    command,
    args,
  );
}

function filesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

let person;

test('a page script cannot read a contact outside the signed-in scope', async () => {
  const { browser } = app;
  await enterDemo(browser, 'admin');
  await waitForList(browser);
  assert.equal(
    await browser.execute(() => typeof window.__TAURI__),
    'undefined',
    'no global Tauri object in the page',
  );
  const territories = await invoke(browser, 'list_territories', {});
  assert.ok(territories.ok, JSON.stringify(territories));
  const elsewhere = territories.value.find((t) => t.name !== 'Scotland');
  const scotland = territories.value.find((t) => t.name === 'Scotland');
  const page = (territoryId) =>
    invoke(browser, 'list_contacts', {
      query: {
        search: null,
        filter: { contactType: null, territoryId, status: 'active', unassigned: false },
        sort: { column: 'name', direction: 'asc' },
        cursor: null,
        limit: 5,
      },
    });
  const outside = (await page(elsewhere.id)).value.rows[0];
  const inside = (await page(scotland.id)).value.rows[0];
  person = outside;
  // The administrator opens the outside person's page: their details are now in the webview.
  const detail = await invoke(browser, 'get_contact', { id: outside.id });
  assert.ok(detail.ok);
  await browser.url(`${(await browser.getUrl()).split('#')[0]}#/contacts/${outside.id}`);
  await browser.$('[data-testid="contact-detail"]').waitForDisplayed({ timeout: 15_000 });
  await screenshot(browser, 'privacy-admin-detail.png');

  await signOut(browser);
  await signIn(browser, 'territory');
  const refused = await invoke(browser, 'get_contact', { id: outside.id });
  assert.equal(refused.ok, false);
  assert.equal(refused.failure.code, 'not_found', JSON.stringify(refused.failure));
  const history = await invoke(browser, 'contact_history', { id: outside.id });
  assert.equal(history.failure?.code, 'not_found');
  const allowed = await invoke(browser, 'get_contact', { id: inside.id });
  assert.ok(allowed.ok, JSON.stringify(allowed.failure));
  const admin = await invoke(browser, 'list_users', {});
  assert.equal(admin.failure?.code, 'forbidden');
});

test('no plain-text copy of a person is left in the app folders', async () => {
  assert.ok(person, 'the previous test found a person');
  await app.stop();
  const canaries = [person.email, person.displayName].filter((v) => v && v.length >= 6);
  assert.ok(canaries.length >= 1);
  const folder = path.dirname(app.db);
  const files = filesUnder(folder);
  assert.ok(files.some((f) => f.endsWith('rapport.sqlite3')), 'the database is in the folder');
  const hits = [];
  for (const file of files) {
    if (statSync(file).size > 512 * 1024 * 1024) continue;
    const bytes = readFileSync(file);
    for (const canary of canaries) {
      for (const encoded of [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')]) {
        if (bytes.includes(encoded)) hits.push(`${path.relative(folder, file)}: ${canary}`);
      }
    }
  }
  assert.deepEqual(hits, [], `plain text found (${files.length} files searched)`);
});
