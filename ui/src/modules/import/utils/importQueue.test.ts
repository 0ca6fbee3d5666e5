import { describe, expect, it, vi } from "vitest";
import { makeGrant, makeOutcome, makeSiteOption } from "../../../test/importFixtures";
import { createImportQueue, selectedFile } from "./importQueue";

const names = (queue: ReturnType<typeof createImportQueue>) => queue.getState().files.map((file) => file.grant.name);

describe("the import queue", () => {
  it("queues dropped files as waiting and selects the first of them", () => {
    const queue = createImportQueue();
    queue.add([makeGrant("a")]);
    queue.add([makeGrant("b"), makeGrant("c")]);
    expect(names(queue)).toEqual(["a.csv", "b.csv", "c.csv"]);
    expect(queue.getState().files.every((file) => file.status === "waiting")).toBe(true);
    expect(selectedFile(queue.getState())?.grant.id).toBe("b");
  });

  it("does not queue the same file twice: dropping it again selects it", () => {
    const queue = createImportQueue();
    queue.add([makeGrant("a"), makeGrant("b")]);
    // The shell hands out a new grant id for each drop of the same file.
    queue.add([makeGrant("again", { name: "a.csv" })]);
    expect(names(queue)).toEqual(["a.csv", "b.csv"]);
    expect(queue.getState().selectedId).toBe("a");
    // Same name, other size: another file.
    queue.add([makeGrant("other", { name: "a.csv", size: 99 })]);
    expect(names(queue)).toEqual(["a.csv", "b.csv", "a.csv"]);
  });

  it("tells its subscribers about changes, and nothing when nothing changed", () => {
    const queue = createImportQueue();
    const listener = vi.fn();
    const unsubscribe = queue.subscribe(listener);
    queue.add([makeGrant("a")]);
    expect(listener).toHaveBeenCalledTimes(1);
    queue.select("a");
    queue.setStatus("a", "waiting");
    queue.add([]);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    queue.remove("a");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("moves the selection to the neighbour of a removed file", () => {
    const queue = createImportQueue();
    queue.add([makeGrant("a"), makeGrant("b"), makeGrant("c")]);
    queue.select("b");
    queue.remove("b");
    expect(queue.getState().selectedId).toBe("c");
    queue.remove("c");
    expect(queue.getState().selectedId).toBe("a");
    queue.remove("a");
    expect(queue.getState().selectedId).toBeNull();
  });

  it("starts the next file with the last target, type and duplicate handling, not the last mapping", () => {
    const queue = createImportQueue();
    queue.add([makeGrant("a")]);
    const target = { kind: "site" as const, site: makeSiteOption("7") };
    queue.updateOptions("a", { target, contactType: "billing", onDuplicate: "update", mapping: { Mail: "email.work" } });
    queue.add([makeGrant("b")]);
    const b = queue.getState().files[1].options;
    expect(b.target).toEqual(target);
    expect(b.contactType).toBe("billing");
    expect(b.onDuplicate).toBe("update");
    expect(b.mapping).toEqual({});
    expect(b.decisions).toEqual([]);
  });

  it("keeps an import's outcome until it is undone, and forgets everything on clear", () => {
    const queue = createImportQueue();
    queue.add([makeGrant("a")]);
    queue.setImported("a", makeOutcome());
    expect(queue.getState().files[0]).toMatchObject({ status: "imported", outcome: { importId: "41" } });
    queue.setUndone("a");
    expect(queue.getState().files[0]).toMatchObject({ status: "waiting", outcome: null });
    queue.clear();
    expect(queue.getState().files).toEqual([]);
    expect(queue.getState().selectedId).toBeNull();
  });
});
