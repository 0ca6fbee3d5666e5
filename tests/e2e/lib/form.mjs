// The new-contact wizard and the edit screen as a user works them: fields found by their test id
// (`field-<core field path>`, e.g. `field-emails.0.address`), messages read beside the field,
// steps moved with the buttons or the keyboard. Reads go through one script call; every
// interaction goes through WebDriver clicks and key presses.
import { typeInto } from './session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

/** The wizard's current step title, e.g. "2. Basic information" ('' when not on the wizard). */
export async function wizardStep(browser) {
  return browser.execute(() => document.querySelector('[data-testid="wizard-step-title"]')?.textContent?.trim() ?? '');
}

/** Waits until the wizard shows the step whose title starts with `number.`. */
export async function waitForStep(browser, number, timeoutMsg) {
  await browser.waitUntil(async () => (await wizardStep(browser)).startsWith(`${number}.`), {
    timeout: 15_000,
    interval: 100,
    timeoutMsg: timeoutMsg ?? `the wizard did not reach step ${number} (it shows "${await wizardStep(browser)}")`,
  });
}

/** The element that has the keyboard focus: its test id, or its tag. */
export async function focused(browser) {
  return browser.execute(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName?.toLowerCase() ?? '';
  });
}

/** Types into a form field by its core path (select all, type over). */
export async function fill(browser, path, text) {
  await typeInto(browser, `field-${path}`, text);
}

/**
 * The message shown beside the field at `path` (Mantine's error under the input), or '' when
 * there is none.
 */
export async function fieldError(browser, path) {
  return browser.execute((p) => {
    const input = document.querySelector(`[data-testid="field-${p}"]`);
    const wrapper = input?.closest('.mantine-InputWrapper-root');
    return wrapper?.querySelector('.mantine-InputWrapper-error')?.textContent?.trim() ?? '';
  }, path);
}

/** Waits for a message beside the field at `path` and returns it. */
export async function waitForFieldError(browser, path) {
  let message = '';
  await browser.waitUntil(async () => (message = await fieldError(browser, path)) !== '', {
    timeout: 15_000,
    interval: 100,
    timeoutMsg: `no message appeared beside ${path}`,
  });
  return message;
}

/** Text of an element by test id, read from the DOM ('' when absent). */
export async function textOfTestId(browser, testId) {
  return browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', testId);
}

/** Waits for an element by test id to show some text (a dialog may exist before its content) and returns it. */
export async function waitForText(browser, testId, timeoutMsg) {
  let text = '';
  await browser.waitUntil(async () => (text = await textOfTestId(browser, testId)) !== '', {
    timeout: 20_000,
    interval: 100,
    timeoutMsg: timeoutMsg ?? `${testId} did not appear`,
  });
  return text;
}

/** Clicks an element by test id once it can be clicked (a closing dialog may still cover it). */
export async function clickTestId(browser, testId) {
  const element = $(browser, testId);
  await element.waitForClickable({ timeout: 15_000, timeoutMsg: `${testId} could not be clicked` });
  await element.click();
}

/** Scrolls an element into the middle of the window (for screenshots of long forms). */
export async function scrollToTestId(browser, testId) {
  await browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: 'center' }), testId);
}

/** The value of the field at a core path, read without touching it. */
export async function fieldValue(browser, path) {
  return browser.execute((p) => document.querySelector(`[data-testid="field-${p}"]`)?.value ?? null, path);
}
