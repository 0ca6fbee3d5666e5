// Starts the built Rapport app through tauri-driver (which spawns WebKitWebDriver, which spawns
// the app) and returns a WebdriverIO session. Each session gets a fresh database, fresh XDG
// directories and its own ports; `stop()` ends the session and kills the driver's whole process
// group (driver, WebKitWebDriver, app), and an exit hook does the same if the run dies.
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

// xtask copies the CLI-built app to target/e2e/ (a later `cargo build`/`cargo test` turns
// target/debug/rapport-app into a dev binary that loads the Vite dev server instead).
export const APP = path.resolve(process.env.RAPPORT_APP ?? path.join(root, 'target', 'e2e', 'rapport-app'));
export const TAURI_DRIVER = process.env.TAURI_DRIVER ?? 'tauri-driver';
export const SCREENSHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? path.join(here, '..', 'screenshots'));
const WORK = process.env.E2E_WORK ?? mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
/** run.sh kills these process groups on exit even if node itself was killed. */
const PID_FILE = path.join(WORK, 'pids');

mkdirSync(SCREENSHOTS, { recursive: true });

const live = new Set();
process.on('exit', () => {
  for (const pid of live) killGroup(pid, 'SIGKILL');
});

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs, exited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('tauri-driver exited before it listened');
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts the app. `name` labels the database, logs and temp dirs; `env` adds environment
 * variables (they reach the app through tauri-driver and WebKitWebDriver); `gtkSettings` writes
 * a GTK 3 settings.ini into the session's fresh XDG config dir; `db` reopens an existing
 * database instead of starting with none.
 */
export async function startApp({ name, env = {}, gtkSettings, db: reuse } = {}) {
  const dir = mkdtempSync(path.join(WORK, `${name}-`));
  const xdg = {};
  for (const kind of ['data', 'cache', 'config']) {
    xdg[kind] = path.join(dir, kind);
    mkdirSync(xdg[kind], { recursive: true });
  }
  if (gtkSettings) {
    mkdirSync(path.join(xdg.config, 'gtk-3.0'), { recursive: true });
    const lines = Object.entries(gtkSettings).map(([k, v]) => `${k}=${v}`);
    writeFileSync(path.join(xdg.config, 'gtk-3.0', 'settings.ini'), `[Settings]\n${lines.join('\n')}\n`);
  }
  // A path that does not exist yet: the app creates the demo organisation on first start.
  // `reuse` reopens a database an earlier session made (its key is in the same keychain).
  const db = reuse ?? path.join(dir, 'rapport.sqlite3');
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();

  const logPath = path.join(SCREENSHOTS, `${name}-driver.log`);
  const log = createWriteStream(logPath);
  const driver = spawn(TAURI_DRIVER, ['--port', String(port), '--native-port', String(nativePort)], {
    env: {
      ...process.env,
      RAPPORT_DB: db,
      XDG_DATA_HOME: xdg.data,
      XDG_CACHE_HOME: xdg.cache,
      XDG_CONFIG_HOME: xdg.config,
      NO_AT_BRIDGE: '1',
      ...env,
    },
    detached: true, // own process group: killing -pid reaches WebKitWebDriver and the app
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  driver.on('exit', () => {
    exited = true;
    live.delete(driver.pid);
  });
  driver.stdout.pipe(log);
  driver.stderr.pipe(log);
  live.add(driver.pid);
  appendFileSync(PID_FILE, `${driver.pid}\n`);

  const stop = async (browser) => {
    if (browser) {
      await Promise.race([
        browser.deleteSession().catch(() => {}),
        new Promise((r) => setTimeout(r, 10_000)),
      ]);
    }
    killGroup(driver.pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    killGroup(driver.pid, 'SIGKILL');
    live.delete(driver.pid);
    log.end();
  };

  try {
    await waitForPort(port, 30_000, () => exited);
    const browser = await newSession(port, () => exited);
    const app = { browser, db, logPath, stop: () => stop(browser) };
    try {
      await settle(browser);
    } catch (error) {
      await app.stop();
      throw error;
    }
    return app;
  } catch (error) {
    await stop(null);
    throw new Error(`could not start ${APP} through tauri-driver (log: ${logPath}): ${error.message}`);
  }
}

/**
 * Opens the WebDriver session. tauri-driver listens before the WebKitWebDriver it starts does; a
 * session request in between fails with a refused connection (seen when one app starts right
 * after another stopped), so that case is tried again.
 */
async function newSession(port, exited) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'warn',
        connectionRetryTimeout: 120_000,
        connectionRetryCount: 0,
        waitforTimeout: 15_000,
        capabilities: {
          'tauri:options': { application: APP },
          'wdio:enforceWebDriverClassic': true,
        },
      });
    } catch (error) {
      const refused = /UND_ERR_SOCKET|ECONNREFUSED|Connection refused/i.test(String(error?.message));
      if (!refused || attempt >= 5 || exited()) throw error;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/**
 * Waits until the window has loaded its page. Right after the session starts the webview is
 * still navigating to the app, and WebDriver calls made then fail with "no such frame".
 */
async function settle(browser) {
  let url = '';
  await browser.waitUntil(
    async () => {
      try {
        url = await browser.getUrl();
        const ready = await browser.execute(() => document.readyState);
        return ready === 'complete' && url !== 'about:blank' && url !== '';
      } catch {
        return false;
      }
    },
    { timeout: 60_000, interval: 250, timeoutMsg: `the app window did not finish loading (at "${url}")` },
  );
  if (/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url)) {
    throw new Error(
      `${APP} is a dev build: it loads ${url} (the Vite dev server) instead of the embedded UI. ` +
        'Build it with the Tauri CLI: `cargo xtask e2e` (or ./ui/node_modules/.bin/tauri build --debug --no-bundle).',
    );
  }
}

/** Saves a screenshot after a short pause (the first one on a cold cache can be white). */
export async function screenshot(browser, file) {
  await new Promise((r) => setTimeout(r, 1_000));
  const target = path.join(SCREENSHOTS, file);
  await browser.saveScreenshot(target);
  return target;
}

/**
 * Registers, inside the calling `describe`, a hook that keeps what a failed test left on screen:
 * a screenshot `failed-<name>-<test>.png` and, on stderr (what a CI log keeps), the page's
 * address and text.
 */
export function keepFailures(name, browserOf) {
  afterEach(async (t) => {
    const browser = browserOf();
    if (t.passed || !browser) return;
    const slug = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    try {
      await browser.saveScreenshot(path.join(SCREENSHOTS, `failed-${name}-${slug}.png`));
      const page = await browser.execute(() => ({
        url: window.location.href,
        text: document.body.innerText.slice(0, 2_000),
      }));
      console.error(`e2e: "${t.name}" failed at ${page.url}; the page read:\n${page.text}`);
    } catch (error) {
      console.error(`e2e: "${t.name}" failed and the page could not be read: ${error.message}`);
    }
  });
}

/** Calls a command as a page script would: `{ ok: true, value }` or `{ ok: false, failure }`. */
export function invoke(browser, command, args = {}) {
  return browser.executeAsync(
    (name, payload, done) => {
      window.__TAURI_INTERNALS__
        .invoke(name, payload)
        .then((value) => done({ ok: true, value }))
        .catch((failure) => done({ ok: false, failure }));
    },
    command,
    args,
  );
}

/** Calls a command that must succeed (e.g. one of the e2e build's) and returns its answer. */
export async function invokeOk(browser, command, args = {}) {
  const answer = await invoke(browser, command, args);
  if (!answer.ok) throw new Error(`${command} failed: ${JSON.stringify(answer.failure)}`);
  return answer.value;
}

/** Waits until the app has written `file` (an export answered through the e2e dialog). */
export async function waitForFile(browser, file, timeout = 60_000) {
  await browser.waitUntil(
    async () => {
      try {
        return readFileSync(file).length > 0;
      } catch {
        return false;
      }
    },
    { timeout, timeoutMsg: `${file} was not written` },
  );
}
