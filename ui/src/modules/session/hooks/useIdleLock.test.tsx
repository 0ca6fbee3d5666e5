import { QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createQueryClient } from "../../../app/queryClient";
import type { AppInfo } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { queryKeys } from "../../../ipc/queryKeys";
import { lockSession, reportActivity } from "../../../ipc/session";
import { makeAppInfo } from "../../../test/fixtures";
import { useIdleLock } from "./useIdleLock";

vi.mock("../../../ipc/session");

function setup(minutes = 10) {
  const client = createQueryClient();
  // Nothing observes appInfo here; keep it through the fake minutes.
  client.setDefaultOptions({ queries: { gcTime: Infinity } });
  client.setQueryData(queryKeys.appInfo(), makeAppInfo());
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const view = renderHook(({ active }) => useIdleLock(minutes, active), { wrapper, initialProps: { active: true } });
  const isLocked = () => client.getQueryData<AppInfo>(queryKeys.appInfo())?.session?.locked;
  return { ...view, client, isLocked };
}

const press = () => window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(lockSession).mockResolvedValue(null);
  vi.mocked(reportActivity).mockResolvedValue(null);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("useIdleLock", () => {
  it("locks after the idle time without activity, and not before", async () => {
    const { isLocked } = setup(10);
    await act(() => vi.advanceTimersByTimeAsync(9 * 60_000 + 50_000));
    expect(lockSession).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(lockSession).toHaveBeenCalledTimes(1);
    expect(isLocked()).toBe(true);
  });

  it("counts activity, reporting it to the core at most every 30 seconds", async () => {
    const { isLocked } = setup(1);
    // Busy for three minutes, a key every 10 s.
    for (let i = 0; i < 18; i += 1) {
      await act(() => vi.advanceTimersByTimeAsync(10_000));
      press();
    }
    expect(lockSession).not.toHaveBeenCalled();
    expect(isLocked()).toBe(false);
    const reports = vi.mocked(reportActivity).mock.calls.length;
    expect(reports).toBeGreaterThanOrEqual(5);
    expect(reports).toBeLessThanOrEqual(6);
  });

  it("shows the overlay when the core already locked the session", async () => {
    vi.mocked(reportActivity).mockRejectedValue(
      new IpcError({ code: "session_locked", message: "Rapport is locked.", fields: [] }),
    );
    const { isLocked } = setup(10);
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    press();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(isLocked()).toBe(true);
  });

  it("does nothing while locked", async () => {
    const { rerender } = setup(1);
    rerender({ active: false });
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
    press();
    expect(lockSession).not.toHaveBeenCalled();
    expect(reportActivity).not.toHaveBeenCalled();
  });
});
