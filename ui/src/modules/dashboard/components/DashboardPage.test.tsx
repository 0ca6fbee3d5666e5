import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { Dashboard } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { countContacts, listContacts, listTerritories } from "../../../ipc/contacts";
import { dashboard } from "../../../ipc/dashboard";
import { makeAppInfo, makePage, makeRow } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { ContactsPage } from "../../contacts/components/ContactsPage";
import { listSavedViews } from "../../contacts/list/ipc";
import { DashboardPage } from "./DashboardPage";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/dashboard");
vi.mock("../../contacts/list/ipc");

function makeDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    generatedAt: "2026-11-26T10:00:00Z",
    total: 120,
    byType: [
      { value: "primary", count: 50 },
      { value: "billing", count: 30 },
      { value: "operations", count: 20 },
      { value: "emergency", count: 15 },
      { value: "other", count: 5 },
    ],
    byStage: [
      { value: "lead", count: 10 },
      { value: "prospect", count: 20 },
      { value: "active_customer", count: 80 },
      { value: "former", count: 10 },
    ],
    byStatus: [
      { value: "active", count: 100 },
      { value: "inactive", count: 15 },
      { value: "archived", count: 5 },
    ],
    byTerritory: [
      { territoryId: "t1", name: "London North", regionName: "London", count: 70 },
      { territoryId: "t2", name: "Manchester", regionName: "North West", count: 50 },
    ],
    month: { since: "2026-11-01T00:00:00.000Z", created: 7, updated: 12, deactivated: 2 },
    quality: {
      contacts: 120,
      clean: 90,
      unreachable: 10,
      unverified: 25,
      score: 75,
      verificationDays: 90,
      trend: [
        { day: "2026-10-20", contacts: 110, clean: 77, unreachable: 10, unverified: 23, score: 70 },
        { day: "2026-11-02", contacts: 120, clean: 90, unreachable: 10, unverified: 25, score: 75 },
      ],
    },
    work: { due: 3, overdue: 1, overdueInScope: 4, nonResponsive: 2 },
    imports: [
      {
        id: "1",
        fileName: "october.csv",
        format: "csv",
        encoding: "utf-8",
        user: "admin",
        userName: "Sam Okafor",
        siteId: null,
        siteName: null,
        records: 40,
        imported: 38,
        updated: 1,
        skipped: 1,
        rejected: 0,
        createdAt: "2026-11-20T10:00:00Z",
        undoneAt: null,
        undoneBy: null,
        undoneByName: null,
      },
    ],
    timings: { breakdownMs: 1, territoriesMs: 1, monthMs: 1, workMs: 1, importsMs: 1, totalMs: 5 },
    ...overrides,
  };
}

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(dashboard).mockResolvedValue(makeDashboard());
  vi.mocked(listSavedViews).mockResolvedValue([]);
  vi.mocked(listContacts).mockResolvedValue(makePage([makeRow(1, { displayName: "Ada Lovelace" })]));
  vi.mocked(countContacts).mockResolvedValue({ count: 30, exact: true });
  vi.mocked(listTerritories).mockResolvedValue([
    { id: "t1", name: "London North", regionName: "London" },
    { id: "t2", name: "Manchester", regionName: "North West" },
  ]);
});

function renderPage() {
  return renderApp("/dashboard", [
    { path: "/dashboard", element: <DashboardPage /> },
    { path: "/contacts", element: <ContactsPage /> },
  ]);
}

describe("DashboardPage", () => {
  it("charts the contacts by type, stage, status and territory with a link per figure", async () => {
    renderPage();
    const typeChart = await screen.findByTestId("dashboard-chart-type");
    const billing = within(typeChart).getByRole("link", { name: "Billing" });
    expect(billing).toHaveAttribute("href", "/contacts?type=billing");
    expect(billing).toHaveAttribute("data-filter", "type=billing");
    expect(billing).toHaveAttribute("data-count", "30");
    const stage = within(screen.getByTestId("dashboard-chart-stage")).getByRole("link", { name: "Lead" });
    expect(stage).toHaveAttribute("href", "/contacts?stage=lead");
    const status = within(screen.getByTestId("dashboard-chart-status")).getByRole("link", { name: "Inactive" });
    expect(status).toHaveAttribute("data-count", "15");
    const territory = within(screen.getByTestId("dashboard-chart-territory")).getByRole("link", { name: "Manchester" });
    expect(territory).toHaveAttribute("href", "/contacts?territory=t2");
    expect(screen.getByTestId("dashboard-quality-score")).toHaveTextContent("75%");
    expect(screen.getByTestId("dashboard-quality-trend-text")).toHaveTextContent("+5 points over 13 days");
    expect(screen.getByTestId("dashboard-quality-report")).toHaveAttribute("href", "/reports?kind=data_quality");
    expect(screen.getByTestId("dashboard-imports")).toHaveTextContent("october.csv");
    const created = screen
      .getAllByTestId("dashboard-link")
      .find((link) => link.getAttribute("data-filter")?.startsWith("changed=created"));
    expect(created).toHaveAttribute("data-count", "7");
    expect(created).toHaveAttribute("href", "/contacts?changed=created&since=2026-11-01T00%3A00%3A00.000Z");
  });

  it("opens the contact list with the figure's filter", async () => {
    const { user, router } = renderPage();
    const typeChart = await screen.findByTestId("dashboard-chart-type");
    await user.click(within(typeChart).getByRole("link", { name: "Billing" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/contacts"));
    expect(router.state.location.search).toBe("?type=billing");
    await waitFor(() =>
      expect(countContacts).toHaveBeenCalledWith(
        expect.objectContaining({ filter: expect.objectContaining({ contactType: "billing" }) }),
        expect.anything(),
      ),
    );
  });

  it("opens the list at a lifecycle stage", async () => {
    const { user, router } = renderPage();
    const stageChart = await screen.findByTestId("dashboard-chart-stage");
    await user.click(within(stageChart).getByRole("link", { name: "Prospect" }));
    await waitFor(() => expect(router.state.location.search).toBe("?stage=prospect"));
    await waitFor(() =>
      expect(countContacts).toHaveBeenCalledWith(
        expect.objectContaining({ filter: expect.objectContaining({ lifecycleStage: "prospect" }) }),
        expect.anything(),
      ),
    );
  });

  it("reads well with no contacts", async () => {
    vi.mocked(dashboard).mockResolvedValue(
      makeDashboard({
        total: 0,
        byType: [],
        byStage: [],
        byStatus: [],
        byTerritory: [],
        imports: [],
        month: { since: "2026-11-01T00:00:00.000Z", created: 0, updated: 0, deactivated: 0 },
      }),
    );
    renderPage();
    expect(await screen.findByTestId("dashboard-empty")).toHaveTextContent("No contacts to chart yet");
    expect(screen.queryByTestId("dashboard-chart-type")).toBeNull();
  });

  it("shows the error with a retry", async () => {
    vi.mocked(dashboard).mockRejectedValue(new IpcError({ code: "unavailable", message: "The database is busy.", fields: [] }));
    renderPage();
    expect(await screen.findByTestId("dashboard-error")).toBeInTheDocument();
  });
});
