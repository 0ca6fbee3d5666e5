import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { AppInfo } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { countContacts, listContacts, listTerritories } from "../../../ipc/contacts";
import { createDemoDatabase, createOrganisationDatabase, restoreAccess, signIn } from "../../../ipc/session";
import { demoUsers, makeAppInfo, makePage, makeRow } from "../../../test/fixtures";
import { renderGate } from "../../../test/renderGate";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/session");
vi.mock("../../../ipc/contacts");

const signedOut = (overrides: Partial<AppInfo> = {}) =>
  makeAppInfo({ screen: "sign_in", session: null, ...overrides });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(listContacts).mockResolvedValue(makePage([makeRow(1, { displayName: "Ada Lovelace" })]));
  vi.mocked(countContacts).mockResolvedValue({ count: 1234, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([]);
});

describe("welcome", () => {
  it("creates the demo, shows progress meanwhile, then offers the demo users", async () => {
    vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ screen: "welcome", session: null, isDemo: false, lastUsername: null }));
    const pending = deferred<AppInfo>();
    vi.mocked(createDemoDatabase).mockReturnValue(pending.promise);
    const { user } = renderGate();

    await user.click(await screen.findByTestId("welcome-demo"));
    expect(await screen.findByTestId("welcome-demo-progress")).toHaveTextContent(/few seconds/);
    expect(screen.getByTestId("welcome-demo")).toBeDisabled();
    expect(screen.getByTestId("welcome-setup")).toBeDisabled();

    pending.resolve(signedOut({ lastUsername: null }));
    const panel = await screen.findByTestId("demo-users");
    expect(within(panel).getAllByRole("button")).toHaveLength(4);
    expect(createDemoDatabase).toHaveBeenCalledTimes(1);
  });

  it("says why the demo could not be created", async () => {
    vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ screen: "welcome", session: null }));
    vi.mocked(createDemoDatabase).mockRejectedValue(
      new IpcError({ code: "keychain_unavailable", message: "The system keychain cannot be used (locked).", fields: [] }),
    );
    const { user } = renderGate();
    await user.click(await screen.findByTestId("welcome-demo"));
    expect(await screen.findByTestId("welcome-error")).toHaveTextContent("The system keychain cannot be used (locked).");
    expect(screen.getByTestId("welcome-demo")).toBeEnabled();
  });
});

describe("organisation setup", () => {
  it("checks the form, shows the core's field errors, then shows the recovery key until it is stored", async () => {
    vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ screen: "welcome", session: null, isDemo: false }));
    const { user } = renderGate();
    await user.click(await screen.findByTestId("welcome-setup"));
    expect(screen.getByTestId("setup-username")).toHaveFocus();

    // Nothing filled in: each field says what it needs, and nothing is created.
    await user.click(screen.getByTestId("setup-submit"));
    expect(screen.getByTestId("setup-username")).toHaveAccessibleDescription(/Enter a user name/);
    expect(screen.getByTestId("setup-display-name")).toHaveAccessibleDescription(/Enter your full name/);
    expect(screen.getByTestId("setup-password")).toHaveAccessibleDescription(/Choose a password/);

    await user.type(screen.getByTestId("setup-username"), "mchen");
    await user.type(screen.getByTestId("setup-display-name"), "Mei Chen");
    await user.type(screen.getByTestId("setup-password"), "short");
    await user.type(screen.getByTestId("setup-repeat"), "shorter");
    await user.click(screen.getByTestId("setup-submit"));
    expect(screen.getByTestId("setup-repeat")).toHaveAccessibleDescription(/The passwords do not match/);
    expect(createOrganisationDatabase).not.toHaveBeenCalled();

    // The core refuses a weak password: its message appears next to the password.
    vi.mocked(createOrganisationDatabase).mockRejectedValueOnce(
      new IpcError({
        code: "invalid_input",
        message: "password: must be at least 10 characters long",
        fields: [{ field: "password", message: "must be at least 10 characters long" }],
      }),
    );
    await user.clear(screen.getByTestId("setup-repeat"));
    await user.type(screen.getByTestId("setup-repeat"), "short");
    await user.click(screen.getByTestId("setup-submit"));
    await waitFor(() =>
      expect(screen.getByTestId("setup-password")).toHaveAccessibleDescription(/Must be at least 10 characters long/),
    );

    const created = makeAppInfo({ isDemo: false });
    vi.mocked(createOrganisationDatabase).mockResolvedValueOnce({ recoveryKey: "ABCDE-FGHJK-MNPQR-STVWX", info: created });
    await user.clear(screen.getByTestId("setup-password"));
    await user.type(screen.getByTestId("setup-password"), "a long enough phrase");
    await user.clear(screen.getByTestId("setup-repeat"));
    await user.type(screen.getByTestId("setup-repeat"), "a long enough phrase{Enter}");
    expect(createOrganisationDatabase).toHaveBeenLastCalledWith({
      username: "mchen",
      displayName: "Mei Chen",
      password: "a long enough phrase",
    });

    // The key is shown once; Continue waits for the promise that it is stored.
    expect(await screen.findByTestId("recovery-key")).toHaveTextContent("ABCDE-FGHJK-MNPQR-STVWX");
    const next = screen.getByTestId("recovery-key-continue");
    expect(next).toBeDisabled();
    await user.click(screen.getByTestId("recovery-key-stored"));
    expect(next).toBeEnabled();
    await user.click(next);
    expect(await screen.findByTestId("contacts-table")).toBeInTheDocument();
    expect(screen.queryByTestId("recovery-key")).toBeNull();
  });
});

describe("restore access", () => {
  it("explains the missing key and shows a wrong key's problem on the field", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({
        screen: "restore_access",
        session: null,
        problem: { code: "key_missing", message: "This computer's keychain holds no key for the database.", fields: [] },
      }),
    );
    vi.mocked(restoreAccess).mockRejectedValueOnce(
      new IpcError({
        code: "invalid_input",
        message: "recoveryKey: the recovery key has a typo",
        fields: [{ field: "recoveryKey", message: "the recovery key has a typo" }],
      }),
    );
    const { user } = renderGate();
    expect(await screen.findByTestId("restore-access-problem")).toHaveTextContent("holds no key");
    expect(screen.getByTestId("restore-access-screen")).toHaveTextContent("/home/test/.local/share/rapport/rapport.sqlite3");

    await user.type(screen.getByTestId("restore-access-key"), "abcde fghjk{Enter}");
    expect(restoreAccess).toHaveBeenCalledWith("abcde fghjk");
    await waitFor(() =>
      expect(screen.getByTestId("restore-access-key")).toHaveAccessibleDescription(/The recovery key has a typo/),
    );

    vi.mocked(restoreAccess).mockResolvedValueOnce(signedOut());
    await user.type(screen.getByTestId("restore-access-key"), " mnpqr");
    await user.click(screen.getByTestId("restore-access-submit"));
    expect(await screen.findByTestId("sign-in-form")).toBeInTheDocument();
  });
});

describe("failed", () => {
  it("shows the problem and the database path, and nothing else to do", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({
        screen: "failed",
        session: null,
        problem: { code: "unavailable", message: "The file is not a Rapport database.", fields: [] },
      }),
    );
    renderGate();
    expect(await screen.findByTestId("failed-problem")).toHaveTextContent("The file is not a Rapport database.");
    expect(screen.getByTestId("failed-screen")).toHaveTextContent("/home/test/.local/share/rapport/rapport.sqlite3");
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("sign-in", () => {
  it("puts the focus on the password when the user name is remembered", async () => {
    vi.mocked(appInfo).mockResolvedValue(signedOut({ isDemo: false, lastUsername: "mchen" }));
    renderGate();
    expect(await screen.findByTestId("sign-in-username")).toHaveValue("mchen");
    expect(screen.getByTestId("sign-in-password")).toHaveFocus();
  });

  it("asks for the one-time code in a second step and signs in with it", async () => {
    vi.mocked(appInfo).mockResolvedValue(signedOut({ isDemo: false, lastUsername: null }));
    vi.mocked(signIn)
      .mockRejectedValueOnce(
        new IpcError({ code: "totp_required", message: "Enter the 6-digit code from your authenticator app.", fields: [] }),
      )
      .mockRejectedValueOnce(
        new IpcError({ code: "sign_in_refused", message: "The one-time code is wrong or was already used.", fields: [] }),
      )
      .mockResolvedValueOnce(makeAppInfo({ isDemo: false }));
    const { user } = renderGate();

    expect(await screen.findByTestId("sign-in-username")).toHaveFocus();
    await user.keyboard("mchen");
    await user.type(screen.getByTestId("sign-in-password"), "a long enough phrase{Enter}");
    expect(signIn).toHaveBeenLastCalledWith("mchen", "a long enough phrase", null);

    const code = await screen.findByTestId("sign-in-code");
    await waitFor(() => expect(code).toHaveFocus());
    await user.keyboard("111111{Enter}");
    expect(await screen.findByTestId("sign-in-error")).toHaveTextContent("The one-time code is wrong or was already used.");
    expect(code).toHaveValue("");

    await user.type(code, "ABCD-EFGH{Enter}");
    expect(signIn).toHaveBeenLastCalledWith("mchen", "a long enough phrase", "ABCD-EFGH");
    expect(await screen.findByTestId("contacts-table")).toBeInTheDocument();
  });

  it("says when the name or password is wrong and when the account is locked", async () => {
    vi.mocked(appInfo).mockResolvedValue(signedOut({ isDemo: false }));
    vi.mocked(signIn)
      .mockRejectedValueOnce(new IpcError({ code: "sign_in_refused", message: "The user name or password is wrong.", fields: [] }))
      .mockRejectedValueOnce(
        new IpcError({
          code: "account_locked",
          message: "Too many failed sign-ins. This account is locked for 15 more minutes, or until an administrator unlocks it.",
          fields: [],
        }),
      );
    const { user } = renderGate();
    await user.type(await screen.findByTestId("sign-in-password"), "wrong{Enter}");
    const error = await screen.findByTestId("sign-in-error");
    expect(error).toHaveTextContent("The user name or password is wrong.");
    expect(error).toHaveAttribute("data-kind", "refused");
    expect(screen.getByTestId("sign-in-password")).toHaveValue("");
    expect(screen.getByTestId("sign-in-password")).toHaveFocus();

    await user.keyboard("wrong again{Enter}");
    await waitFor(() => expect(screen.getByTestId("sign-in-error")).toHaveTextContent("locked for 15 more minutes"));
    expect(screen.getByTestId("sign-in-error")).toHaveAttribute("data-kind", "locked");
  });

  it("lists the demo users on the demo database, and a click fills the form", async () => {
    vi.mocked(appInfo).mockResolvedValue(signedOut({ lastUsername: null }));
    vi.mocked(signIn).mockResolvedValueOnce(makeAppInfo());
    const { user } = renderGate();

    const panel = await screen.findByTestId("demo-users");
    for (const demo of demoUsers) expect(panel).toHaveTextContent(demo.displayName);
    expect(panel).toHaveTextContent("Territory manager");
    expect(panel).toHaveTextContent("Scotland");

    await user.click(screen.getByTestId("demo-user-territory"));
    expect(screen.getByTestId("sign-in-username")).toHaveValue("territory");
    expect(screen.getByTestId("sign-in-password")).toHaveValue("rapport-demo");
    expect(screen.getByTestId("sign-in-submit")).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(signIn).toHaveBeenCalledWith("territory", "rapport-demo", null);
  });

  it("never lists users outside the demo database", async () => {
    // Even if a list came along, only a demo database shows it.
    vi.mocked(appInfo).mockResolvedValue(signedOut({ isDemo: false, demoUsers }));
    renderGate();
    await screen.findByTestId("sign-in-form");
    expect(screen.queryByTestId("demo-users")).toBeNull();
    expect(screen.queryByText("rapport-demo")).toBeNull();
  });
});
