import { notifications } from "@mantine/notifications";
import { act, renderHook, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appRoutes } from "../../../app/routes";
import { appInfo } from "../../../ipc/app";
import type { FileDropEvent } from "../../../ipc/bindings";
import { countContacts, listContacts, listTerritories, searchSites } from "../../../ipc/contacts";
import { getImportPolicy, importFields, previewImport, watchFileDrops } from "../../../ipc/imports";
import { makeAppInfo, makePage, makeRow, makeSession, makeUser } from "../../../test/fixtures";
import { makeGrant, makePreview } from "../../../test/importFixtures";
import { renderApp } from "../../../test/renderApp";
import { importQueue } from "../utils/importQueue";
import { useFileDropWatcher } from "./useFileDropWatcher";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/imports");

/** The listeners the page registered, oldest first. */
let listeners: ((event: FileDropEvent) => void)[] = [];
const send = (event: FileDropEvent, listener = listeners.at(-1)) => act(() => listener?.(event));

beforeEach(() => {
  listeners = [];
  importQueue.clear();
  vi.mocked(watchFileDrops).mockImplementation(async (onEvent) => {
    listeners.push(onEvent);
  });
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listContacts).mockResolvedValue(makePage([makeRow(1)]));
  vi.mocked(countContacts).mockResolvedValue({ count: 1, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([]);
  vi.mocked(searchSites).mockResolvedValue([]);
  vi.mocked(getImportPolicy).mockResolvedValue({ required: [], requirable: [] });
  vi.mocked(importFields).mockResolvedValue([]);
  vi.mocked(previewImport).mockResolvedValue(makePreview());
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("dropping files on the window", () => {
  it("shows the overlay while files hover, and hides it when they leave", async () => {
    renderApp("/contacts", appRoutes);
    await waitFor(() => expect(listeners).toHaveLength(1));
    send({ kind: "hover", count: 2 });
    expect(screen.getByTestId("drop-overlay")).toHaveTextContent("Drop files to import");
    expect(screen.getByTestId("drop-overlay")).toHaveTextContent("2 files");
    send({ kind: "leave" });
    expect(screen.queryByTestId("drop-overlay")).toBeNull();
  });

  it("queues dropped files, opens the Import page and tells why others were refused", async () => {
    const show = vi.spyOn(notifications, "show");
    const { router } = renderApp("/contacts", appRoutes);
    await waitFor(() => expect(listeners).toHaveLength(1));
    send({ kind: "hover", count: 2 });
    send({
      kind: "dropped",
      files: [makeGrant("g1", { name: "customers.csv" })],
      refused: ["Photos is a folder: drop the files inside it."],
    });

    expect(screen.queryByTestId("drop-overlay")).toBeNull();
    await waitFor(() => expect(router.state.location.pathname).toBe("/import"));
    const file = await screen.findByTestId("import-file");
    expect(file).toHaveAttribute("data-name", "customers.csv");
    expect(file).toHaveAttribute("data-selected", "true");
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ message: "Photos is a folder: drop the files inside it." }));
    // The dropped file is checked straight away (a site administrator needs no site).
    await waitFor(() => expect(previewImport).toHaveBeenCalledWith("g1", expect.objectContaining({ siteId: null }), expect.any(Function)));
    expect(within(screen.getByTestId("import-file-header")).getByTestId("import-summary")).toBeInTheDocument();
  });

  it("stays on the page when every dropped file was refused", async () => {
    const show = vi.spyOn(notifications, "show");
    const { router } = renderApp("/contacts", appRoutes);
    await waitFor(() => expect(listeners).toHaveLength(1));
    send({ kind: "dropped", files: [], refused: ["notes.txt cannot be read: permission denied."] });
    expect(show).toHaveBeenCalledTimes(1);
    expect(router.state.location.pathname).toBe("/contacts");
    expect(importQueue.getState().files).toEqual([]);
  });

  it("does not listen for roles that may not import", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({ session: makeSession({ user: makeUser({ role: "billing_admin", permissions: [] }) }) }),
    );
    renderApp("/contacts", appRoutes);
    await screen.findByTestId("user-menu");
    expect(watchFileDrops).not.toHaveBeenCalled();
  });
});

describe("registering the drop listener", () => {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter>{children}</MemoryRouter>;
  // React runs each effect twice on mount in StrictMode, as in the app's development build.
  const options = { wrapper, reactStrictMode: true };

  it("is harmless twice (StrictMode): only the latest listener acts", async () => {
    const { result } = renderHook(() => useFileDropWatcher(true), options);
    await waitFor(() => expect(listeners).toHaveLength(2));
    const [first, latest] = listeners;
    send({ kind: "hover", count: 1 }, first);
    expect(result.current).toBeNull();
    send({ kind: "dropped", files: [makeGrant("old")], refused: [] }, first);
    expect(importQueue.getState().files).toEqual([]);

    send({ kind: "hover", count: 3 }, latest);
    expect(result.current).toBe(3);
    send({ kind: "dropped", files: [makeGrant("new")], refused: [] }, latest);
    expect(result.current).toBeNull();
    expect(importQueue.getState().files.map((file) => file.grant.id)).toEqual(["new"]);
  });

  it("empties the queue when the signed-in layout goes away (the grants end with the session)", async () => {
    const { unmount } = renderHook(() => useFileDropWatcher(true), options);
    await waitFor(() => expect(listeners).toHaveLength(2));
    send({ kind: "dropped", files: [makeGrant("a")], refused: [] });
    expect(importQueue.getState().files).toHaveLength(1);
    unmount();
    expect(importQueue.getState().files).toEqual([]);
  });
});
