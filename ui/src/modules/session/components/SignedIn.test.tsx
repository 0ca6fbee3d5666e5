import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import { IpcError } from "../../../ipc/client";
import { countContacts, listContacts, listTerritories } from "../../../ipc/contacts";
import {
  beginTotpEnrolment,
  changeOwnPassword,
  confirmTotpEnrolment,
  lockSession,
  setOwnTimeZone,
  signOut,
  unlockSession,
} from "../../../ipc/session";
import { makeAppInfo, makePage, makeRow, makeSession } from "../../../test/fixtures";
import { renderGate } from "../../../test/renderGate";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/session");
vi.mock("../../../ipc/contacts");

const locked = () => makeAppInfo({ session: makeSession({ locked: true }) });
const signedOut = () => makeAppInfo({ screen: "sign_in", session: null });

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listContacts).mockResolvedValue(makePage([makeRow(1, { displayName: "Ada Lovelace" })]));
  vi.mocked(countContacts).mockResolvedValue({ count: 1234, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([]);
  vi.mocked(lockSession).mockResolvedValue(null);
});

async function openUserMenu(user: ReturnType<typeof renderGate>["user"]) {
  await user.click(await screen.findByTestId("user-menu"));
}

describe("signed in", () => {
  it("shows who is signed in and the contacts they can see", async () => {
    renderGate();
    await waitFor(() => expect(screen.getByTestId("status-count")).toHaveTextContent(/1,234 contacts you can see/));
    expect(screen.getByTestId("status-user")).toHaveTextContent("Sam Okafor (Site administrator)");
    expect(screen.getByTestId("user-menu")).toHaveAccessibleName(/Sam Okafor, Site administrator/);
    expect(countContacts).toHaveBeenCalledWith(
      { search: null, filter: { contactType: null, territoryId: null, status: null, unassigned: false } },
      expect.anything(),
    );
  });
});

describe("the lock", () => {
  it("covers the app on Lock now and keeps what was typed underneath", async () => {
    vi.mocked(unlockSession)
      .mockRejectedValueOnce(new IpcError({ code: "sign_in_refused", message: "The user name or password is wrong.", fields: [] }))
      .mockResolvedValueOnce(makeAppInfo());
    const { user } = renderGate();
    const search = await screen.findByTestId("contact-search");
    await user.type(search, "not saved yet");

    await openUserMenu(user);
    await user.click(await screen.findByTestId("user-menu-lock"));
    const overlay = await screen.findByTestId("lock-overlay");
    expect(lockSession).toHaveBeenCalledTimes(1);
    expect(within(overlay).getByTestId("lock-user")).toHaveTextContent("Sam Okafor");
    // The app is still there (mounted), with the typed text.
    expect(screen.getByTestId("contact-search")).toHaveValue("not saved yet");

    const password = within(overlay).getByTestId("lock-password");
    await waitFor(() => expect(password).toHaveFocus());
    // Escape does not dismiss it.
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("lock-overlay")).toBeInTheDocument();

    await user.keyboard("wrong{Enter}");
    await waitFor(() => expect(password).toHaveAccessibleDescription("That is not your password."));
    expect(password).toHaveValue("");

    await user.keyboard("rapport-demo{Enter}");
    expect(unlockSession).toHaveBeenLastCalledWith("rapport-demo");
    await waitFor(() => expect(screen.queryByTestId("lock-overlay")).toBeNull());
    expect(screen.getByTestId("contact-search")).toHaveValue("not saved yet");
  });

  it("appears when a command finds the session locked, and reloads what failed after unlocking", async () => {
    vi.mocked(countContacts).mockRejectedValueOnce(
      new IpcError({ code: "session_locked", message: "Rapport is locked. Enter your password to continue.", fields: [] }),
    );
    vi.mocked(unlockSession).mockResolvedValueOnce(makeAppInfo());
    const { user } = renderGate();
    const overlay = await screen.findByTestId("lock-overlay");
    expect(lockSession).not.toHaveBeenCalled();

    await user.type(within(overlay).getByTestId("lock-password"), "rapport-demo{Enter}");
    await waitFor(() => expect(screen.queryByTestId("lock-overlay")).toBeNull());
    await waitFor(() => expect(screen.getByTestId("status-count")).toHaveTextContent(/1,234 contacts you can see/));
  });

  it("shows the overlay when the app starts on a locked session", async () => {
    vi.mocked(appInfo).mockResolvedValue(locked());
    renderGate();
    expect(await screen.findByTestId("lock-overlay")).toBeInTheDocument();
  });

  it("returns to the sign-in screen with the message when wrong passwords lock the account", async () => {
    vi.mocked(appInfo).mockResolvedValueOnce(locked()).mockResolvedValue(signedOut());
    vi.mocked(unlockSession).mockRejectedValueOnce(
      new IpcError({
        code: "account_locked",
        message: "Too many failed sign-ins. This account is locked for 15 more minutes, or until an administrator unlocks it.",
        fields: [],
      }),
    );
    const { user } = renderGate();
    await user.type(within(await screen.findByTestId("lock-overlay")).getByTestId("lock-password"), "wrong{Enter}");
    const error = await screen.findByTestId("sign-in-error");
    expect(error).toHaveTextContent("locked for 15 more minutes");
    expect(screen.queryByTestId("lock-overlay")).toBeNull();
  });

  it("offers signing out instead", async () => {
    vi.mocked(appInfo).mockResolvedValue(locked());
    vi.mocked(signOut).mockResolvedValueOnce(signedOut());
    const { user } = renderGate();
    await user.click(within(await screen.findByTestId("lock-overlay")).getByTestId("lock-sign-out"));
    expect(await screen.findByTestId("sign-in-form")).toBeInTheDocument();
  });
});

describe("signing out", () => {
  it("forgets every row read for the user and starts the next one on the contact list", async () => {
    vi.mocked(signOut).mockResolvedValueOnce(signedOut());
    const { user, queryClient, router } = renderGate("/contacts?q=ada");
    await screen.findAllByTestId("contact-row");
    expect(queryClient.getQueryCache().findAll({ queryKey: ["listContacts"] })).not.toHaveLength(0);

    await openUserMenu(user);
    await user.click(await screen.findByTestId("user-menu-sign-out"));
    expect(await screen.findByTestId("sign-in-form")).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe(""));
    const left = queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey[0]);
    expect(left).toEqual(["appInfo"]);
  });

  it("goes back to sign-in when a command says nobody is signed in", async () => {
    vi.mocked(appInfo).mockResolvedValueOnce(makeAppInfo()).mockResolvedValue(signedOut());
    vi.mocked(countContacts).mockRejectedValueOnce(new IpcError({ code: "unauthenticated", message: "Sign in to continue.", fields: [] }));
    const { queryClient } = renderGate();
    expect(await screen.findByTestId("sign-in-form")).toBeInTheDocument();
    await waitFor(() => expect(queryClient.getQueryCache().findAll({ queryKey: ["listContacts"] })).toHaveLength(0));
  });
});

describe("the user's own account", () => {
  it("changes the password, with the mismatch checked here and the core's field errors shown", async () => {
    vi.mocked(changeOwnPassword)
      .mockRejectedValueOnce(
        new IpcError({
          code: "invalid_input",
          message: "currentPassword: is not your current password",
          fields: [{ field: "currentPassword", message: "is not your current password" }],
        }),
      )
      .mockResolvedValueOnce(null);
    const { user } = renderGate();
    await openUserMenu(user);
    await user.click(await screen.findByTestId("user-menu-password"));

    const current = await screen.findByTestId("change-password-current");
    await user.type(current, "old one");
    await user.type(screen.getByTestId("change-password-new"), "a new long phrase");
    await user.type(screen.getByTestId("change-password-repeat"), "a new long phrasE{Enter}");
    expect(screen.getByTestId("change-password-repeat")).toHaveAccessibleDescription("The passwords do not match.");
    expect(changeOwnPassword).not.toHaveBeenCalled();

    await user.clear(screen.getByTestId("change-password-repeat"));
    await user.type(screen.getByTestId("change-password-repeat"), "a new long phrase{Enter}");
    await waitFor(() => expect(current).toHaveAccessibleDescription("Is not your current password"));

    await user.clear(current);
    await user.type(current, "the real one{Enter}");
    expect(changeOwnPassword).toHaveBeenLastCalledWith("the real one", "a new long phrase");
    await waitFor(() => expect(screen.queryByTestId("change-password-form")).toBeNull());
  });

  it("sets up an authenticator: QR code and key, a first code, then the recovery codes once", async () => {
    vi.mocked(beginTotpEnrolment).mockResolvedValue({
      secret: "JBSWY3DPEHPK3PXP",
      url: "otpauth://totp/Rapport:admin?secret=JBSWY3DPEHPK3PXP&issuer=Rapport",
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><rect width="21" height="21"/></svg>',
    });
    vi.mocked(confirmTotpEnrolment)
      .mockRejectedValueOnce(
        new IpcError({
          code: "invalid_input",
          message: "code: is not the current code of this authenticator",
          fields: [{ field: "code", message: "is not the current code of this authenticator" }],
        }),
      )
      .mockResolvedValueOnce(["ABCD-EFGH", "JKLM-NPQR", "STUV-WXYZ", "2345-6789"]);
    const { user } = renderGate();
    await openUserMenu(user);
    await user.click(await screen.findByTestId("user-menu-totp"));

    const qr = await screen.findByTestId("totp-qr");
    expect(qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;utf8,%3Csvg/);
    expect(screen.getByTestId("totp-secret")).toHaveTextContent("JBSW Y3DP EHPK 3PXP");
    expect(beginTotpEnrolment).toHaveBeenCalledTimes(1);

    await user.type(screen.getByTestId("totp-code"), "000000{Enter}");
    await waitFor(() =>
      expect(screen.getByTestId("totp-code")).toHaveAccessibleDescription(/Is not the current code of this authenticator/),
    );
    await user.clear(screen.getByTestId("totp-code"));
    await user.type(screen.getByTestId("totp-code"), "123456{Enter}");
    expect(confirmTotpEnrolment).toHaveBeenLastCalledWith("123456");

    const codes = await screen.findAllByTestId("totp-recovery-code");
    expect(codes.map((code) => code.textContent)).toEqual(["ABCD-EFGH", "JKLM-NPQR", "STUV-WXYZ", "2345-6789"]);
    // Shown once: Escape does not close it, Done waits for the promise that they are stored.
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("totp-recovery-codes")).toBeInTheDocument();
    expect(screen.getByTestId("totp-done")).toBeDisabled();
    await user.click(screen.getByTestId("totp-codes-stored"));
    await user.click(screen.getByTestId("totp-done"));
    await waitFor(() => expect(screen.queryByTestId("totp-recovery-codes")).toBeNull());
  });

  it("chooses the time zone every time is shown in, and says what the core refused", async () => {
    const tokyo = makeAppInfo({ session: makeSession({ timeZone: "Asia/Tokyo" }) });
    vi.mocked(setOwnTimeZone)
      .mockRejectedValueOnce(
        new IpcError({
          code: "invalid_input",
          message: 'timeZone: "Asia/Tokio" is not a time zone such as Europe/London',
          fields: [{ field: "timeZone", message: '"Asia/Tokio" is not a time zone such as Europe/London' }],
        }),
      )
      .mockResolvedValueOnce(tokyo);
    const { user } = renderGate();
    await openUserMenu(user);
    expect(await screen.findByTestId("user-menu-time-zone")).toHaveTextContent("(this computer's)");
    await user.click(screen.getByTestId("user-menu-time-zone"));

    const select = await screen.findByTestId("time-zone-select");
    await user.clear(select);
    await user.type(select, "Tokyo");
    await user.click(await screen.findByRole("option", { name: "Asia / Tokyo" }));
    expect(screen.getByTestId("time-zone-now")).toHaveTextContent(/Now in Asia \/ Tokyo: .*\(UTC\+09:00\)/);
    await user.click(screen.getByTestId("time-zone-submit"));
    await waitFor(() => expect(select).toHaveAccessibleDescription(/is not a time zone such as Europe\/London/));

    await user.click(screen.getByTestId("time-zone-submit"));
    expect(setOwnTimeZone).toHaveBeenLastCalledWith("Asia/Tokyo");
    await waitFor(() => expect(screen.queryByTestId("time-zone-form")).toBeNull());
    await openUserMenu(user);
    expect(await screen.findByTestId("user-menu-time-zone")).toHaveTextContent("Asia / Tokyo");
    expect(screen.getByTestId("user-menu-time-zone")).not.toHaveTextContent("this computer");
  });
});
