import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSecurityPolicy, saveSecurityPolicy } from "../../../ipc/admin";
import { appInfo } from "../../../ipc/app";
import { IpcError } from "../../../ipc/client";
import { makeAppInfo } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/admin");
vi.mock("../../../ipc/app");

const routes = [adminRoute("/admin")];

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(getSecurityPolicy).mockResolvedValue({ maxFailedSignIns: 5, lockoutMinutes: 15, idleLockMinutes: 10 });
  vi.mocked(saveSecurityPolicy).mockResolvedValue(null);
});

async function replace(user: ReturnType<typeof renderApp>["user"], testId: string, text: string) {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
  return input;
}

describe("Security policy", () => {
  it("refuses values outside the allowed ranges before saving", async () => {
    const { user } = renderApp("/admin/security", routes);
    expect(await screen.findByTestId("policy-maxFailedSignIns")).toHaveValue("5");
    expect(screen.getByTestId("policy-save")).toBeDisabled();

    const failed = await replace(user, "policy-maxFailedSignIns", "2");
    const idle = await replace(user, "policy-idleLockMinutes", "");
    await user.click(screen.getByTestId("policy-save"));

    expect(failed).toHaveAccessibleDescription(expect.stringContaining("Must be between 3 and 20"));
    expect(idle).toHaveAccessibleDescription(expect.stringContaining("Enter a whole number from 1 to 240"));
    expect(saveSecurityPolicy).not.toHaveBeenCalled();
  });

  it("saves a valid policy and shows the core's field problems where they belong", async () => {
    vi.mocked(saveSecurityPolicy).mockRejectedValueOnce(
      new IpcError({
        code: "invalid_input",
        message: "lockoutMinutes: must be between 1 and 1440",
        fields: [{ field: "lockoutMinutes", message: "must be between 1 and 1440" }],
      }),
    );
    const { user } = renderApp("/admin/security", routes);
    await screen.findByTestId("policy-lockoutMinutes");
    const lockout = await replace(user, "policy-lockoutMinutes", "30");
    await user.click(screen.getByTestId("policy-save"));

    await waitFor(() => expect(saveSecurityPolicy).toHaveBeenCalledWith({ maxFailedSignIns: 5, lockoutMinutes: 30, idleLockMinutes: 10 }));
    await waitFor(() =>
      expect(lockout).toHaveAccessibleDescription(expect.stringContaining("Lockout duration must be between 1 and 1440")),
    );

    await user.click(screen.getByTestId("policy-save"));
    await waitFor(() => expect(saveSecurityPolicy).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByTestId("policy-save")).toBeDisabled());
  });
});
