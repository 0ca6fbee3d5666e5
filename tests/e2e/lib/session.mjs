// Getting past the start screens the way a user does: the welcome choice, the sign-in form, the
// user menu. Every step goes through WebDriver clicks and key presses.

export const DEMO_PASSWORD = 'rapport-demo';
export const CODE_STEP = Symbol('the sign-in form asks for a one-time code');

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** First start on a fresh database: "Explore the demo", then wait for the sign-in screen. */
export async function exploreDemo(browser) {
  const demo = $(browser, 'welcome-demo');
  await demo.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the welcome screen did not appear' });
  await demo.click();
  // Creating ~5,000 people takes 5-10 s on a quiet machine, much longer on a busy one.
  await $(browser, 'sign-in-form').waitForDisplayed({
    timeout: 180_000,
    timeoutMsg: 'the sign-in screen did not follow "Explore the demo"',
  });
}

/** Replaces an input's text as a user would: select all, type over it. */
export async function typeInto(browser, testId, text) {
  const input = $(browser, testId);
  await input.waitForDisplayed();
  await input.click();
  await browser.keys(['Control', 'a']);
  await browser.keys('Backspace');
  if (text) await input.addValue(text);
}

/** The value of an input, read without touching it. */
export async function valueOf(browser, testId) {
  return browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.value ?? null, testId);
}

/**
 * The text of an element by test id. Read from the DOM: WebKitWebDriver's getText() answers ''
 * for Mantine alerts and the lock dialog's contents.
 */
export async function textOf(browser, testId) {
  return browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '', testId);
}

/** The text of the sign-in screen's message, or '' when there is none. */
export async function signInMessage(browser) {
  return browser.execute(() => document.querySelector('[data-testid="sign-in-error"]')?.textContent?.trim() ?? '');
}

/**
 * Submits the sign-in form with this user name and password and waits for the answer: the main
 * app (returns null), the second step asking for a one-time code (returns CODE_STEP) or a message
 * on the sign-in screen (returns its text).
 */
export async function submitSignIn(browser, username, password) {
  await typeInto(browser, 'sign-in-username', username);
  await typeInto(browser, 'sign-in-password', password);
  await browser.keys('Enter');
  let outcome;
  await browser.waitUntil(
    async () => {
      outcome = await browser.execute(() => {
        if (document.querySelector('[data-testid="user-menu"]')) return { signedIn: true };
        if (document.querySelector('[data-testid="sign-in-code"]')) return { codeStep: true };
        const password = document.querySelector('[data-testid="sign-in-password"]');
        const busy = document.querySelector('[data-testid="sign-in-submit"]')?.hasAttribute('data-loading');
        // A refusal clears the password field.
        if (password && password.value === '' && !busy) {
          return { message: document.querySelector('[data-testid="sign-in-error"]')?.textContent?.trim() ?? '' };
        }
        return null;
      });
      return outcome !== null;
    },
    { timeout: 30_000, interval: 100, timeoutMsg: `signing in as ${username} got no answer` },
  );
  if (outcome.signedIn) return null;
  return outcome.codeStep ? CODE_STEP : outcome.message;
}

/** Signs in and waits for the main app; fails with the screen's message otherwise. */
export async function signIn(browser, username, password = DEMO_PASSWORD) {
  const message = await submitSignIn(browser, username, password);
  if (message !== null) throw new Error(`signing in as ${username} was refused: ${message}`);
  await $(browser, 'status-bar').waitForDisplayed();
}

/** The demo organisation, signed in as `username` (a site administrator by default). */
export async function enterDemo(browser, username = 'admin') {
  await exploreDemo(browser);
  await signIn(browser, username);
}

/** Opens the user menu in the header and picks an item ('lock', 'password', 'totp', 'sign-out'). */
export async function userMenu(browser, item) {
  // A dialog that just closed may still cover the header for its closing transition.
  await browser.waitUntil(
    async () => {
      try {
        await $(browser, 'user-menu').click();
        return true;
      } catch {
        return false;
      }
    },
    { timeout: 10_000, interval: 200, timeoutMsg: 'the user menu could not be clicked' },
  );
  const entry = $(browser, `user-menu-${item}`);
  await entry.waitForDisplayed({ timeoutMsg: `the user menu has no "${item}" item` });
  await entry.click();
}

export async function signOut(browser) {
  await userMenu(browser, 'sign-out');
  await $(browser, 'sign-in-form').waitForDisplayed({ timeoutMsg: 'signing out did not return to the sign-in screen' });
}

/** The number in the status bar's "1,234 contacts you can see", or null while counting. */
export async function visibleCount(browser) {
  const text = await browser.execute(
    () => document.querySelector('[data-testid="status-count"]')?.textContent ?? '',
  );
  const match = text.match(/^\s*(\d[\d,.\s\u00a0\u202f]*)\+?\s+contacts? you can see/);
  return match ? Number(match[1].replace(/\D/g, '')) : null;
}
