import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import { IpcError } from "../../../ipc/client";
import { makeAppInfo } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { erasePerson, getContactPolicy, listErasureDue, saveContactPolicy } from "../../contacts/hooks/lifecycleIpc";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/app");
vi.mock("../../contacts/hooks/lifecycleIpc");

const routes = [adminRoute("/admin")];
const POLICY = { verificationDays: 90, archiveAfterDays: 365, retentionDays: 2190, smsEnabled: false };

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(getContactPolicy).mockResolvedValue(POLICY);
  vi.mocked(saveContactPolicy).mockResolvedValue(null);
  vi.mocked(listErasureDue).mockResolvedValue([]);
});

async function replace(user: ReturnType<typeof renderApp>["user"], testId: string, text: string) {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  await user.click(input);
  if (text) await user.paste(text);
  return input;
}

describe("Administration → Contacts", () => {
  it("shows the policy with its periods in words, and an empty erasure list", async () => {
    renderApp("/admin/contacts", routes);
    expect(await screen.findByTestId("contact-policy-retentionDays")).toHaveValue("2190");
    expect(screen.getByTestId("contact-policy-retentionDays-hint")).toHaveTextContent("About 6 years.");
    expect(screen.getByTestId("contact-policy-verificationDays-hint")).toHaveTextContent("About 3 months.");
    expect(screen.getByTestId("admin-tab-contacts")).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByTestId("erasure-due-empty")).toHaveTextContent("No one is due for erasure");
  });

  it("refuses values out of range before saving, and saves 0 as never archiving", async () => {
    const { user } = renderApp("/admin/contacts", routes);
    await screen.findByTestId("contact-policy-verificationDays");
    const verification = await replace(user, "contact-policy-verificationDays", "0");
    const retention = await replace(user, "contact-policy-retentionDays", "");
    await user.click(screen.getByTestId("contact-policy-save"));
    expect(verification).toHaveAccessibleDescription(expect.stringContaining("Must be between 1 and 3650 days"));
    expect(retention).toHaveAccessibleDescription(expect.stringContaining("Enter a whole number of days from 1 to 36500"));
    expect(saveContactPolicy).not.toHaveBeenCalled();

    await replace(user, "contact-policy-verificationDays", "180");
    await replace(user, "contact-policy-retentionDays", "3650");
    await replace(user, "contact-policy-archiveAfterDays", "0");
    expect(screen.getByTestId("contact-policy-archiveAfterDays-hint")).toHaveTextContent("Never archived automatically.");
    await user.click(screen.getByTestId("contact-policy-smsEnabled"));
    await user.click(screen.getByTestId("contact-policy-save"));
    await waitFor(() =>
      expect(saveContactPolicy).toHaveBeenCalledWith({
        verificationDays: 180,
        archiveAfterDays: 0,
        retentionDays: 3650,
        smsEnabled: true,
      }),
    );
  });

  it("shows the core's problem next to its field", async () => {
    vi.mocked(saveContactPolicy).mockRejectedValueOnce(
      new IpcError({
        code: "invalid_input",
        message: "retentionDays: must be between 1 and 36500 days",
        fields: [{ field: "retentionDays", message: "must be between 1 and 36500 days" }],
      }),
    );
    const { user } = renderApp("/admin/contacts", routes);
    await screen.findByTestId("contact-policy-retentionDays");
    const retention = await replace(user, "contact-policy-retentionDays", "400");
    await user.click(screen.getByTestId("contact-policy-save"));
    await waitFor(() =>
      expect(retention).toHaveAccessibleDescription(
        expect.stringContaining("Retention period must be between 1 and 36500 days"),
      ),
    );
  });

  it("lists contacts due for erasure and erases one with its reference typed", async () => {
    vi.mocked(listErasureDue).mockResolvedValue([
      {
        id: "7",
        reference: "C-000007",
        displayName: "Ingrid Solberg-Hansen",
        archivedAt: "2018-03-01T10:00:00Z",
        dueSince: "2024-03-01T10:00:00Z",
      },
    ]);
    vi.mocked(erasePerson).mockResolvedValue({ reference: "C-000007", payloadsErased: 1 });
    const { user } = renderApp("/admin/contacts", routes);
    const row = await screen.findByTestId("erasure-due-row");
    expect(row).toHaveTextContent("C-000007");
    expect(within(row).getByRole("link", { name: "Ingrid Solberg-Hansen" })).toHaveAttribute("href", "/contacts/7");

    vi.mocked(listErasureDue).mockResolvedValue([]);
    await user.click(within(row).getByTestId("erasure-due-erase"));
    const dialog = await screen.findByTestId("erase-modal");
    await user.type(within(dialog).getByTestId("erase-confirmation"), "C-000007");
    await user.click(within(dialog).getByTestId("erase-submit"));
    await waitFor(() => expect(erasePerson).toHaveBeenCalledWith("7", "C-000007"));
    expect(await screen.findByTestId("erase-payloads")).toHaveTextContent("1 recorded value was removed");
    await user.click(screen.getByTestId("erase-close"));
    expect(await screen.findByTestId("erasure-due-empty")).toBeInTheDocument();
  });
});
