// Before and around the main app, on the real app with a real keychain: the welcome screen, the
// demo, signing in as each demo user (each sees the contacts their role allows, as the CLI
// counts them), the lockout after wrong passwords, the lock that keeps unsaved input, signing
// out; setting up an organisation of one's own, recovery key first; and a database whose key
// this computer's keychain does not hold.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { APP, keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { shownCount, waitForList } from '../lib/contacts.mjs';
import { totpCode } from '../lib/totp.mjs';
import {
  CODE_STEP,
  DEMO_PASSWORD,
  signIn,
  signInMessage,
  signOut,
  submitSignIn,
  textOf,
  typeInto,
  userMenu,
  valueOf,
  visibleCount,
} from '../lib/session.mjs';

const run = promisify(execFile);
const EXE = process.platform === 'win32' ? 'rapport.exe' : 'rapport';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TARGET = path.resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target');
/** RAPPORT_CLI, else the CLI next to the app, else the debug build (`cargo test` makes it). */
const CLI = [process.env.RAPPORT_CLI, path.join(path.dirname(APP), EXE), path.join(TARGET, 'debug', EXE)].find(
  (candidate) => candidate && existsSync(candidate),
);
const DEMO_USERS = ['admin', 'regional', 'territory', 'billing'];
const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** What `rapport count` reports for a user: the same core, the same key (from the keychain unless a key file is given). */
async function cliCount(db, user, keyFile) {
  assert.ok(CLI, 'the rapport CLI is not built: `cargo build -p rapport-cli` (or set RAPPORT_CLI)');
  const keyArgs = keyFile ? ['--key-file', keyFile] : [];
  const { stdout } = await run(CLI, ['count', '--db', db, ...keyArgs, '--user', user, '--json'], {
    env: { ...process.env, RAPPORT_PASSWORD: DEMO_PASSWORD },
  });
  return JSON.parse(stdout);
}

async function waitForCount(browser) {
  let count = null;
  await browser.waitUntil(async () => (count = await visibleCount(browser)) !== null, {
    timeout: 30_000,
    interval: 200,
    timeoutMsg: 'the status bar shows no count of visible contacts',
  });
  return count;
}

describe('Start screens and sessions on a fresh database', () => {
  let app;
  let browser;
  keepFailures('session', () => browser);

  before(async () => {
    app = await startApp({ name: 'session' });
    browser = app.browser;
  });

  after(async () => {
    await app?.stop();
  });

  it('first start offers the demo or an organisation of ones own', async () => {
    await $(browser, 'welcome-screen').waitForDisplayed({ timeout: 60_000 });
    assert.match(await $(browser, 'welcome-demo').getText(), /Explore the demo/);
    assert.match(await $(browser, 'welcome-setup').getText(), /Set up your organisation/);
    await screenshot(browser, 'welcome.png');
  });

  it('"Explore the demo" creates it and offers the demo users', async () => {
    await $(browser, 'welcome-demo').click();
    await $(browser, 'welcome-demo-progress').waitForDisplayed({ timeoutMsg: 'no progress while the demo is created' });
    assert.equal(await $(browser, 'welcome-setup').isEnabled(), false, 'the other choice is disabled meanwhile');
    await screenshot(browser, 'welcome-demo-progress.png');
    // Creating ~5,000 people takes 5-10 s on a quiet machine, much longer on a busy one.
    await $(browser, 'sign-in-form').waitForDisplayed({ timeout: 180_000, timeoutMsg: 'no sign-in screen after the demo' });
    const panel = $(browser, 'demo-users');
    await panel.waitForDisplayed();
    for (const user of DEMO_USERS) {
      assert.ok(await $(browser, `demo-user-${user}`).isDisplayed(), `the demo user ${user} is listed`);
    }
    assert.match(await panel.getText(), /rapport-demo/);
    await screenshot(browser, 'sign-in-demo.png');
  });

  it('each demo user sees the contacts their role allows, as the CLI counts them', async () => {
    const counts = {};
    for (const user of DEMO_USERS) {
      await $(browser, `demo-user-${user}`).click();
      assert.equal(await valueOf(browser, 'sign-in-username'), user, 'a click on the demo user fills the user name');
      assert.equal(await valueOf(browser, 'sign-in-password'), DEMO_PASSWORD, 'and the password');
      await browser.keys('Enter'); // the focus is on "Sign in"
      await $(browser, 'status-bar').waitForDisplayed({ timeout: 30_000, timeoutMsg: `${user} was not signed in` });
      await waitForList(browser, { timeout: 60_000 });
      counts[user] = await waitForCount(browser);
      assert.equal(await shownCount(browser), counts[user], 'the list and the status bar agree on the count');
      const admin = await $(browser, 'nav-admin').isExisting();
      assert.equal(admin, user === 'admin', `Administration in the sidebar for ${user}: ${admin}`);
      await screenshot(browser, `contacts-${user}.png`);
      await signOut(browser);
    }

    for (const user of DEMO_USERS) {
      const cli = await cliCount(app.db, user);
      assert.equal(counts[user], cli.count, `${user}: the app shows ${counts[user]}, rapport count says ${cli.count}`);
    }
    assert.ok(Object.values(counts).every((n) => n > 0), `every role sees someone: ${JSON.stringify(counts)}`);
    assert.ok(counts.regional < counts.admin && counts.territory < counts.regional, JSON.stringify(counts));
    assert.ok(counts.billing < counts.admin, JSON.stringify(counts));
  });

  it('five wrong passwords lock the account, with back-off waits in between', async () => {
    let failures = 0;
    let message = '';
    for (let attempt = 0; attempt < 20 && failures < 5; attempt += 1) {
      message = await submitSignIn(browser, 'billing', 'not the password');
      assert.notEqual(message, null, 'a wrong password signed in');
      if (/try again in/i.test(message)) {
        // A back-off after the 3rd and 4th failure: wait, then try again (does not count).
        await browser.pause(1_200);
        continue;
      }
      failures += 1;
      if (failures < 5) assert.match(message, /user name or password is wrong/i);
    }
    assert.equal(failures, 5);
    assert.match(message, /locked for \d+ more minutes/i, `after five failures: "${message}"`);
    await screenshot(browser, 'sign-in-locked.png');

    // Now even the right password is refused until the lock ends.
    const refused = await submitSignIn(browser, 'billing', DEMO_PASSWORD);
    assert.match(refused ?? '', /locked/i);
    assert.match(await signInMessage(browser), /locked/i);
  });

  it('Lock now covers the app and unlocking keeps the text typed in the search box', async () => {
    await signIn(browser, 'admin');
    await waitForList(browser, { timeout: 60_000 });
    await typeInto(browser, 'contact-search', 'Becker');
    await browser.waitUntil(async () => (await valueOf(browser, 'contact-search')) === 'Becker');

    await userMenu(browser, 'lock');
    const overlay = $(browser, 'lock-overlay');
    await overlay.waitForDisplayed({ timeoutMsg: 'Lock now showed no lock overlay' });
    await screenshot(browser, 'lock.png');
    assert.match(await textOf(browser, 'lock-user'), /Sam Okafor/);
    // Nothing of the app shows through, but it is still there underneath.
    assert.equal(await valueOf(browser, 'contact-search'), 'Becker');

    await browser.keys('Escape');
    assert.ok(await overlay.isDisplayed(), 'Escape dismissed the lock');

    await typeInto(browser, 'lock-password', 'wrong password');
    await browser.keys('Enter');
    const error = browser.$('[data-testid="lock-overlay"] .mantine-InputWrapper-error');
    await error.waitForDisplayed({ timeoutMsg: 'a wrong password gave no message' });
    assert.match(await error.getText(), /not your password/);

    await typeInto(browser, 'lock-password', DEMO_PASSWORD);
    await browser.keys('Enter');
    await overlay.waitForDisplayed({ reverse: true, timeoutMsg: 'the right password did not unlock' });
    assert.equal(await valueOf(browser, 'contact-search'), 'Becker', 'the typed search survived the lock');
  });

  it('signing out returns to the sign-in screen and forgets the search', async () => {
    await signOut(browser);
    assert.equal(await valueOf(browser, 'sign-in-username'), 'admin', 'the last user name is offered');
    await signIn(browser, 'territory');
    await waitForList(browser, { timeout: 60_000 });
    assert.equal(await valueOf(browser, 'contact-search'), '', 'the next user does not see the last search');
    await signOut(browser);
    await screenshot(browser, 'signed-out.png');
  });
});

describe('Setting up an organisation', () => {
  let app;
  let browser;
  keepFailures('session', () => browser);
  const longName = 'Dr. Maximiliane Alexandra Wolfeschlegelsteinhausen-Bergerdorff';

  before(async () => {
    app = await startApp({ name: 'setup' });
    browser = app.browser;
  });

  after(async () => {
    await app?.stop();
  });

  it('checks the form, shows the recovery key once, then opens the empty database', async () => {
    await $(browser, 'welcome-setup').waitForDisplayed({ timeout: 60_000 });
    await $(browser, 'welcome-setup').click();
    await $(browser, 'setup-form').waitForDisplayed();

    await typeInto(browser, 'setup-username', 'mwolfe');
    await typeInto(browser, 'setup-display-name', longName);
    await typeInto(browser, 'setup-password', 'short');
    await typeInto(browser, 'setup-repeat', 'short');
    await browser.keys('Enter');
    const passwordError = browser.$('[data-testid="setup-form"] .mantine-InputWrapper-error');
    await passwordError.waitForDisplayed({ timeoutMsg: 'a short password gave no message next to the field' });
    assert.match(await passwordError.getText(), /at least 10 characters/);
    await screenshot(browser, 'setup-errors.png');

    await typeInto(browser, 'setup-password', 'a long enough phrase');
    await typeInto(browser, 'setup-repeat', 'a long enough phrase');
    await browser.keys('Enter');
    const key = $(browser, 'recovery-key');
    await key.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'no recovery key after setup' });
    assert.match(await key.getText(), /^[0-9A-Z]+(-[0-9A-Z]+)+$/);
    assert.equal(await $(browser, 'recovery-key-continue').isEnabled(), false, 'Continue waits for the checkbox');
    await screenshot(browser, 'recovery-key.png');

    await $(browser, 'recovery-key-stored').click();
    await $(browser, 'recovery-key-continue').click();
    await $(browser, 'status-bar').waitForDisplayed({ timeoutMsg: 'the main app did not open after setup' });
    await browser.waitUntil(async () => (await visibleCount(browser)) === 0, {
      timeoutMsg: 'a new organisation should have no contacts',
    });
    assert.match(await $(browser, 'user-menu').getAttribute('aria-label'), /Wolfeschlegelsteinhausen/);
    await screenshot(browser, 'setup-main.png');
    await $(browser, 'user-menu').click();
    await $(browser, 'user-menu-lock').waitForDisplayed();
    await screenshot(browser, 'user-menu.png');
    await browser.keys('Escape');
  });

  it('changes the password: the mismatch is caught, the new one works', async () => {
    await userMenu(browser, 'password');
    await typeInto(browser, 'change-password-current', 'a long enough phrase');
    await typeInto(browser, 'change-password-new', 'another long phrase');
    await typeInto(browser, 'change-password-repeat', 'another long phrasE');
    await browser.keys('Enter');
    const mismatch = browser.$('[data-testid="change-password-form"] .mantine-InputWrapper-error');
    await mismatch.waitForDisplayed({ timeoutMsg: 'the mismatch gave no message' });
    assert.match(await mismatch.getText(), /do not match/);
    await screenshot(browser, 'change-password.png');
    await typeInto(browser, 'change-password-repeat', 'another long phrase');
    await browser.keys('Enter');
    await $(browser, 'change-password-form').waitForDisplayed({ reverse: true, timeoutMsg: 'the dialog stayed open' });
  });

  it('sets up an authenticator; a recovery code, a wrong code, the next code and its replay', async () => {
    await userMenu(browser, 'totp');
    const qr = $(browser, 'totp-qr');
    await qr.waitForDisplayed({ timeoutMsg: 'no QR code' });
    // The CSP allows data: images: the QR code must really be drawn, not a broken image.
    const drawn = await browser.execute(() => document.querySelector('[data-testid="totp-qr"]')?.naturalWidth ?? 0);
    assert.ok(drawn > 0, 'the QR code image did not load');
    const secret = (await $(browser, 'totp-secret').getText()).replace(/\s+/g, '');
    await screenshot(browser, 'totp.png');

    await typeInto(browser, 'totp-code', totpCode(secret));
    await browser.keys('Enter');
    await $(browser, 'totp-recovery-codes').waitForDisplayed({ timeoutMsg: 'no recovery codes after a right code' });
    const codes = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid="totp-recovery-code"]')].map((el) => el.textContent.trim()),
    );
    assert.equal(codes.length, 10, `recovery codes: ${codes.join(' ')}`);
    await screenshot(browser, 'totp-recovery-codes.png');
    await $(browser, 'totp-codes-stored').click();
    await $(browser, 'totp-done').click();
    await $(browser, 'totp-recovery-codes').waitForDisplayed({ reverse: true });

    await signOut(browser);
    const answer = await submitSignIn(browser, 'mwolfe', 'another long phrase');
    assert.equal(answer, CODE_STEP, `an account with an authenticator needs a code; the screen said ${String(answer)}`);
    await screenshot(browser, 'sign-in-code.png');
    await typeInto(browser, 'sign-in-code', codes[0]);
    await browser.keys('Enter');
    await $(browser, 'status-bar').waitForDisplayed({ timeoutMsg: 'the recovery code did not sign in' });

    // A wrong code is refused; the authenticator's next code (one step of skew) signs in once,
    // and the same code a second time is refused as a replay.
    const codeAttempt = async (code) => {
      await typeInto(browser, 'sign-in-code', code);
      await browser.keys('Enter');
      // Signed in (the status bar), or refused: the form empties the code field and says why.
      await browser.waitUntil(
        () =>
          browser.execute(() => {
            if (document.querySelector('[data-testid="status-bar"]')) return true;
            const field = document.querySelector('[data-testid="sign-in-code"]');
            const error = document.querySelector('[data-testid="sign-in-error"]')?.textContent ?? '';
            return field !== null && field.value === '' && error !== '';
          }),
        { timeout: 30_000, timeoutMsg: `no answer to the code ${code}` },
      );
      return browser.$('[data-testid="status-bar"]').isExisting();
    };
    const next = totpCode(secret, Date.now() + 30_000);
    const wrong = next === '000000' ? '111111' : '000000';
    await signOut(browser);
    assert.equal(await submitSignIn(browser, 'mwolfe', 'another long phrase'), CODE_STEP);
    assert.equal(await codeAttempt(wrong), false, 'a wrong code is refused');
    assert.match(await signInMessage(browser), /code/i);
    await screenshot(browser, 'sign-in-code-wrong.png');
    assert.equal(await codeAttempt(next), true, 'the next code signs in');
    await signOut(browser);
    assert.equal(await submitSignIn(browser, 'mwolfe', 'another long phrase'), CODE_STEP);
    assert.equal(await codeAttempt(next), false, 'the same code is refused the second time');
    assert.match(await signInMessage(browser), /already used|wrong/i);
  });
});

describe('A database whose key this computer does not hold', () => {
  let dir;
  let db;
  let keyFile;

  before(async () => {
    assert.ok(CLI, 'the rapport CLI is not built: `cargo build -p rapport-cli` (or set RAPPORT_CLI)');
    // Made elsewhere: the CLI keeps its key in a file, so this computer's keychain has none.
    dir = mkdtempSync(path.join(process.env.E2E_WORK ?? os.tmpdir(), 'restore-'));
    db = path.join(dir, 'moved.sqlite3');
    keyFile = path.join(dir, 'moved.key');
    await run(CLI, ['demo', '--db', db, '--key-file', keyFile, '--contacts', '300', '--json']);
  });

  it('without a usable keychain the app says so and stops there', async () => {
    // No Secret Service on this bus: the keychain cannot be asked at all.
    const app = await startApp({
      name: 'failed',
      env: { RAPPORT_DB: db, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dir, 'no-bus')}` },
    });
    try {
      const { browser } = app;
      const problem = $(browser, 'failed-problem');
      await problem.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'no failure screen without a keychain' });
      assert.match(await textOf(browser, 'failed-problem'), /keychain/i);
      assert.match(await textOf(browser, 'failed-screen'), /moved\.sqlite3/);
      await screenshot(browser, 'failed.png');
    } finally {
      await app.stop();
    }
  });

  it('asks for the recovery key, refuses a wrong one, and opens with the right one', async () => {
    const app = await startApp({ name: 'restore', env: { RAPPORT_DB: db } });
    try {
      const { browser } = app;
      await $(browser, 'restore-access-screen').waitForDisplayed({ timeout: 60_000 });
      assert.match(await textOf(browser, 'restore-access-problem'), /recovery key/i);

      const recoveryKey = readFileSync(keyFile, 'utf8').trim();
      // One symbol changed: the key's check digits catch it.
      const wrong = recoveryKey.replace(/[0-9A-Z](?=[^-]*$)/, (c) => (c === '7' ? '8' : '7'));
      await typeInto(browser, 'restore-access-key', wrong);
      await browser.keys('Enter');
      const error = browser.$('[data-testid="restore-access-screen"] .mantine-InputWrapper-error');
      await error.waitForDisplayed({ timeout: 30_000, timeoutMsg: 'a wrong key gave no message on the field' });
      await screenshot(browser, 'restore-access.png');

      // Typed as people do: lower case, spaces instead of dashes.
      await typeInto(browser, 'restore-access-key', recoveryKey.toLowerCase().replace(/-/g, ' '));
      await browser.keys('Enter');
      await $(browser, 'sign-in-form').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the right key did not open' });
      await signIn(browser, 'admin');
      const shown = await waitForCount(browser);
      const cli = await cliCount(db, 'admin', keyFile);
      assert.equal(shown, cli.count);
    } finally {
      await app.stop();
    }
  });
});
