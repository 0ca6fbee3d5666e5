import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import { getImportPolicy, saveImportPolicy } from "../../../ipc/imports";
import { makeAppInfo, makeSession, makeUser } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/imports");

const routes = [adminRoute("/admin")];
const REQUIRABLE = [
  { key: "given_name", label: "Given name" },
  { key: "family_name", label: "Family name" },
  { key: "email", label: "Email address" },
  { key: "phone", label: "Phone number" },
];
const field = (key: string) =>
  screen.getAllByTestId("import-policy-field").find((input) => input.getAttribute("data-key") === key) as HTMLInputElement;

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(getImportPolicy).mockResolvedValue({ required: ["email"], requirable: REQUIRABLE });
});

describe("Administration → Import", () => {
  it("ticks the required fields and saves the new choice in the core's order", async () => {
    vi.mocked(saveImportPolicy).mockResolvedValue({ required: ["family_name", "phone"], requirable: REQUIRABLE });
    const { user } = renderApp("/admin/import", routes);
    const form = await screen.findByTestId("import-policy");
    expect(screen.getByTestId("admin-tab-import")).toHaveAttribute("aria-selected", "true");
    expect(field("email").checked).toBe(true);
    expect(field("given_name").checked).toBe(false);
    expect(within(form).getByTestId("import-policy-save")).toBeDisabled();

    await user.click(field("phone"));
    await user.click(field("email"));
    await user.click(field("family_name"));
    await user.click(within(form).getByTestId("import-policy-save"));
    await waitFor(() => expect(saveImportPolicy).toHaveBeenCalledWith({ required: ["family_name", "phone"] }));
    // The form starts over from what the core stored.
    await waitFor(() => expect(field("phone").checked).toBe(true));
    expect(within(screen.getByTestId("import-policy")).getByTestId("import-policy-save")).toBeDisabled();
  });

  it("is for site administrators only", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({ session: makeSession({ user: makeUser({ role: "regional_manager" }) }) }),
    );
    renderApp("/admin/import", routes);
    expect(await screen.findByTestId("admin-forbidden")).toBeInTheDocument();
    expect(screen.queryByTestId("import-policy")).toBeNull();
    expect(getImportPolicy).not.toHaveBeenCalled();
  });
});
