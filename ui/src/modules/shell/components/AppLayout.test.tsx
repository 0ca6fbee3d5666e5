import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appRoutes } from "../../../app/routes";
import { appInfo } from "../../../ipc/app";
import { contactHistory, countContacts, getContact, listContacts, listTerritories } from "../../../ipc/contacts";
import { buildReport } from "../../../ipc/reports";
import { makeAppInfo, makeContactDetail, makePage, makeRow, makeSession, makeUser } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { makeReport } from "../../../test/reportFixtures";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/reports");

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listContacts).mockImplementation(async (query) =>
    makePage(
      query.search
        ? [makeRow(7, { displayName: "Ann Example", company: "Globex", email: "ann@globex.example" }), makeRow(8)]
        : [makeRow(1)],
    ),
  );
  vi.mocked(countContacts).mockResolvedValue({ count: 1, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([]);
  vi.mocked(contactHistory).mockResolvedValue([]);
  vi.mocked(buildReport).mockResolvedValue(makeReport());
  vi.mocked(getContact).mockImplementation(async (id) => makeContactDetail({ id, displayName: "Ann Example" }));
});

describe("AppLayout", () => {
  it("opens on Contacts, lists every section and marks a demo database", async () => {
    const { router } = renderApp("/", appRoutes);

    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts"));
    await screen.findByTestId("nav-admin");
    for (const slug of ["dashboard", "contacts", "relationships", "import", "duplicates", "reports", "admin"]) {
      expect(screen.getByTestId(`nav-${slug}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId("nav-contacts")).toHaveAttribute("data-active", "true");
    expect(await screen.findByTestId("demo-badge")).toHaveTextContent("Demo database");
    expect(screen.getByTestId("status-bar")).toHaveTextContent("/home/test/.local/share/rapport/rapport.sqlite3");
  });

  it("has no demo badge for a real database", async () => {
    vi.mocked(appInfo).mockResolvedValue(makeAppInfo({ isDemo: false }));
    renderApp("/contacts", appRoutes);
    await screen.findByText(/you can see/);
    expect(screen.queryByTestId("demo-badge")).toBeNull();
  });

  it("shows Administration to site administrators only", async () => {
    vi.mocked(appInfo).mockResolvedValue(
      makeAppInfo({ session: makeSession({ user: makeUser({ role: "territory_manager", displayName: "Tom Becker" }) }) }),
    );
    renderApp("/contacts", appRoutes);
    expect(await screen.findByTestId("user-menu")).toHaveAccessibleName(/Tom Becker, Territory manager/);
    expect(screen.getByTestId("nav-contacts")).toBeInTheDocument();
    expect(screen.getByTestId("nav-reports")).toBeInTheDocument();
    expect(screen.queryByTestId("nav-admin")).toBeNull();
    expect(screen.queryByText("Settings")).toBeNull();
  });

  it("opens Reports on the monthly report from the navigation", async () => {
    const { user } = renderApp("/contacts", appRoutes);
    await user.click(screen.getByTestId("nav-reports"));
    expect(await screen.findByTestId("report-title")).toHaveTextContent("Monthly contact management report");
    expect(buildReport).toHaveBeenCalledWith(expect.objectContaining({ kind: "monthly" }), expect.anything());
  });

  it("opens global search with Ctrl+K and jumps to a result with the keyboard", async () => {
    const { user, router } = renderApp("/reports", appRoutes);
    await screen.findByTestId("reports-page");

    await user.keyboard("{Control>}k{/Control}");
    const input = await screen.findByTestId("global-search");
    await user.type(input, "ann");

    await waitFor(() =>
      expect(listContacts).toHaveBeenCalledWith(
        expect.objectContaining({ search: "ann", limit: 10, cursor: null }),
        expect.anything(),
      ),
    );
    const results = await screen.findAllByTestId("global-search-result");
    expect(results[0]).toHaveTextContent("Ann Example");
    expect(results[0]).toHaveTextContent("Globex · ann@globex.example");

    await user.keyboard("{ArrowDown}{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts/7"));
    expect(await screen.findByTestId("contact-name")).toHaveTextContent("Ann Example");
  });
});
