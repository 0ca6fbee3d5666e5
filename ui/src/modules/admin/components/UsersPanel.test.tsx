import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listRegions, listUsers, resetUserPassword, saveUser, unlockUser } from "../../../ipc/admin";
import { appInfo } from "../../../ipc/app";
import { IpcError } from "../../../ipc/client";
import { makeRegions, makeUserSummary } from "../../../test/adminFixtures";
import { makeAppInfo, makeSession, makeUser } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/admin");
vi.mock("../../../ipc/app");

const routes = [adminRoute("/admin")];
const lockedUntil = new Date(Date.now() + 10 * 60 * 1000).toISOString();

function invalid(field: string, message: string) {
  return new IpcError({ code: "invalid_input", message: `${field}: ${message}`, fields: [{ field, message }] });
}

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listRegions).mockResolvedValue(makeRegions());
  vi.mocked(listUsers).mockResolvedValue([
    makeUserSummary({ lastSignInAt: new Date(Date.now() - 2 * 3600 * 1000).toISOString(), totpEnabled: true }),
    makeUserSummary({
      id: "3",
      username: "territory",
      displayName: "Tom Becker",
      role: "territory_manager",
      territories: [{ id: "t1", name: "Scotland" }],
      lockedUntil,
    }),
    makeUserSummary({ id: "4", username: "old.hand", displayName: "Olive Hand", role: "billing_admin", disabled: true }),
  ]);
  vi.mocked(saveUser).mockImplementation(async (id, input) =>
    makeUserSummary({ id: id ?? "9", username: input.username, displayName: input.displayName, role: input.role }),
  );
});

/** Pastes instead of typing key by key: the same change for the form, much faster on a busy machine. */
async function fill(user: ReturnType<typeof renderApp>["user"], field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

async function openNewUser() {
  const view = renderApp("/admin/users", routes);
  await view.user.click(await screen.findByTestId("user-new"));
  const form = await screen.findByTestId("user-form");
  return { ...view, form };
}

async function chooseRole(user: ReturnType<typeof renderApp>["user"], label: string) {
  await user.click(screen.getByTestId("user-role"));
  await user.click(await screen.findByRole("option", { name: label }));
}

describe("Users", () => {
  it("lists each user's role, scope, status, authenticator and last sign-in", async () => {
    renderApp("/admin", routes);
    const rows = await screen.findAllByTestId("user-row");
    expect(rows).toHaveLength(3);

    expect(rows[0]).toHaveTextContent("Sam Okafor");
    expect(rows[0]).toHaveTextContent("Site administrator");
    expect(rows[0]).toHaveTextContent("Everything");
    expect(rows[0]).toHaveTextContent("Active");
    expect(within(rows[0]).getByText("On")).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent("2 hours ago");

    expect(rows[1]).toHaveTextContent("Territory manager");
    expect(rows[1]).toHaveTextContent("Scotland");
    expect(rows[1]).toHaveTextContent("Locked until");
    expect(within(rows[1]).getByText("Off")).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent("Never");

    expect(rows[2]).toHaveTextContent("Billing administrator");
    expect(rows[2]).toHaveTextContent("Disabled");
  });

  it("asks for regions or territories only for the roles that have them", async () => {
    const { user } = await openNewUser();

    // A new user starts as a territory manager: territories grouped by region, no regions.
    expect(screen.getByTestId("user-territories")).toBeInTheDocument();
    expect(screen.queryByTestId("user-regions")).toBeNull();
    await user.click(screen.getByTestId("user-territories"));
    const listbox = await screen.findByRole("listbox");
    expect(within(listbox).getByText("United Kingdom & Ireland")).toBeInTheDocument();
    expect(within(listbox).getByText("Germany, Austria & Switzerland")).toBeInTheDocument();

    await chooseRole(user, "Regional manager");
    expect(screen.getByTestId("user-regions")).toBeInTheDocument();
    expect(screen.queryByTestId("user-territories")).toBeNull();
    expect(screen.getByText("Contacts at sites in the chosen regions.")).toBeInTheDocument();

    for (const role of ["Site administrator", "Billing administrator"]) {
      await chooseRole(user, role);
      expect(screen.queryByTestId("user-regions")).toBeNull();
      expect(screen.queryByTestId("user-territories")).toBeNull();
    }
  });

  it("creates a territory manager with the chosen territories only", async () => {
    const { user } = await openNewUser();
    await fill(user, screen.getByTestId("user-username"), "jdoe");
    await fill(user, screen.getByTestId("user-display-name"), "Jane Doe");
    await user.click(screen.getByTestId("user-territories"));
    await user.click(await screen.findByRole("option", { name: "Scotland" }));
    await fill(user, screen.getByTestId("user-password"), "correct horse battery");
    await user.click(screen.getByTestId("user-save"));

    await waitFor(() =>
      expect(saveUser).toHaveBeenCalledWith(null, {
        username: "jdoe",
        displayName: "Jane Doe",
        role: "territory_manager",
        regionIds: [],
        territoryIds: ["t1"],
        disabled: false,
        password: "correct horse battery",
      }),
    );
    await waitFor(() => expect(screen.queryByTestId("user-form")).toBeNull());
  });

  it("checks the obvious before saving: a scoped role needs its scope", async () => {
    const { user } = await openNewUser();
    await fill(user, screen.getByTestId("user-username"), "jdoe");
    await fill(user, screen.getByTestId("user-display-name"), "Jane Doe");
    await fill(user, screen.getByTestId("user-password"), "correct horse battery");
    await user.click(screen.getByTestId("user-save"));

    expect(await screen.findByText("Choose at least one territory")).toBeInTheDocument();
    expect(saveUser).not.toHaveBeenCalled();
  });

  it("shows the core's field problems next to the fields they name", async () => {
    vi.mocked(saveUser).mockRejectedValueOnce(invalid("password", "must be at least 10 characters long"));
    const { user } = await openNewUser();
    await chooseRole(user, "Billing administrator");
    await fill(user, screen.getByTestId("user-username"), "jdoe");
    await fill(user, screen.getByTestId("user-display-name"), "Jane Doe");
    await fill(user, screen.getByTestId("user-password"), "short");
    await user.click(screen.getByTestId("user-save"));

    // The message is the field's description for assistive technology, not just text nearby.
    const password = screen.getByTestId("user-password");
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(expect.stringContaining("Initial password must be at least 10 characters long")),
    );
    expect(screen.getByTestId("user-form")).toBeInTheDocument();

    // Editing the field clears its message; the next problem lands on its own field.
    await fill(user, password, " and longer now");
    expect(screen.queryByText("Initial password must be at least 10 characters long")).toBeNull();
    vi.mocked(saveUser).mockRejectedValueOnce(invalid("username", "jdoe is already taken"));
    await user.click(screen.getByTestId("user-save"));
    const username = screen.getByTestId("user-username");
    await waitFor(() => expect(username).toHaveAccessibleDescription(expect.stringContaining("jdoe is already taken")));
    expect(username).toHaveAttribute("aria-invalid", "true");
  });

  it("edits a user with their details filled in and shows scope problems at the scope field", async () => {
    vi.mocked(saveUser).mockRejectedValueOnce(invalid("territoryIds", "territory 99 does not exist"));
    const { user } = renderApp("/admin/users", routes);
    const rows = await screen.findAllByTestId("user-row");
    await user.click(within(rows[1]).getByRole("button", { name: "Edit Tom Becker" }));

    expect(await screen.findByTestId("user-username")).toHaveValue("territory");
    expect(screen.getByTestId("user-display-name")).toHaveValue("Tom Becker");
    expect(screen.queryByTestId("user-password")).toBeNull();
    await user.click(screen.getByTestId("user-save"));

    await waitFor(() => expect(saveUser).toHaveBeenCalledWith("3", expect.objectContaining({ territoryIds: ["t1"], password: null })));
    const territories = screen.getByTestId("user-territories");
    await waitFor(() => expect(territories).toHaveAttribute("aria-invalid", "true"));
    expect(screen.getByText("Territory 99 does not exist")).toBeInTheDocument();
  });

  it("resets a password from the row menu, with the core's message under the field", async () => {
    vi.mocked(resetUserPassword).mockRejectedValueOnce(invalid("newPassword", "must not contain the user name")).mockResolvedValue(null);
    const { user } = renderApp("/admin/users", routes);
    const rows = await screen.findAllByTestId("user-row");
    await user.click(within(rows[1]).getByRole("button", { name: "More actions for Tom Becker" }));
    await user.click(await screen.findByRole("menuitem", { name: "Reset password…" }));

    const field = await screen.findByTestId("new-password");
    await fill(user, field, "territory-2026");
    await user.click(screen.getByTestId("reset-password-save"));
    expect(await screen.findByText("New password must not contain the user name")).toBeInTheDocument();

    await user.clear(field);
    await fill(user, field, "a much better one");
    await user.click(screen.getByTestId("reset-password-save"));
    await waitFor(() => expect(resetUserPassword).toHaveBeenLastCalledWith("3", "a much better one"));
    await waitFor(() => expect(screen.queryByTestId("reset-password-form")).toBeNull());
  });

  it("offers Unlock for a locked user only", async () => {
    vi.mocked(unlockUser).mockResolvedValue(null);
    const { user } = renderApp("/admin/users", routes);
    const rows = await screen.findAllByTestId("user-row");

    await user.click(within(rows[0]).getByRole("button", { name: "More actions for Sam Okafor" }));
    expect(await screen.findByRole("menuitem", { name: "Reset password…" })).toBeInTheDocument();
    expect(screen.queryByRole("menuitem", { name: "Unlock now" })).toBeNull();
    await user.keyboard("{Escape}");

    await user.click(within(rows[1]).getByRole("button", { name: "More actions for Tom Becker" }));
    await user.click(await screen.findByRole("menuitem", { name: "Unlock now" }));
    await waitFor(() => expect(unlockUser).toHaveBeenCalledWith("3"));
  });

  it("tells other roles that administration is not theirs, without asking the core", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({ session: makeSession({ user: makeUser({ role: "regional_manager", username: "regional" }) }) }),
    );
    renderApp("/admin/users", routes);
    expect(await screen.findByTestId("admin-forbidden")).toHaveTextContent("Administration is for site administrators");
    expect(listUsers).not.toHaveBeenCalled();
  });
});
