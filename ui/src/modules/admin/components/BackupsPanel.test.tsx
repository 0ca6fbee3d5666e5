import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createBackup, listBackups, restoreBackup, showRecoveryKey } from "../../../ipc/admin";
import { appInfo } from "../../../ipc/app";
import type { AppInfo } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { queryKeys } from "../../../ipc/queryKeys";
import { makeBackup } from "../../../test/adminFixtures";
import { makeAppInfo } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { renderGate } from "../../../test/renderGate";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/admin");
vi.mock("../../../ipc/app");
vi.mock("../../../ipc/session");

const routes = [adminRoute("/admin")];
const older = makeBackup({ name: "rapport-2026-11-18.rapport-backup", createdAt: "2026-11-18T09:30:00Z", bytes: 2048 });
const newer = makeBackup({ name: "rapport-2026-11-20.rapport-backup", createdAt: "2026-11-20T09:30:00Z", bytes: null });

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listBackups).mockResolvedValue([older, newer]);
});

describe("Backups", () => {
  it("lists backups newest first with their size", async () => {
    renderApp("/admin/backups", routes);
    const rows = await screen.findAllByTestId("backup-row");
    expect(rows[0]).toHaveTextContent("rapport-2026-11-20.rapport-backup");
    expect(rows[0]).toHaveTextContent("—");
    expect(rows[1]).toHaveTextContent(`${new Intl.NumberFormat(undefined, { minimumFractionDigits: 1 }).format(2)} KB`);
  });

  it("offers the first backup when there is none", async () => {
    vi.mocked(listBackups).mockResolvedValue([]);
    vi.mocked(createBackup).mockResolvedValue(newer);
    const { user } = renderApp("/admin/backups", routes);
    expect(await screen.findByTestId("backups-empty")).toHaveTextContent("No backups yet");

    vi.mocked(listBackups).mockResolvedValue([newer]);
    await user.click(screen.getByTestId("backup-now"));
    expect(await screen.findByTestId("backup-row")).toHaveTextContent(newer.name);
    expect(createBackup).toHaveBeenCalledTimes(1);
  });

  it("restores only after a confirmation that explains the consequences, then returns to sign-in", async () => {
    const signedOut: AppInfo = makeAppInfo({ screen: "sign_in", session: null });
    vi.mocked(restoreBackup).mockResolvedValue(signedOut);
    // The whole window, start gate included: after a restore it shows the sign-in screen.
    const { user, queryClient } = renderGate("/admin/backups");
    const rows = await screen.findAllByTestId("backup-row");

    // Cancel changes nothing.
    await user.click(within(rows[1]).getByTestId("backup-restore"));
    let dialog = await screen.findByRole("dialog", { name: "Restore this backup?" });
    expect(dialog).toHaveTextContent(older.name);
    expect(dialog).toHaveTextContent("Everyone is signed out");
    expect(dialog).toHaveTextContent("The current database is not deleted: it is kept beside the restored one");
    // The safe choice has the focus.
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(restoreBackup).not.toHaveBeenCalled();

    vi.mocked(appInfo).mockResolvedValue(signedOut);
    await user.click(within(rows[1]).getByTestId("backup-restore"));
    dialog = await screen.findByRole("dialog", { name: "Restore this backup?" });
    await user.click(within(dialog).getByRole("button", { name: "Restore and sign everyone out" }));

    expect(await screen.findByTestId("sign-in-form")).toBeInTheDocument();
    expect(restoreBackup).toHaveBeenCalledWith(older.name);
    expect(screen.queryByTestId("admin-page")).toBeNull();
    // Nothing read from the replaced database stays cached.
    await waitFor(() => expect(queryClient.getQueryData(queryKeys.listBackups())).toBeUndefined());
  });

  it("keeps the dialog open with the reason when a restore is refused", async () => {
    vi.mocked(restoreBackup).mockRejectedValue(
      new IpcError({ code: "unavailable", message: "The backup's audit trail does not verify.", fields: [] }),
    );
    const { user } = renderApp("/admin/backups", routes);
    const rows = await screen.findAllByTestId("backup-row");
    await user.click(within(rows[0]).getByTestId("backup-restore"));
    const dialog = await screen.findByRole("dialog", { name: "Restore this backup?" });
    await user.click(within(dialog).getByRole("button", { name: "Restore and sign everyone out" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("The backup's audit trail does not verify.");
  });

  it("shows the recovery key after the administrator's password, with a warning", async () => {
    vi.mocked(showRecoveryKey)
      .mockRejectedValueOnce(new IpcError({ code: "sign_in_refused", message: "That password is not right.", fields: [] }))
      .mockResolvedValueOnce("RK-ABCD-EFGH-IJKL-MNOP");
    const { user } = renderApp("/admin/backups", routes);
    await user.click(await screen.findByTestId("recovery-key-open"));

    const password = await screen.findByTestId("recovery-key-password");
    await user.click(password);
    await user.paste("wrong one");
    await user.click(screen.getByTestId("recovery-key-show"));
    await waitFor(() => expect(password).toHaveAccessibleDescription("That password is not right."));
    expect(screen.queryByTestId("recovery-key-value")).toBeNull();

    await user.click(password);
    await user.paste("!");
    await user.click(screen.getByTestId("recovery-key-show"));
    expect(await screen.findByTestId("recovery-key-value")).toHaveTextContent("RK-ABCD-EFGH-IJKL-MNOP");
    expect(showRecoveryKey).toHaveBeenLastCalledWith("wrong one!");
    expect(screen.getByRole("dialog", { name: "Recovery key" })).toHaveTextContent("Keep it secret and safe");
    expect(screen.getByTestId("recovery-key-copy")).toHaveTextContent("Copy");
  });
});
