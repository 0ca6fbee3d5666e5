import { beforeEach, describe, expect, it, vi } from "vitest";
import { cancelBulkAction, runBulkAction } from "./ipc";

const invoke = vi.fn();
const channels: { onmessage: (message: unknown) => void }[] = [];

vi.mock("@tauri-apps/api/core", () => ({
  invoke: (...args: unknown[]) => invoke(...args),
  Channel: class {
    onmessage: (message: unknown) => void;
    constructor(onmessage: (message: unknown) => void) {
      this.onmessage = onmessage;
      channels.push(this);
    }
  },
}));

beforeEach(() => {
  channels.length = 0;
});

describe("bulk action commands", () => {
  it("hands the core a channel whose messages reach the progress callback", async () => {
    const onProgress = vi.fn();
    invoke.mockImplementation(async (_command: string, args: { onProgress: { onmessage: (m: unknown) => void } }) => {
      args.onProgress.onmessage({ done: 50, total: 100 });
      return { selected: 100, changed: 100, skipped: [] };
    });
    const report = await runBulkAction({ kind: "ids", ids: ["1"] }, { kind: "addTag", tag: "VIP" }, onProgress);
    expect(report.changed).toBe(100);
    expect(onProgress).toHaveBeenCalledWith({ done: 50, total: 100 });
    expect(invoke).toHaveBeenCalledWith("run_bulk_action", {
      selection: { kind: "ids", ids: ["1"] },
      action: { kind: "addTag", tag: "VIP" },
      onProgress: channels[0],
    });
  });

  it("turns the core's refusal into an IpcError with its code", async () => {
    invoke.mockRejectedValue({ code: "invalid_input", message: "Tag is required", fields: [{ field: "tag", message: "is required" }] });
    await expect(runBulkAction({ kind: "ids", ids: [] }, { kind: "addTag", tag: "" }, () => {})).rejects.toMatchObject({
      name: "IpcError",
      code: "invalid_input",
      fields: [{ field: "tag", message: "is required" }],
    });
  });

  it("cancels through its own command", async () => {
    invoke.mockResolvedValue(null);
    await cancelBulkAction();
    expect(invoke).toHaveBeenCalledWith("cancel_bulk_action");
  });
});
