import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ContactCheck, ContactInput, SiteOption } from "../../../../ipc/bindings";
import { appInfo } from "../../../../ipc/app";
import { makeAppInfo } from "../../../../test/fixtures";
import { renderApp } from "../../../../test/renderApp";
import {
  checkContact,
  createContact,
  discardContactDraft,
  getContactPolicy,
  listOwners,
  loadContactDraft,
  saveContactDraft,
  searchSites,
} from "../ipc";
import { forgetOwnDraft } from "../utils/draftSession";
import { NewContactPage } from "./NewContactPage";

vi.mock("../ipc");
vi.mock("../../../../ipc/app");

const routes = [
  { path: "/contacts", element: <div data-testid="list-page" /> },
  { path: "/contacts/new", element: <NewContactPage /> },
  { path: "/contacts/:id", element: <div data-testid="detail-page" /> },
];

const SITES: SiteOption[] = [
  {
    siteId: "11",
    siteName: "Canal Street HQ",
    accountId: "1",
    accountName: "Acme Corporation",
    accountKind: "business",
    territory: "London North",
    region: "London",
    city: "London",
    inScope: true,
  },
  {
    siteId: "12",
    siteName: "Harbour Depot",
    accountId: "1",
    accountName: "Acme Corporation",
    accountKind: "business",
    territory: "Scotland",
    region: "North",
    city: "Leith",
    inScope: false,
  },
];

/** The core's rules for the test: a last name is required, a business email needs a dotted domain. */
function verdict(input: ContactInput): ContactCheck {
  const problems = [];
  if (!input.lastName?.trim()) problems.push({ field: "lastName", message: "is required" });
  const email = input.emails?.[0]?.address ?? "";
  if (email && !/@.+\./.test(email)) {
    problems.push({ field: "emails.0.address", message: "needs a domain with a dot after the @, e.g. example.com" });
  }
  const duplicates =
    input.lastName === "Whitfield"
      ? [
          {
            id: "42",
            reference: "C-000042",
            displayName: "Margaret Whitfield",
            company: "Acme Corporation",
            score: 80,
            reasons: ["similar name at Acme Corporation"],
          },
        ]
      : [];
  return { problems, warnings: [], duplicates };
}

beforeEach(() => {
  forgetOwnDraft();
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(getContactPolicy).mockResolvedValue({ verificationDays: 90, archiveAfterDays: 365, retentionDays: 2190, smsEnabled: true });
  vi.mocked(loadContactDraft).mockResolvedValue(null);
  vi.mocked(saveContactDraft).mockResolvedValue();
  vi.mocked(discardContactDraft).mockResolvedValue();
  vi.mocked(listOwners).mockResolvedValue([{ username: "admin", displayName: "Sam Okafor" }]);
  vi.mocked(searchSites).mockResolvedValue(SITES);
  vi.mocked(checkContact).mockImplementation(async (input) => verdict(input));
  vi.mocked(createContact).mockResolvedValue({ id: "77", reference: "C-000077", warnings: [] });
});

/** Types into a field as one paste (typing key by key through Mantine in jsdom is slow). */
async function fill(user: UserEvent, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function stepTitle() {
  return (await screen.findByTestId("wizard-step-title")).textContent;
}

describe("NewContactPage", () => {
  it("walks through the five steps, keeps a step until its problem is fixed, and shows the new reference", async () => {
    const { user, router } = renderApp("/contacts/new", routes);

    // Step 1: the type cards are a radio group; arrows choose, the chosen card has the focus.
    const primary = await screen.findByTestId("contact-type-primary");
    await waitFor(() => expect(primary).toHaveFocus());
    await user.keyboard("{ArrowRight}");
    expect(screen.getByTestId("contact-type-billing")).toHaveAttribute("aria-checked", "true");
    expect(screen.getByTestId("contact-type-billing")).toHaveFocus();
    await user.click(screen.getByTestId("wizard-next"));

    // Step 2: the first field has the focus; a bad email is refused beside its field.
    await waitFor(async () => expect(await stepTitle()).toBe("2. Basic information"));
    await waitFor(() => expect(screen.getByTestId("field-salutation")).toHaveFocus());
    await fill(user, screen.getByTestId("field-firstName"), "Anna");
    await fill(user, screen.getByTestId("field-lastName"), "Kowalski");
    await fill(user, screen.getByTestId("field-emails.0.address"), "anna@example");
    await user.click(screen.getByTestId("wizard-next"));
    expect(
      await screen.findByText("Business email needs a domain with a dot after the @, e.g. example.com"),
    ).toBeInTheDocument();
    expect(await stepTitle()).toBe("2. Basic information");
    await waitFor(() => expect(screen.getByTestId("field-emails.0.address")).toHaveFocus());

    // Fixing it clears the message; Enter moves on.
    await fill(user, screen.getByTestId("field-emails.0.address"), ".com");
    expect(screen.queryByText(/needs a domain with a dot/)).toBeNull();
    await user.keyboard("{Enter}");

    // Step 3: the email ticked its notification (not its consent).
    await waitFor(async () => expect(await stepTitle()).toBe("3. Preferences"));
    expect(screen.getByTestId("channel-email-notify")).toBeChecked();
    expect(screen.getByTestId("channel-email-consent")).not.toBeChecked();
    expect(screen.getByTestId("channel-sms-notify")).not.toBeChecked();
    await user.click(screen.getByTestId("wizard-next"));

    // Step 4: a site outside the user's territory cannot be added; one inside can.
    await waitFor(async () => expect(await stepTitle()).toBe("4. Site association"));
    const results = await screen.findAllByTestId("site-result");
    expect(results[1]).toBeDisabled();
    expect(results[1]).toHaveTextContent("Outside your territory");
    await user.click(results[0]);
    const chosen = await screen.findByTestId("chosen-site");
    expect(chosen).toHaveTextContent("Canal Street HQ");
    expect(chosen).toHaveTextContent("Acme Corporation · London North territory · London");
    await user.click(screen.getByTestId("wizard-next"));

    // Step 5: everything entered, the verdict, and Create.
    await waitFor(async () => expect(await stepTitle()).toBe("5. Review and create"));
    const basic = screen.getByTestId("review-basic");
    expect(basic).toHaveTextContent("Kowalski");
    expect(basic).toHaveTextContent("anna@example.com (business)");
    expect(screen.getByTestId("review-type")).toHaveTextContent("Billing");
    expect(screen.getByTestId("review-sites")).toHaveTextContent("Canal Street HQ (Acme Corporation) as operations");
    expect(await screen.findByTestId("review-ok")).toBeInTheDocument();
    await fill(user, screen.getByTestId("field-approvalSource"), "Email from the customer");
    await user.click(screen.getByTestId("wizard-create"));

    expect(await screen.findByTestId("created-reference")).toHaveTextContent("C-000077");
    const sent = vi.mocked(createContact).mock.calls[0][0];
    expect(sent).toMatchObject({
      contactType: "billing",
      firstName: "Anna",
      lastName: "Kowalski",
      owner: "admin",
      approvalSource: "Email from the customer",
      sites: [{ siteId: "11", role: "operations", authorityLimit: null }],
    });
    expect(sent.emails?.[0]).toEqual({ kind: "business", address: "anna@example.com" });
    expect(sent.channelPreferences).toEqual([{ channel: "email", notify: true, consent: false }]);

    await user.click(screen.getByTestId("created-open"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/77"));
  }, 120_000);

  it("warns about a possible duplicate while the name is typed", async () => {
    const { user } = renderApp("/contacts/new", routes);
    await user.click(await screen.findByTestId("wizard-next"));
    await fill(user, await screen.findByTestId("field-lastName"), "Whitfield");
    const notice = await screen.findByTestId("duplicate-notice");
    expect(notice).toHaveTextContent("Margaret Whitfield");
    expect(notice).toHaveTextContent("similar name at Acme Corporation (80%)");
    expect(within(notice).getByRole("link", { name: "Margaret Whitfield" })).toHaveAttribute("href", "/contacts/42");
  });

  it("moves with Alt+arrows and blocks Next on the step's own problem only", async () => {
    const { user } = renderApp("/contacts/new", routes);
    await screen.findByTestId("contact-type-primary");
    // Leaving the type step: the missing last name belongs to the next step, so it does not block.
    fireEvent.keyDown(window, { key: "ArrowRight", altKey: true });
    await waitFor(async () => expect(await stepTitle()).toBe("2. Basic information"));
    fireEvent.keyDown(window, { key: "ArrowRight", altKey: true });
    expect(await screen.findByText("Last name is required")).toBeInTheDocument();
    expect(await stepTitle()).toBe("2. Basic information");
    fireEvent.keyDown(window, { key: "ArrowLeft", altKey: true });
    await waitFor(async () => expect(await stepTitle()).toBe("1. Contact type"));

    // "Other" needs its description: the core's message shows beside the field and the step stays.
    await user.click(screen.getByTestId("contact-type-other"));
    vi.mocked(checkContact).mockResolvedValueOnce({
      problems: [{ field: "contactTypeOther", message: "describe what kind of contact this is" }],
      warnings: [],
      duplicates: [],
    });
    await user.click(screen.getByTestId("wizard-next"));
    expect(await screen.findByText("Describe what kind of contact this is")).toBeInTheDocument();
    expect(await stepTitle()).toBe("1. Contact type");
    await fill(user, screen.getByTestId("field-contactTypeOther"), "Auditor");
    await user.click(screen.getByTestId("wizard-next"));
    await waitFor(async () => expect(await stepTitle()).toBe("2. Basic information"));
  });

  it("offers a draft from an earlier session and resumes it at its step", async () => {
    vi.mocked(loadContactDraft).mockResolvedValue({
      step: 2,
      input: { firstName: "Jan", lastName: "Novak", emails: [{ kind: "business", address: "jan@novak.cz" }] },
      updatedAt: "2025-03-14T09:30:00Z",
    });
    const { user } = renderApp("/contacts/new", routes);
    const prompt = await screen.findByTestId("draft-prompt");
    expect(prompt).toHaveTextContent("Jan Novak");
    expect(prompt).toHaveTextContent("Preferences");
    await user.click(screen.getByTestId("draft-resume"));
    await waitFor(async () => expect(await stepTitle()).toBe("3. Preferences"));
    // The stored email is not a new entry: its notification is not ticked for the user.
    expect(screen.getByTestId("channel-email-notify")).not.toBeChecked();
    await user.click(screen.getByTestId("wizard-back"));
    expect(await screen.findByTestId("field-lastName")).toHaveValue("Novak");
    expect(discardContactDraft).not.toHaveBeenCalled();
  });

  it("starts over by discarding the draft", async () => {
    vi.mocked(loadContactDraft).mockResolvedValue({ step: 1, input: { lastName: "Novak" }, updatedAt: null });
    const { user } = renderApp("/contacts/new", routes);
    await user.click(await screen.findByTestId("draft-start-over"));
    await waitFor(async () => expect(await stepTitle()).toBe("1. Contact type"));
    expect(discardContactDraft).toHaveBeenCalledTimes(1);
  });

  it("keeps the draft as the user types and asks before discarding it on Cancel", async () => {
    const { user, router } = renderApp("/contacts/new", routes);
    await user.click(await screen.findByTestId("wizard-next"));
    await fill(user, await screen.findByTestId("field-lastName"), "Novak");
    await waitFor(() =>
      expect(saveContactDraft).toHaveBeenLastCalledWith(1, expect.objectContaining({ lastName: "Novak" })),
    );
    await user.click(screen.getByTestId("wizard-cancel"));
    const modal = await screen.findByTestId("cancel-wizard-modal");
    expect(within(modal).getByTestId("cancel-keep-editing")).toHaveFocus();
    await user.click(within(modal).getByTestId("cancel-discard"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts"));
    expect(discardContactDraft).toHaveBeenCalledTimes(1);
  });
});
