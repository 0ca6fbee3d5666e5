import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../../ipc/app";
import { IpcError } from "../../../../ipc/client";
import { contactHistory, getContact } from "../../../../ipc/contacts";
import { makeAppInfo, makeContactDetail } from "../../../../test/fixtures";
import { renderApp } from "../../../../test/renderApp";
import { checkContact, getContactPolicy, listOwners, searchSites, updateContact } from "../ipc";
import { EditContactPage } from "./EditContactPage";

vi.mock("../ipc");
vi.mock("../../../../ipc/app");
vi.mock("../../../../ipc/contacts");

const routes = [
  { path: "/contacts/:id/edit", element: <EditContactPage /> },
  { path: "/contacts/:id", element: <div data-testid="detail-page" /> },
];

const stored = makeContactDetail({ approvalDate: "2020-01-20" });

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(getContact).mockResolvedValue(stored);
  vi.mocked(contactHistory).mockResolvedValue([]);
  vi.mocked(getContactPolicy).mockResolvedValue({ verificationDays: 90, archiveAfterDays: 365, retentionDays: 2190, smsEnabled: true });
  vi.mocked(listOwners).mockResolvedValue([{ username: "jsmith", displayName: "Jo Smith" }]);
  vi.mocked(searchSites).mockResolvedValue([]);
  vi.mocked(checkContact).mockResolvedValue({ problems: [], warnings: [], duplicates: [] });
  vi.mocked(updateContact).mockImplementation(async (id, _version, input) =>
    makeContactDetail({ id, jobTitle: input.jobTitle ?? null, version: stored.version + 1 }),
  );
});

/** Replaces a field's text as one paste (typing key by key through Mantine in jsdom is slow). */
async function replace(user: UserEvent, testId: string, text: string) {
  const field = screen.getByTestId(testId);
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

describe("EditContactPage", () => {
  it("shows every stored entry and saves the change against the loaded version", async () => {
    const { user, router } = renderApp("/contacts/42/edit", routes);
    await screen.findByTestId("contact-editor");
    // Both stored phones and emails, each with its type.
    expect(screen.getByTestId("field-phones.0.number")).toHaveValue("020 7946 0958");
    expect(screen.getByTestId("field-phones.0.extension")).toHaveValue("204");
    expect(screen.getByTestId("field-phones.1.number")).toHaveValue("+44 7700 900123");
    expect(screen.getByTestId("field-emails.1.address")).toHaveValue("maggie.w@acme.example");
    expect(screen.getByTestId("edit-save")).toBeDisabled();
    expect(screen.getByTestId("dirty-summary")).toHaveTextContent("No changes yet");
    // The stored site keeps its names and says where the contact is the primary contact.
    const site = screen.getByTestId("chosen-site");
    expect(site).toHaveTextContent("Canal Street HQ");
    expect(site).toHaveTextContent("Primary contact");
    expect(site).toHaveTextContent("Acme Corporation · London North territory · London");

    await replace(user, "field-jobTitle", "Director of Estates");
    expect(screen.getByTestId("dirty-summary")).toHaveTextContent("1 field changed:Job title");
    await user.click(screen.getByTestId("edit-save"));

    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/42"));
    const [id, version, input, justification] = vi.mocked(updateContact).mock.calls[0];
    expect([id, version, justification]).toEqual(["42", 7, null]);
    expect(input.jobTitle).toBe("Director of Estates");
    // What was not touched goes back as it was loaded.
    expect(input.phones).toEqual([
      { kind: "office", number: "020 7946 0958", country: "", extension: "204" },
      { kind: "mobile", number: "+44 7700 900123", country: "", extension: null },
    ]);
    expect(input.channelPreferences).toEqual(stored.channelPreferences);
  });

  it("asks for the justification of a significant change and sends it with the save", async () => {
    vi.mocked(updateContact).mockRejectedValueOnce(
      new IpcError({
        code: "justification_required",
        message: "This change needs a justification.",
        fields: [{ field: "authorityLevel", message: "is a significant field" }],
      }),
    );
    const { user, router } = renderApp("/contacts/42/edit", routes);
    await screen.findByTestId("contact-editor");
    await replace(user, "field-authorityLevel", "Approver");
    await user.click(screen.getByTestId("edit-save"));

    const modal = await screen.findByTestId("justification-modal");
    expect(modal).toHaveTextContent("Changing the authority level is a significant change.");
    await user.type(within(modal).getByTestId("justification-reason"), "Promoted");
    await user.type(within(modal).getByTestId("justification-approved-by"), "Chief executive");
    await user.click(within(modal).getByTestId("justification-submit"));

    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/42"));
    expect(updateContact).toHaveBeenCalledTimes(2);
    const [, , input, justification] = vi.mocked(updateContact).mock.calls[1];
    expect(input.authorityLevel).toBe("Approver");
    expect(justification).toMatchObject({ reason: "Promoted", approvedBy: "Chief executive" });
  });

  it("shows the core's problems beside their fields and keeps the form", async () => {
    vi.mocked(updateContact).mockRejectedValueOnce(
      new IpcError({
        code: "invalid_input",
        message: "The contact has problems.",
        fields: [{ field: "emails.1.address", message: "has two dots in a row in the domain" }],
      }),
    );
    const { user, router } = renderApp("/contacts/42/edit", routes);
    await screen.findByTestId("contact-editor");
    await replace(user, "field-emails.1.address", "maggie@acme..example");
    await user.click(screen.getByTestId("edit-save"));
    expect(await screen.findByText("Alternate email has two dots in a row in the domain")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/contacts/42/edit");
  });

  it("resolves a conflict: shows both sides, reapplies mine on the latest version, saves without losing theirs", async () => {
    const latest = makeContactDetail({ approvalDate: "2020-01-20", department: "Property", version: 8, updatedAt: "2025-03-15T10:00:00Z" });
    vi.mocked(getContact).mockResolvedValueOnce(stored).mockResolvedValue(latest);
    vi.mocked(contactHistory).mockResolvedValue([
      { at: "2025-03-15T10:00:00Z", username: "priya", action: "update", field: "department", before: "Estates", after: "Property" },
      { at: "2020-01-01T10:00:00Z", username: "old", action: "update", field: "notes", before: null, after: "x" },
    ]);
    vi.mocked(updateContact)
      .mockRejectedValueOnce(new IpcError({ code: "conflict", message: "Someone else saved it.", fields: [] }))
      .mockImplementationOnce(async (id, version, input) => makeContactDetail({ id, version: version + 1, jobTitle: input.jobTitle ?? null }));

    vi.mocked(listOwners).mockResolvedValue([{ username: "priya", displayName: "Priya Raman" }]);
    const { user, router } = renderApp("/contacts/42/edit", routes);
    await screen.findByTestId("contact-editor");
    await replace(user, "field-jobTitle", "Director of Estates");
    await user.click(screen.getByTestId("edit-save"));

    const panel = await screen.findByTestId("conflict-panel");
    // Named as people know each other, from the history's saves after the form was loaded.
    expect(panel).toHaveTextContent("Priya Raman saved this contact while you were editing");
    expect(panel).not.toHaveTextContent(/\bold\b/);
    expect(within(panel).getByTestId("conflict-theirs")).toHaveTextContent("Department: Estates → Property");
    expect(within(panel).getByTestId("conflict-mine")).toHaveTextContent("Job title: Head of Facilities → Director of Estates");
    expect(screen.getByTestId("edit-save")).toBeDisabled();

    await user.click(within(panel).getByTestId("conflict-reapply"));
    await waitFor(() => expect(screen.queryByTestId("conflict-panel")).toBeNull());
    expect(screen.getByTestId("field-department")).toHaveValue("Property");
    expect(screen.getByTestId("field-jobTitle")).toHaveValue("Director of Estates");
    expect(router.state.location.pathname).toBe("/contacts/42/edit");

    await user.click(screen.getByTestId("edit-save"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/42"));
    const [, version, input] = vi.mocked(updateContact).mock.calls[1];
    expect(version).toBe(8);
    expect(input.department).toBe("Property");
    expect(input.jobTitle).toBe("Director of Estates");
  });

  it("lets the user choose for a field both changed, and discard theirs", async () => {
    const latest = makeContactDetail({ approvalDate: "2020-01-20", jobTitle: "Chief Facilities Officer", version: 8 });
    vi.mocked(getContact).mockResolvedValueOnce(stored).mockResolvedValue(latest);
    vi.mocked(updateContact).mockRejectedValueOnce(new IpcError({ code: "conflict", message: "Stale.", fields: [] }));

    const { user } = renderApp("/contacts/42/edit", routes);
    await screen.findByTestId("contact-editor");
    await replace(user, "field-jobTitle", "Director of Estates");
    await user.click(screen.getByTestId("edit-save"));

    const panel = await screen.findByTestId("conflict-panel");
    expect(panel).toHaveTextContent("Someone else saved this contact while you were editing");
    expect(within(panel).getByTestId("conflict-choice-jobTitle")).toBeInTheDocument();
    // The field changed on both sides is highlighted in the form.
    expect(screen.getByTestId("field-jobTitle")).toHaveAttribute("data-conflicted", "true");

    await user.click(within(panel).getByTestId("conflict-discard"));
    await waitFor(() => expect(screen.queryByTestId("conflict-panel")).toBeNull());
    expect(screen.getByTestId("field-jobTitle")).toHaveValue("Chief Facilities Officer");
    expect(screen.getByTestId("edit-save")).toBeDisabled();
  });

  it("asks before leaving with unsaved changes", async () => {
    const { user, router } = renderApp("/contacts/42/edit", routes);
    await screen.findByTestId("contact-editor");
    await replace(user, "field-notes", "Changed");
    await user.click(screen.getByTestId("edit-cancel"));
    const modal = await screen.findByTestId("discard-changes-modal");
    await user.click(within(modal).getByTestId("confirm-button"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/42"));
  });
});
