import { describe, expect, it, vi } from "vitest";
import { commands } from "./bindings";
import { call, IpcError, unwrap } from "./client";
import { listContacts } from "./contacts";
import { formatIpcError } from "./formatIpcError";

vi.mock("./bindings", () => ({
  commands: { listContacts: vi.fn() },
}));

const query = {
  search: null,
  filter: { contactType: null, territoryId: null, status: null, unassigned: false },
  sort: { column: "name", direction: "asc" },
  cursor: null,
  limit: 100,
} as const;

describe("unwrap", () => {
  it("returns the data of an ok result", () => {
    expect(unwrap({ status: "ok", data: 42 })).toBe(42);
  });

  it("throws an IpcError carrying code, message and fields of an error result", () => {
    const fields = [{ field: "limit", message: "Must be between 1 and 500." }];
    let thrown: unknown;
    try {
      unwrap({ status: "error", error: { code: "invalid_input", message: "The list request was not valid.", fields } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IpcError);
    expect(thrown).toMatchObject({ code: "invalid_input", message: "The list request was not valid.", fields });
  });

  it("turns a malformed error (e.g. Tauri's own string) into a neutral internal error", () => {
    const result = { status: "error", error: "command list_contacts not found" } as never;
    expect(() => unwrap(result)).toThrow(IpcError);
    try {
      unwrap(result);
    } catch (error) {
      expect(error).toMatchObject({ code: "internal", fields: [] });
      expect((error as IpcError).message).not.toContain("list_contacts");
      expect((error as IpcError).cause).toBe("command list_contacts not found");
    }
  });
});

describe("command wrappers", () => {
  it("resolve with the page on ok", async () => {
    const page = { rows: [], nextCursor: null, mode: "browse" as const };
    vi.mocked(commands.listContacts).mockResolvedValue({ status: "ok", data: page });
    await expect(listContacts(query)).resolves.toBe(page);
    expect(commands.listContacts).toHaveBeenCalledWith(query);
  });

  it("reject with an IpcError on an error result", async () => {
    vi.mocked(commands.listContacts).mockResolvedValue({
      status: "error",
      error: { code: "unavailable", message: "The database is locked by another program.", fields: [] },
    });
    await expect(listContacts(query)).rejects.toMatchObject({
      name: "IpcError",
      code: "unavailable",
      message: "The database is locked by another program.",
    });
  });

  it("stop waiting when the signal aborts (the late answer is ignored)", async () => {
    const controller = new AbortController();
    const pending = call(() => new Promise<never>(() => {}), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("formatIpcError", () => {
  it("shows the core's message for an IpcError", () => {
    const error = new IpcError({ code: "unavailable", message: "The database is busy. Try again in a moment.", fields: [] });
    expect(formatIpcError(error)).toEqual({
      title: "The database is busy or unavailable",
      message: "The database is busy. Try again in a moment.",
    });
  });

  it("never shows technical text of other errors", () => {
    const formatted = formatIpcError(new TypeError("Cannot read properties of undefined (reading 'invoke')"));
    expect(formatted.message).not.toMatch(/invoke|undefined/);
    expect(formatted.title).toBe("Something went wrong");
  });
});
