// A new contact through the five wizard steps on the demo database, as the Scotland territory
// manager: by keyboard where a user would (arrows on the type cards, Enter and Alt+arrows between
// steps) and by clicks elsewhere; a business email without a dot in its domain is refused beside
// the field and corrected; an existing contact's email raises a duplicate warning while typing,
// whose link opens that contact and leaves the wizard as a draft to come back to; then the new
// contact is created, its reference shown, and found by search in the list with that reference.
// An unfinished contact survives the app being ended and is offered again after a restart.
// Each step is screenshotted (SCREENSHOT_DIR).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { pickOption, setColorScheme } from '../lib/admin.mjs';
import { keepFailures, screenshot, startApp } from '../lib/app.mjs';
import { fold, typeSearch, visibleRows, waitForList } from '../lib/contacts.mjs';
import {
  clickTestId,
  fieldError,
  fieldValue,
  fill,
  focused,
  scrollToTestId,
  textOfTestId,
  waitForFieldError,
  waitForStep,
  waitForText,
  wizardStep,
} from '../lib/form.mjs';
import { enterDemo, signIn, typeInto } from '../lib/session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

const NEW = {
  first: 'Morag',
  last: 'Abernethy-Lindqvist',
  badEmail: 'morag.al@harbourworks',
  email: 'morag.al@harbourworks.co.uk',
  office: '0131 496 0018',
  extension: '214',
  mobile: '07700 900461',
};

/** The sites the site search lists, as a user sees them. */
async function siteResults(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="site-result"]')].map((el) => ({
      inScope: el.getAttribute('data-in-scope') === 'true',
      disabled: el.disabled,
      text: el.textContent ?? '',
    })),
  );
}

async function checked(browser, testId) {
  return browser.execute((id) => document.querySelector(`[data-testid="${id}"]`)?.checked ?? null, testId);
}

describe('New contact wizard as the Scotland territory manager', () => {
  let app;
  let browser;
  keepFailures('wizard', () => browser);
  /** An existing contact the user can see: its name and email. */
  const existing = { name: '', email: '' };
  let reference = '';

  before(async () => {
    app = await startApp({ name: 'wizard' });
    browser = app.browser;
    await enterDemo(browser, 'territory');
    await waitForList(browser, { timeout: 90_000 });
  });

  after(async () => {
    await app?.stop();
  });

  it('reads an existing contact with an email off the screen', async () => {
    // The user opens contacts from the list until one has an email, and notes it.
    const rows = await visibleRows(browser);
    for (const row of rows.slice(0, 8)) {
      await browser.$(`[data-testid="contact-row"][data-contact-id="${row.id}"]`).click();
      await $(browser, 'contact-name').waitForDisplayed({ timeoutMsg: 'the contact page did not open' });
      existing.name = await textOfTestId(browser, 'contact-name');
      existing.email = await browser.execute(
        () => document.querySelector('[data-testid="contact-detail"] a[href^="mailto:"]')?.textContent?.trim() ?? '',
      );
      if (/@.+\./.test(existing.email)) break;
      await $(browser, 'back-to-contacts').click();
      await waitForList(browser);
    }
    assert.match(existing.email, /@.+\./, 'none of the first contacts has an email');
    await $(browser, 'back-to-contacts').click();
    await waitForList(browser);
  });

  it('step 1: chooses the type with the arrow keys and moves on with Alt+→', async () => {
    await clickTestId(browser, 'new-contact');
    await waitForStep(browser, 1);
    // The chosen card has the focus; the arrows move the choice like any radio group.
    await browser.waitUntil(async () => (await focused(browser)) === 'contact-type-primary', {
      timeoutMsg: 'the first step did not put the focus on the chosen type',
    });
    await browser.keys(['ArrowRight']);
    await browser.keys(['ArrowRight']);
    assert.equal(await $(browser, 'contact-type-operations').getAttribute('aria-checked'), 'true');
    assert.equal(await focused(browser), 'contact-type-operations');
    await screenshot(browser, 'wizard-1-type.png');
    await browser.keys(['Alt', 'ArrowRight']);
    await waitForStep(browser, 2);
  });

  it('step 2: a business email without a dot in its domain is refused beside the field, then fixed', async () => {
    // The first field has the focus: the user types the salutation, then Tab to the names.
    await browser.waitUntil(async () => (await focused(browser)) === 'field-salutation', {
      timeoutMsg: 'the basic step did not put the focus on its first field',
    });
    await browser.keys([...'Ms.']);
    await browser.keys(['Escape']);
    await browser.keys(['Tab']);
    assert.equal(await focused(browser), 'field-firstName');
    await browser.keys([...NEW.first]);
    await browser.keys(['Tab']);
    assert.equal(await focused(browser), 'field-middleName');
    await browser.keys(['Tab']);
    assert.equal(await focused(browser), 'field-lastName');
    await browser.keys([...NEW.last]);

    await fill(browser, 'jobTitle', 'Facilities Coordinator');
    await fill(browser, 'department', 'Estates & Facilities');
    await fill(browser, 'approvalLimit', '2500');
    await fill(browser, 'phones.0.number', NEW.office);
    await fill(browser, 'phones.0.extension', NEW.extension);
    await fill(browser, 'phones.1.number', NEW.mobile);
    await fill(browser, 'emails.0.address', NEW.badEmail);
    await fill(browser, 'addresses.0.line1', '12 Shore Road');
    await fill(browser, 'addresses.0.city', 'Leith');
    await fill(browser, 'addresses.0.postalCode', 'EH6 6RA');
    await pickOption(browser, 'field-addresses.0.country', 'United Kingdom (GB)');

    // Enter in a field means Next; the core refuses the email and the step stays.
    await $(browser, 'field-department').click();
    await browser.keys(['Enter']);
    const message = await waitForFieldError(browser, 'emails.0.address');
    assert.match(message, /^Business email needs a domain with a dot after the @/);
    assert.ok((await wizardStep(browser)).startsWith('2.'), 'the wizard left the step with a refused email');
    assert.equal(await focused(browser), 'field-emails.0.address', 'the refused field did not get the focus');
    await screenshot(browser, 'wizard-2-basic-error.png');

    await fill(browser, 'emails.0.address', NEW.email);
    assert.equal(await fieldError(browser, 'emails.0.address'), '', 'the message stayed after the email was fixed');
  });

  it('step 2: the email of an existing contact raises a duplicate warning while typing', async () => {
    await fill(browser, 'emails.1.address', existing.email);
    const notice = await waitForText(browser, 'duplicate-notice', 'no duplicate warning after typing an existing email');
    assert.match(notice, /same email/);
    assert.ok(notice.includes(existing.name), `the warning does not name ${existing.name}: ${notice}`);
    await scrollToTestId(browser, 'duplicate-notice');
    await screenshot(browser, 'wizard-2-basic-duplicate.png');
  });

  it('the duplicate’s link opens that contact, and New contact comes back to the draft', async () => {
    await browser.$('[data-testid="duplicate-notice"] [data-testid="duplicate-link"]').click();
    await $(browser, 'contact-name').waitForDisplayed({ timeoutMsg: 'the duplicate link did not open the contact' });
    assert.equal(await textOfTestId(browser, 'contact-name'), existing.name);
    await $(browser, 'back-to-contacts').click();
    await waitForList(browser);
    await clickTestId(browser, 'new-contact');
    await waitForStep(browser, 2, 'New contact did not come back to the draft at its step');
    assert.equal(await fieldValue(browser, 'lastName'), NEW.last);
    assert.equal(await fieldValue(browser, 'emails.0.address'), NEW.email);
    await $(browser, 'wizard-next').click();
    await waitForStep(browser, 3);
  });

  it('step 3: entering the email, phone, mobile and address ticked their notifications; the user unticks post', async () => {
    assert.equal(await checked(browser, 'channel-email-notify'), true, 'email notifications were not ticked');
    assert.equal(await checked(browser, 'channel-phone-notify'), true, 'phone notifications were not ticked');
    assert.equal(await checked(browser, 'channel-post-notify'), true, 'post notifications were not ticked');
    assert.equal(await checked(browser, 'channel-email-consent'), false, 'consent was ticked for the user');
    await $(browser, 'channel-post-notify').click();
    assert.equal(await checked(browser, 'channel-post-notify'), false);

    await browser.$('//label[normalize-space(.)="Email"]').click();
    await fill(browser, 'preferredTimes', 'Mornings');
    await browser.keys(['Escape']);
    await $(browser, 'field-timeZone').click();
    await browser.keys([...'London']);
    const zone = browser.$('//*[@role="option"][normalize-space(.)="Europe / London"]');
    await zone.waitForDisplayed({ timeoutMsg: 'no Europe / London time zone offered' });
    await zone.click();
    await $(browser, 'field-language').click();
    await browser.keys([...'en-GB']);
    const language = browser.$('//*[@role="option"][contains(normalize-space(.), "en-GB")]');
    await language.waitForDisplayed({ timeoutMsg: 'no en-GB language offered' });
    await language.click();
    await screenshot(browser, 'wizard-3-preferences.png');
    await browser.keys(['Alt', 'ArrowRight']);
    await waitForStep(browser, 4);
  });

  it('step 4: sites outside the territory are shown but cannot be chosen; one in it is added with its role', async () => {
    await $(browser, 'site-search').waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="site-result"]').length) > 0, {
      timeoutMsg: 'the site search offered nothing',
    });
    const results = await siteResults(browser);
    assert.ok(results.some((r) => r.inScope), 'no site in the territory manager’s scope');

    // Sites in London are outside the Scotland manager's territory: listed, but not choosable.
    await typeInto(browser, 'site-search', 'London');
    let london = [];
    await browser.waitUntil(
      async () => {
        london = await siteResults(browser);
        return london.length > 0 && london.every((r) => /London/i.test(r.text));
      },
      { timeout: 15_000, timeoutMsg: 'searching London listed no London sites' },
    );
    for (const r of london.filter((x) => !x.inScope)) {
      assert.ok(r.disabled && /Outside your territory/.test(r.text), `an out-of-scope site can be chosen: ${r.text}`);
    }
    assert.ok(london.some((r) => !r.inScope), 'no London site is shown as outside the territory');
    await screenshot(browser, 'wizard-4-sites-outside.png');
    await typeInto(browser, 'site-search', '');
    await browser.waitUntil(async () => (await siteResults(browser)).some((r) => r.inScope), {
      timeoutMsg: 'clearing the site search did not list the territory’s sites again',
    });
    // From the search, ↓ moves to the first site that can be chosen and Enter adds it.
    await $(browser, 'site-search').click();
    await browser.keys(['ArrowDown']);
    assert.equal(await focused(browser), 'site-result', '↓ in the site search did not move to a site');
    await browser.keys(['Enter']);
    await $(browser, 'chosen-site').waitForDisplayed({ timeoutMsg: 'Enter on a site added nothing' });
    assert.match(await textOfTestId(browser, 'chosen-site'), /territory/);
    await pickOption(browser, 'field-sites.0.role', 'Site manager');
    await fill(browser, 'sites.0.authorityLimit', '1500');
    await screenshot(browser, 'wizard-4-sites.png');
    await $(browser, 'wizard-next').click();
    await waitForStep(browser, 5);
  });

  it('step 5: the review shows everything, the checks, the duplicate and the approval', async () => {
    const basic = await waitForText(browser, 'review-basic');
    assert.ok(basic.includes(NEW.last), basic);
    assert.ok(basic.includes(NEW.email), basic);
    assert.match(await textOfTestId(browser, 'review-type'), /Operations/);
    assert.match(await textOfTestId(browser, 'review-sites'), /as site manager, limit 1500 GBP/);
    await browser.waitUntil(
      async () => browser.execute(() => !!document.querySelector('[data-testid="review-ok"], [data-testid="review-problems"]')),
      { timeoutMsg: 'the review showed no validation result' },
    );
    assert.equal(await $(browser, 'review-problems').isExisting(), false, await textOfTestId(browser, 'review-problems'));
    const duplicates = await waitForText(browser, 'duplicate-list', 'the review lists no duplicate candidate');
    assert.ok(duplicates.includes(existing.name), duplicates);
    await fill(browser, 'approvalSource', 'Email from the customer');
    await browser.keys(['Escape']);
    await scrollToTestId(browser, 'wizard-stepper');
    await screenshot(browser, 'wizard-5-review.png');
    await scrollToTestId(browser, 'review-duplicates');
    await screenshot(browser, 'wizard-5-review-duplicates.png');
    await setColorScheme(browser, 'dark');
    await screenshot(browser, 'wizard-5-review-dark.png');
    await setColorScheme(browser, 'light');
  });

  it('creates the contact and shows its reference number', async () => {
    await $(browser, 'wizard-create').click();
    reference = await waitForText(browser, 'created-reference', 'creating showed no reference number');
    assert.match(reference, /^C-\d{6}$/);
    await screenshot(browser, 'wizard-6-created.png');
  });

  it('finds the new contact by search in the list, with its reference number', async () => {
    await $(browser, 'created-open').click();
    await $(browser, 'contact-reference').waitForDisplayed({ timeoutMsg: 'Open contact did not open it' });
    assert.equal(await textOfTestId(browser, 'contact-reference'), reference);
    await $(browser, 'back-to-contacts').click();
    await waitForList(browser);
    await typeSearch(browser, 'Abernethy');
    let rows = [];
    await browser.waitUntil(
      async () => {
        rows = await visibleRows(browser);
        // The list shows the search's answer (every row matches), and the new contact in it.
        return rows.length > 0 && rows.every((row) => fold(row.text).includes('abernethy')) && rows.some((row) => row.text.includes(reference));
      },
      { timeout: 20_000, interval: 200, timeoutMsg: `searching Abernethy did not list ${reference}` },
    );
    const row = rows.find((r) => r.text.includes(reference));
    assert.ok(row.name.includes(NEW.last), row.name);
    await screenshot(browser, 'wizard-7-found.png');
  });

  it('keeps an unfinished contact through a restart of the app and offers to resume it', async () => {
    await clickTestId(browser, 'new-contact');
    await waitForStep(browser, 1);
    await browser.keys(['Alt', 'ArrowRight']);
    await waitForStep(browser, 2);
    await fill(browser, 'firstName', 'Ewan');
    await fill(browser, 'lastName', 'Draftworthy');
    // "Draft saved" after the last keystroke: the pause in typing saved it.
    const typed = await browser.execute(() => Date.now());
    await browser.waitUntil(
      async () =>
        Number(await browser.execute(() => document.querySelector('[data-testid="draft-status"]')?.getAttribute('data-saved-at') ?? 0)) > typed,
      { timeout: 15_000, timeoutMsg: 'the draft was not saved after typing' },
    );
    // The window goes away without Cancel (a crash, a closed laptop): the app is simply ended.
    const db = app.db;
    await app.stop();
    app = await startApp({ name: 'wizard-again', db });
    browser = app.browser;
    await $(browser, 'sign-in-form').waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the restarted app did not ask to sign in' });
    await signIn(browser, 'territory');
    await waitForList(browser, { timeout: 60_000 });
    await clickTestId(browser, 'new-contact');
    const prompt = await waitForText(browser, 'draft-prompt', 'New contact did not offer the unfinished draft');
    assert.match(prompt, /Ewan Draftworthy/);
    assert.match(prompt, /Basic information/);
    await screenshot(browser, 'wizard-8-resume-draft.png');
    await clickTestId(browser, 'draft-resume');
    await waitForStep(browser, 2);
    assert.equal(await fieldValue(browser, 'lastName'), 'Draftworthy');
  });
});
