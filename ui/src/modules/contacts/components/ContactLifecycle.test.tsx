import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { ContactSite } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { contactHistory, getContact } from "../../../ipc/contacts";
import { makeAppInfo, makeContactDetail, makeSession, makeUser } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { ContactDetailPage } from "./ContactDetailPage";
import {
  archiveContact,
  deactivateContact,
  erasePerson,
  searchSites,
  setPrimaryContact,
  verifyContact,
} from "../hooks/lifecycleIpc";

vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/app");
vi.mock("../hooks/lifecycleIpc");

const depot: ContactSite = {
  siteId: "s2",
  siteName: "Harbour Road Depot",
  accountId: "a1",
  accountName: "Acme Corporation",
  territory: "London North",
  region: "London",
  role: "operations",
  isPrimary: false,
  authorityLimit: null,
};

const home: ContactSite = {
  ...depot,
  siteId: "s9",
  siteName: "Home",
  accountId: "a9",
  accountName: "The Whitfield Household",
};

function signedInAs(role: "site_admin" | "territory_manager") {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ session: makeSession({ user: makeUser({ role }) }) }));
}

beforeEach(() => {
  signedInAs("site_admin");
  vi.mocked(getContact).mockResolvedValue(makeContactDetail());
  vi.mocked(contactHistory).mockResolvedValue([]);
  vi.mocked(searchSites).mockResolvedValue([]);
});

async function openAction(user: ReturnType<typeof renderApp>["user"], testId: string) {
  await user.click(await screen.findByTestId("contact-actions"));
  await user.click(await screen.findByTestId(testId));
}

describe("Actions on a contact", () => {
  it("offers Edit and, by keyboard, the actions of a site administrator", async () => {
    const { user } = renderApp("/contacts/42");
    expect(await screen.findByTestId("contact-edit")).toHaveAttribute("href", "/contacts/42/edit");
    const actions = await screen.findByTestId("contact-actions");
    actions.focus();
    await user.keyboard("{Enter}");
    const menu = await screen.findByRole("menu");
    const names = within(menu)
      .getAllByRole("menuitem")
      .map((item) => item.textContent);
    expect(names).toEqual(["Verify details…", "Deactivate…", "Archive…", "Export personal data…", "Erase personal data…"]);
    await user.keyboard("{ArrowDown}");
    if (document.activeElement?.textContent !== "Verify details…") await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toHaveTextContent("Verify details…");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toHaveTextContent("Deactivate…");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("status-modal-deactivate")).toBeInTheDocument();
  });

  it("does not offer erasure to a territory manager", async () => {
    signedInAs("territory_manager");
    const { user } = renderApp("/contacts/42");
    await user.click(await screen.findByTestId("contact-actions"));
    await screen.findByTestId("action-deactivate");
    expect(screen.queryByTestId("action-erase")).toBeNull();
  });

  it("deactivates with a required reason and reloads the contact", async () => {
    vi.mocked(deactivateContact).mockResolvedValue(null);
    const { user } = renderApp("/contacts/42");
    await openAction(user, "action-deactivate");
    const dialog = await screen.findByTestId("status-modal-deactivate");
    expect(dialog).toHaveTextContent("gives up every primary contact role");
    expect(dialog).toHaveTextContent("It stops being the primary contact of Canal Street HQ (Acme Corporation)");

    await user.click(within(dialog).getByTestId("status-submit"));
    expect(within(dialog).getByTestId("status-reason")).toHaveAccessibleDescription(
      expect.stringContaining("Enter the reason"),
    );
    expect(deactivateContact).not.toHaveBeenCalled();

    vi.mocked(getContact).mockResolvedValue(
      makeContactDetail({ status: "inactive", statusReason: "Left the company", statusChangedAt: "2025-04-02T10:00:00Z" }),
    );
    await user.type(within(dialog).getByTestId("status-reason"), "  Left the company ");
    await user.click(within(dialog).getByTestId("status-submit"));
    await waitFor(() => expect(deactivateContact).toHaveBeenCalledWith("42", "Left the company"));
    const banner = await screen.findByTestId("status-banner");
    expect(banner).toHaveTextContent("Inactive since");
    expect(banner).toHaveTextContent("Reason: Left the company");
    expect(screen.queryByTestId("status-modal-deactivate")).toBeNull();
  });

  it("takes a manager who archives a contact back to the list, since they can no longer see it", async () => {
    signedInAs("territory_manager");
    vi.mocked(archiveContact).mockImplementation(async () => {
      vi.mocked(getContact).mockRejectedValue(new IpcError({ code: "not_found", message: "No contact 42.", fields: [] }));
      return null;
    });
    const { user } = renderApp("/contacts/42", [
      { path: "/contacts", element: <div data-testid="the-list" /> },
      { path: "/contacts/:id", element: <ContactDetailPage /> },
    ]);
    await openAction(user, "action-archive");
    const dialog = await screen.findByTestId("status-modal-archive");
    expect(dialog).toHaveTextContent("You will no longer see this contact once it is archived");
    await user.type(within(dialog).getByTestId("status-reason"), "Company closed");
    await user.click(within(dialog).getByTestId("status-submit"));
    expect(await screen.findByTestId("the-list")).toBeInTheDocument();
    expect(archiveContact).toHaveBeenCalledWith("42", "Company closed");
  });

  it("shows the core's problem with the reason next to the field", async () => {
    vi.mocked(deactivateContact).mockRejectedValue(
      new IpcError({
        code: "invalid_input",
        message: "reason: is longer than 2000 characters",
        fields: [{ field: "reason", message: "is longer than 2000 characters" }],
      }),
    );
    const { user } = renderApp("/contacts/42");
    await openAction(user, "action-deactivate");
    const dialog = await screen.findByTestId("status-modal-deactivate");
    await user.type(within(dialog).getByTestId("status-reason"), "x");
    await user.click(within(dialog).getByTestId("status-submit"));
    await waitFor(() =>
      expect(within(dialog).getByTestId("status-reason")).toHaveAccessibleDescription(
        expect.stringContaining("Reason is longer than 2000 characters"),
      ),
    );
  });

  it("sets a primary contact: site, typed confirmation, then the justification the core asks for", async () => {
    vi.mocked(getContact).mockResolvedValue(makeContactDetail({ sites: [{ ...depot, siteId: "s1", isPrimary: true }, depot, home] }));
    vi.mocked(searchSites).mockImplementation(async (query) =>
      query === "The Whitfield Household"
        ? [{ ...home, accountKind: "private", city: "London", inScope: true }]
        : [{ ...depot, accountKind: "business", city: "London", inScope: true }],
    );
    vi.mocked(setPrimaryContact)
      .mockRejectedValueOnce(
        new IpcError({
          code: "justification_required",
          message: "Changing primary is a significant change",
          fields: [{ field: "primary", message: "is a significant change" }],
        }),
      )
      .mockRejectedValueOnce(
        new IpcError({
          code: "invalid_input",
          message: "2 fields need attention.",
          fields: [{ field: "justification.approvedBy", message: "is required" }],
        }),
      )
      .mockResolvedValueOnce(null);
    const { user } = renderApp("/contacts/42");
    await openAction(user, "action-primary");
    const dialog = await screen.findByTestId("primary-modal");
    await within(dialog).findByText(/Private customer: the primary contact of the whole account/);
    const options = within(dialog).getAllByTestId("primary-site-option");
    expect(options[0]).toBeDisabled();

    await user.click(within(dialog).getByTestId("primary-submit"));
    expect(within(dialog).getByTestId("primary-confirmation")).toHaveAccessibleDescription(
      expect.stringContaining("Type the word primary to confirm"),
    );

    await user.click(options[1]);
    await user.type(within(dialog).getByTestId("primary-confirmation"), "Primary");
    await user.click(within(dialog).getByTestId("primary-submit"));
    await waitFor(() => expect(setPrimaryContact).toHaveBeenCalledWith("42", "s2", "Primary", null));

    const justification = await screen.findByTestId("justification-modal");
    expect(justification).toHaveTextContent("Changing the primary contact is a significant change");
    expect(within(justification).queryByRole("alert")).toBeNull();
    await user.type(within(justification).getByTestId("justification-reason"), "Takes over the depot");
    await user.type(within(justification).getByTestId("justification-approved-by"), "x");
    await user.click(within(justification).getByTestId("justification-submit"));
    await waitFor(() =>
      expect(within(justification).getByTestId("justification-approved-by")).toHaveAccessibleDescription(
        expect.stringContaining("Approved by is required"),
      ),
    );

    await user.clear(within(justification).getByTestId("justification-approved-by"));
    await user.type(within(justification).getByTestId("justification-approved-by"), "J. Ortiz, COO");
    await user.click(within(justification).getByTestId("justification-submit"));
    await waitFor(() =>
      expect(setPrimaryContact).toHaveBeenLastCalledWith("42", "s2", "Primary", {
        reason: "Takes over the depot",
        approvedBy: "J. Ortiz, COO",
        approvedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    );
    await waitFor(() => expect(screen.queryByTestId("justification-modal")).toBeNull());
    expect(screen.queryByTestId("primary-modal")).toBeNull();
  });

  it("starts from the site picked in the Sites card", async () => {
    vi.mocked(getContact).mockResolvedValue(makeContactDetail({ sites: [depot] }));
    const { user } = renderApp("/contacts/42");
    await user.click(await screen.findByTestId("site-set-primary"));
    const dialog = await screen.findByTestId("primary-modal");
    expect(within(dialog).getByRole("radio", { checked: true })).toHaveAttribute("data-site-id", "s2");
  });

  it("verifies with the method and date chosen", async () => {
    vi.mocked(verifyContact).mockResolvedValue(null);
    vi.mocked(getContact).mockResolvedValue(
      makeContactDetail({ findings: [{ code: "verification_stale", field: null, message: "Last verified 400 days ago." }] }),
    );
    const { user } = renderApp("/contacts/42");
    const findings = await screen.findByTestId("card-findings");
    await user.click(await within(findings).findByTestId("finding-fix"));
    const dialog = await screen.findByTestId("verify-modal");
    await user.click(within(dialog).getByLabelText("Other"));
    await user.click(within(dialog).getByTestId("verify-submit"));
    expect(within(dialog).getByTestId("verify-method-other-text")).toHaveAccessibleDescription(
      expect.stringContaining("Describe how the details were confirmed"),
    );
    await user.type(within(dialog).getByTestId("verify-method-other-text"), "Confirmed by their assistant");
    const date = within(dialog).getByTestId("verify-date");
    await user.clear(date);
    await user.type(date, "2025-03-01");
    await user.click(within(dialog).getByTestId("verify-submit"));
    await waitFor(() =>
      expect(verifyContact).toHaveBeenCalledWith("42", { method: "Confirmed by their assistant", verifiedOn: "2025-03-01" }),
    );
  });

  it("erases only with the reference typed, then reports what was erased over the tombstone", async () => {
    vi.mocked(erasePerson).mockResolvedValue({ reference: "C-000042", payloadsErased: 17 });
    const { user } = renderApp("/contacts/42");
    await openAction(user, "action-erase");
    const dialog = await screen.findByTestId("erase-modal");
    expect(dialog).toHaveTextContent("This cannot be undone");
    await user.type(within(dialog).getByTestId("erase-confirmation"), "C-000024");
    await user.click(within(dialog).getByTestId("erase-submit"));
    expect(within(dialog).getByTestId("erase-confirmation")).toHaveAccessibleDescription(
      expect.stringContaining("Type C-000042 exactly to confirm"),
    );
    expect(erasePerson).not.toHaveBeenCalled();

    vi.mocked(getContact).mockResolvedValue(
      makeContactDetail({ erased: true, displayName: "Erased person", updatedAt: "2025-05-06T09:00:00Z" }),
    );
    await user.clear(within(dialog).getByTestId("erase-confirmation"));
    await user.type(within(dialog).getByTestId("erase-confirmation"), "c-000042");
    await user.click(within(dialog).getByTestId("erase-submit"));
    await waitFor(() => expect(erasePerson).toHaveBeenCalledWith("42", "c-000042"));
    const report = await screen.findByTestId("erase-report");
    expect(report).toHaveTextContent("The personal data of Dr. Margaret Ann Whitfield has been erased");
    expect(report).toHaveTextContent("17 recorded values were removed");
    expect(await screen.findByTestId("contact-erased")).toBeInTheDocument();
  });
});

describe("The contact page", () => {
  it("shows an erased person's tombstone with only the reference and the erasure date", async () => {
    vi.mocked(getContact).mockResolvedValue(
      makeContactDetail({ erased: true, reference: "C-000042", updatedAt: "2025-05-06T09:00:00Z" }),
    );
    renderApp("/contacts/42");
    const tombstone = await screen.findByTestId("contact-erased");
    expect(screen.getByTestId("contact-name")).toHaveTextContent("Erased person");
    expect(tombstone).toHaveTextContent("C-000042");
    expect(screen.getByTestId("contact-erased-on")).toHaveTextContent(
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date("2025-05-06T09:00:00Z")),
    );
    expect(screen.queryByText(/Whitfield/)).toBeNull();
    expect(screen.queryByTestId("contact-actions")).toBeNull();
    expect(screen.queryByTestId("card-sites")).toBeNull();
  });

  it("shows why an archived contact is archived, with Reactivate for an administrator", async () => {
    vi.mocked(getContact).mockResolvedValue(
      makeContactDetail({ status: "archived", statusReason: "Company closed", statusChangedAt: "2025-02-01T12:00:00Z" }),
    );
    const { user } = renderApp("/contacts/42");
    const banner = await screen.findByTestId("status-banner");
    expect(banner).toHaveTextContent("Archived since");
    expect(banner).toHaveTextContent("Only site administrators can see this contact");
    expect(banner).toHaveTextContent("Reason: Company closed");
    await user.click(await within(banner).findByTestId("status-banner-reactivate"));
    expect(await screen.findByTestId("status-modal-reactivate")).toBeInTheDocument();
  });

  it("links each finding to the field that fixes it, and lists approvals", async () => {
    vi.mocked(getContact).mockResolvedValue(
      makeContactDetail({
        findings: [{ code: "invalid_email", field: "emails.1.address", message: "maggie.w@acme is not a valid address." }],
        approvals: [
          {
            fields: ["approvalLimit", "sites"],
            justification: "New budget year",
            approvedBy: "J. Ortiz",
            approvedOn: "2025-01-02",
            recordedBy: "admin",
            recordedAt: "2025-01-03T10:00:00Z",
          },
        ],
      }),
    );
    renderApp("/contacts/42");
    const finding = await screen.findByTestId("finding");
    expect(finding).toHaveTextContent("maggie.w@acme is not a valid address.");
    expect(await within(finding).findByRole("link", { name: /fix/i })).toHaveAttribute(
      "href",
      "/contacts/42/edit?field=emails.1.address",
    );
    const approval = screen.getByTestId("approval");
    expect(approval).toHaveTextContent("Approval limit");
    expect(approval).toHaveTextContent("Sites and roles");
    expect(approval).toHaveTextContent("New budget year");
    expect(approval).toHaveTextContent("Approved by J. Ortiz on");
  });

  it("offers no fixes or actions beyond export to a user who cannot edit", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({
        session: makeSession({
          user: makeUser({ role: "billing_admin", permissions: [{ action: "view_contacts", reach: "scope" }] }),
        }),
      }),
    );
    vi.mocked(getContact).mockResolvedValue(
      makeContactDetail({ findings: [{ code: "missing_last_name", field: "lastName", message: "No last name." }] }),
    );
    const { user } = renderApp("/contacts/42");
    await screen.findByTestId("finding");
    await user.click(await screen.findByTestId("contact-actions"));
    expect(screen.queryByTestId("finding-fix")).toBeNull();
    expect(screen.queryByTestId("contact-edit")).toBeNull();
    expect(within(await screen.findByRole("menu")).getAllByRole("menuitem")).toHaveLength(1);
  });
});
