// Engagement through the real window, on the demo database: as the site administrator, open a
// contact from My work, give them a stay-in-touch cadence, log a call with next steps and a
// follow-up (acknowledging the consent warning when the contact has not agreed to calls), see the
// follow-up listed and complete it, and see the cadence's next due date move on. A follow-up due
// now becomes a desktop notification (read back through the e2e build's record of them). Then an
// escalation the overview shows with the regional or territory manager appears in that person's
// own My work after signing in as them, and they resolve it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { openAdmin, setColorScheme } from '../lib/admin.mjs';
import { invokeOk, keepFailures, startApp } from '../lib/app.mjs';
import { waitForList } from '../lib/contacts.mjs';
import { clickWhenFree, shot, waitForContact } from '../lib/lifecycle.mjs';
import { enterDemo, signIn, signOut, textOf, typeInto, valueOf } from '../lib/session.mjs';

const $ = (browser, testId) => browser.$(`[data-testid="${testId}"]`);

const CALL = {
  subject: 'Quarterly service review call',
  outcome: 'Happy with the response times; wants the schedule for next year',
  nextSteps: 'Send the revised maintenance schedule',
};
const DUE_NOW = 'Confirm the site access badges for the engineers';

/** Clicks the segment with this label in a SegmentedControl. */
async function chooseSegment(browser, testId, label) {
  const labels = await browser.$$(`[data-testid="${testId}"] label`);
  for (const candidate of labels) {
    if ((await candidate.getText()).trim() === label) {
      await candidate.click();
      return;
    }
  }
  throw new Error(`${testId} has no "${label}"`);
}

async function openLogDialog(browser) {
  await clickWhenFree(browser, $(browser, 'contact-log-interaction'), 'the Log interaction button');
  await $(browser, 'interaction-subject').waitForDisplayed({ timeoutMsg: 'the log dialog did not open' });
}

/** Presses Ctrl+Enter in the dialog and waits until it closes (saved). */
async function saveLogDialog(browser) {
  await $(browser, 'interaction-subject').click();
  await browser.keys(['Control', 'Enter']);
  await $(browser, 'log-interaction').waitForDisplayed({
    reverse: true,
    timeout: 20_000,
    timeoutMsg: `the log dialog stayed open: ${await textOf(browser, 'log-interaction')}`,
  });
}

/** The follow-ups on the contact's page: title, status, state. */
async function contactFollowUps(browser) {
  return browser.execute(() =>
    [...document.querySelectorAll('[data-testid="card-follow-ups"] [data-testid="follow-up"]')].map((el) => ({
      title: el.querySelector('[data-testid="follow-up-title"]')?.textContent ?? '',
      status: el.getAttribute('data-status'),
    })),
  );
}

async function escalations(browser, listTestId) {
  return browser.execute(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] [data-testid="escalation"]`)].map((el) => ({
        contact: el.getAttribute('data-contact'),
        level: el.getAttribute('data-level'),
        holder: el.getAttribute('data-holder'),
        name: el.querySelector('[data-testid="escalation-contact"]')?.textContent ?? '',
      })),
    listTestId,
  );
}

async function openMyWork(browser) {
  await clickWhenFree(browser, $(browser, 'nav-work'), 'the My work link');
  await $(browser, 'my-work').waitForDisplayed({ timeoutMsg: 'My work did not open' });
  await browser.waitUntil(
    async () => browser.execute(() => !document.querySelector('[data-testid="my-work"] [aria-busy="true"]')),
    { timeout: 30_000, timeoutMsg: 'My work kept loading' },
  );
}

describe('engagement in the app', () => {
  let app;
  let browser;
  keepFailures('engagement', () => browser);
  let contact; // { id, name }

  before(async () => {
    app = await startApp({ name: 'engagement' });
    browser = app.browser;
    await enterDemo(browser, 'admin');
    await waitForList(browser, { timeout: 120_000 });
  });

  after(async () => {
    await app?.stop();
  });

  it('logs a call with next steps, completes its follow-up and moves the cadence on', async () => {
    // A contact with a history: the demo's follow-ups come from their last interaction.
    await openMyWork(browser);
    const link = $(browser, 'follow-up-contact');
    await link.waitForDisplayed({ timeoutMsg: 'the administrator has no follow-up in My work' });
    await link.click();
    const id = await browser.execute(() => window.location.hash.split('?')[0].replace('#/contacts/', ''));
    await waitForContact(browser, id);
    contact = { id, name: await textOf(browser, 'contact-name') };

    await $(browser, 'card-cadence').scrollIntoView();
    await typeInto(browser, 'cadence-days', '30');
    await $(browser, 'cadence-save').click();
    await $(browser, 'cadence-next-due').waitForDisplayed({ timeoutMsg: 'the cadence was not set' });
    await browser.waitUntil(async () => (await textOf(browser, 'cadence-summary')).includes('Every 30 days'), {
      timeoutMsg: 'the cadence does not say every 30 days',
    });
    const dueBefore = await textOf(browser, 'cadence-next-due');

    await openLogDialog(browser);
    // The consent warning, on whichever outbound channel this contact has not agreed to.
    let warned = null;
    for (const channel of ['SMS', 'Call', 'Email']) {
      await chooseSegment(browser, 'interaction-channel', channel);
      try {
        await $(browser, 'consent-warning').waitForDisplayed({ timeout: 3_000 });
        warned = channel;
        break;
      } catch {
        // consented to this one
      }
    }
    if (warned) {
      await typeInto(browser, 'interaction-subject', CALL.subject);
      await shot(browser, 'engagement-log-consent.png');
      // Saving without the acknowledgement is refused next to the warning.
      await saveLogDialogExpectingConsent(browser);
    }

    await chooseSegment(browser, 'interaction-channel', 'Call');
    await chooseSegment(browser, 'interaction-direction', 'Outbound');
    await typeInto(browser, 'interaction-subject', CALL.subject);
    await typeInto(browser, 'interaction-duration', '20');
    await typeInto(browser, 'interaction-outcome', CALL.outcome);
    await typeInto(browser, 'interaction-next-steps', CALL.nextSteps);
    await $(browser, 'interaction-no-answer').waitForDisplayed({ timeoutMsg: 'an outbound call offers no "no answer"' });
    await $(browser, 'interaction-follow-up').click();
    await $(browser, 'follow-up-due-date').waitForDisplayed();
    if (await $(browser, 'consent-warning').isExisting()) {
      await $(browser, 'consent-acknowledge').click();
    }
    await saveLogDialog(browser);

    // The call heads the timeline; its follow-up is listed, open.
    await browser.waitUntil(async () => (await textOf(browser, 'timeline-subject')) === CALL.subject, {
      timeout: 20_000,
      timeoutMsg: 'the call is not the newest entry of the timeline',
    });
    await browser.waitUntil(
      async () => (await contactFollowUps(browser)).some((f) => f.title === CALL.nextSteps && f.status === 'open'),
      { timeout: 20_000, timeoutMsg: 'the follow-up from the next steps is not listed' },
    );
    // Logging the call moved the cadence's next due date on.
    await browser.waitUntil(async () => (await textOf(browser, 'cadence-next-due')) !== dueBefore, {
      timeout: 20_000,
      timeoutMsg: `the cadence stayed due ${dueBefore} after the call`,
    });
    await $(browser, 'activity').scrollIntoView();
    await shot(browser, 'engagement-activity.png');
    await setColorScheme(browser, 'dark');
    await shot(browser, 'engagement-activity-dark.png');
    await setColorScheme(browser, 'light');

    // Complete it: it leaves the open ones and shows as done among the closed.
    const index = (await contactFollowUps(browser)).findIndex((f) => f.title === CALL.nextSteps && f.status === 'open');
    const buttons = await browser.$$('[data-testid="card-follow-ups"] [data-testid="follow-up"]');
    await buttons[index].$('[data-testid="follow-up-complete"]').click();
    await browser.waitUntil(
      async () => !(await contactFollowUps(browser)).some((f) => f.title === CALL.nextSteps && f.status === 'open'),
      { timeout: 20_000, timeoutMsg: 'the follow-up stayed open after Done' },
    );
    await clickWhenFree(browser, $(browser, 'follow-ups-closed-toggle'), 'Show closed');
    await browser.waitUntil(
      async () => (await contactFollowUps(browser)).some((f) => f.title === CALL.nextSteps && f.status === 'done'),
      { timeout: 10_000, timeoutMsg: 'the completed follow-up is not listed as done' },
    );
  });

  it("reads and shows times in the user's own time zone", async () => {
    const chooseZone = async (typed, option) => {
      await clickWhenFree(browser, $(browser, 'user-menu'), 'the account menu');
      await clickWhenFree(browser, $(browser, 'user-menu-time-zone'), 'Time zone in the account menu');
      await typeInto(browser, 'time-zone-select', typed);
      const choice = browser.$(`//*[@role="option"][normalize-space()="${option}"]`);
      await choice.waitForDisplayed({ timeoutMsg: `the time zone picker offers no "${option}"` });
      await choice.click();
      await shot(browser, 'engagement-time-zone.png');
      await $(browser, 'time-zone-submit').click();
      await $(browser, 'time-zone-form').waitForDisplayed({ reverse: true, timeoutMsg: 'the time zone was not saved' });
    };
    await chooseZone('Tokyo', 'Asia / Tokyo');
    await waitForContact(browser, contact.id);

    await openLogDialog(browser);
    assert.match(await textOf(browser, 'interaction-zone'), /Asia \/ Tokyo \(UTC\+09:00\)/);
    await chooseSegment(browser, 'interaction-channel', 'Note');
    await typeInto(browser, 'interaction-date', '2026-11-20');
    await typeInto(browser, 'interaction-time', '09:30');
    const subject = 'Notes from the Tokyo office visit';
    await typeInto(browser, 'interaction-subject', subject);
    await shot(browser, 'engagement-log-time-zone.png');
    await saveLogDialog(browser);

    // Stored as the moment 00:30 UTC, shown as 09:30 in Tokyo.
    const entry = async () =>
      browser.execute((wanted) => {
        const found = [...document.querySelectorAll('[data-testid="timeline-entry"]')].find(
          (el) => el.querySelector('[data-testid="timeline-subject"]')?.textContent === wanted,
        );
        return found?.querySelector('[data-testid="timeline-meta"]')?.textContent ?? null;
      }, subject);
    await browser.waitUntil(async () => /\b9:30\b|\b09:30\b/.test((await entry()) ?? ''), {
      timeout: 20_000,
      timeoutMsg: `the note is not shown at 09:30 Tokyo time: ${await entry()}`,
    });
    const page = await invokeOk(browser, 'contact_timeline', {
      contactId: contact.id,
      query: { channels: ['note'], categories: [], directions: [], from: null, until: null, cursor: null, limit: 50 },
    });
    const stored = page.items.find((i) => i.subject === subject);
    assert.equal(new Date(stored.occurredAt).toISOString(), '2026-11-20T00:30:00.000Z');

    // In New York the same note was written the evening before.
    await chooseZone('New York', 'America / New York');
    await waitForContact(browser, contact.id);
    await browser.waitUntil(async () => /\b7:30\b|\b19:30\b/.test((await entry()) ?? ''), {
      timeout: 20_000,
      timeoutMsg: `the note is not shown at 19:30 New York time: ${await entry()}`,
    });
    assert.match((await entry()) ?? '', /\b19\b/, 'the evening of the 19th in New York');
    await $(browser, 'activity').scrollIntoView();
    await shot(browser, 'engagement-timeline-new-york.png');
  });

  it('raises a desktop notification for a follow-up that falls due', async () => {
    // Whatever the demo had due for the administrator is raised (and marked) first.
    await invokeOk(browser, 'e2e_raise_reminders');
    await openLogDialog(browser);
    await chooseSegment(browser, 'interaction-channel', 'Note');
    await typeInto(browser, 'interaction-subject', 'Engineers visit planned');
    await typeInto(browser, 'interaction-next-steps', DUE_NOW);
    await $(browser, 'interaction-follow-up').click();
    const today = await valueOf(browser, 'interaction-date');
    await typeInto(browser, 'follow-up-due-date', today);
    await typeInto(browser, 'follow-up-due-time', '00:00');
    await saveLogDialog(browser);
    await browser.waitUntil(async () => (await contactFollowUps(browser)).some((f) => f.title === DUE_NOW), {
      timeout: 20_000,
      timeoutMsg: 'the due follow-up is not listed',
    });

    const raised = await invokeOk(browser, 'e2e_raise_reminders');
    assert.ok(
      raised.some(([title, body]) => title === `Follow-up due: ${contact.name}` && body === DUE_NOW),
      `no notification for the due follow-up among ${JSON.stringify(raised.slice(-5))}`,
    );
  });

  it('shows My work and the escalation policy', async () => {
    await openMyWork(browser);
    await browser.waitUntil(
      async () => (await browser.execute(() => document.querySelectorAll('[data-testid="follow-up-title"]').length)) > 0,
      { timeoutMsg: 'My work lists no follow-up' },
    );
    await shot(browser, 'engagement-my-work.png');
    await setColorScheme(browser, 'dark');
    await shot(browser, 'engagement-my-work-dark.png');
    await setColorScheme(browser, 'light');

    await openAdmin(browser, 'escalation');
    await $(browser, 'escalation-policy').waitForDisplayed({ timeoutMsg: 'the escalation policy did not load' });
    assert.match(await valueOf(browser, 'escalation-unansweredAttempts'), /^\d+ attempts$/);
    await shot(browser, 'engagement-admin-escalation.png');
  });

  it("shows an escalation in the queue of the person who holds it now", async () => {
    await openMyWork(browser);
    await $(browser, 'non-responsive').waitForDisplayed();
    const overview = await escalations(browser, 'non-responsive');
    const target = overview.find((e) => e.holder === 'regional') ?? overview.find((e) => e.holder === 'territory');
    assert.ok(target, `no escalation held by a manager among ${overview.length}`);
    // Only the holder of the latest step has it in their own queue.
    const mine = await escalations(browser, 'my-escalations');
    assert.ok(!mine.some((e) => e.contact === target.contact), 'the administrator has the manager\'s escalation');

    await signOut(browser);
    await signIn(browser, target.holder);
    await openMyWork(browser);
    await browser.waitUntil(
      async () => (await escalations(browser, 'my-escalations')).some((e) => e.contact === target.contact),
      { timeout: 20_000, timeoutMsg: `${target.name}'s escalation is not in ${target.holder}'s My work` },
    );
    await shot(browser, `engagement-my-work-${target.holder}.png`);

    const rows = await browser.$$('[data-testid="my-escalations"] [data-testid="escalation"]');
    for (const row of rows) {
      if ((await row.getAttribute('data-contact')) === target.contact) {
        await row.$('[data-testid="escalation-resolve"]').click();
        break;
      }
    }
    await browser.waitUntil(
      async () => !(await escalations(browser, 'my-escalations')).some((e) => e.contact === target.contact),
      { timeout: 20_000, timeoutMsg: 'the resolved escalation stayed in the queue' },
    );
  });
});

/** Ctrl+Enter with the warning unacknowledged: the dialog stays open and says why. */
async function saveLogDialogExpectingConsent(browser) {
  await $(browser, 'interaction-subject').click();
  await browser.keys(['Control', 'Enter']);
  await browser.waitUntil(
    async () => /or change the channel/.test(await textOf(browser, "consent-warning")),
    { timeout: 10_000, timeoutMsg: 'saving without acknowledging the consent warning was not refused' },
  );
  assert.ok(await $(browser, 'log-interaction').isDisplayed(), 'the log dialog closed without the acknowledgement');
}
