import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import { IpcError } from "../../../ipc/client";
import { buildReport, exportReport } from "../../../ipc/reports";
import { makeAppInfo } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { makeReport } from "../../../test/reportFixtures";
import { quarterOptions } from "../utils/reportKinds";
import { ReportsPage } from "./ReportsPage";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/reports");

const routes = [{ path: "/reports", element: <ReportsPage /> }];

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(buildReport).mockImplementation(async (request) =>
    request.kind === "data_quality"
      ? makeReport({
          kind: "data_quality",
          title: "Data quality report",
          period: { key: "2026-11-02", label: "As of 2 November 2026", from: "2026-11-02T00:00:00Z", to: "2026-11-02T09:30:00Z" },
          chart: { title: "Data quality over time", series: "Score", points: [{ label: "2026-11-02", value: 82 }] },
        })
      : makeReport({ kind: request.kind, period: { ...makeReport().period, key: request.period ?? "" } }),
  );
  vi.mocked(exportReport).mockResolvedValue({ path: "/home/sam/monthly-2026-10.pdf", format: "pdf" });
});

describe("ReportsPage", () => {
  it("shows the report's figures and tables, numbers right-aligned, empty tables said so", async () => {
    renderApp("/reports?kind=monthly&period=2026-10", routes);
    expect(await screen.findByTestId("report-title")).toHaveTextContent("Monthly contact management report");
    expect(screen.getByTestId("report-meta")).toHaveTextContent("October 2026 · All contacts");
    expect(screen.getByTestId("report-meta")).toHaveTextContent("by Sam Okafor");
    expect(buildReport).toHaveBeenCalledWith({ kind: "monthly", period: "2026-10" }, expect.anything());
    const figures = screen.getAllByTestId("report-figure");
    expect(figures.map((f) => f.getAttribute("data-label"))).toEqual(["Contacts", "New in the month", "Data quality"]);
    expect(figures[0]).toHaveTextContent("1,204");
    const [territories, imports] = screen.getAllByTestId("report-section");
    const cells = within(territories).getAllByRole("cell");
    expect(cells[0]).toHaveTextContent("London North");
    expect(cells[2]).toHaveTextContent("640");
    expect(cells[2]).toHaveStyle({ textAlign: "right" });
    expect(cells[0]).not.toHaveStyle({ textAlign: "right" });
    expect(within(imports).getByTestId("report-section-empty")).toHaveTextContent("Nothing to list.");
  });

  it("switches report and period through the URL", async () => {
    const { user, router } = renderApp("/reports", routes);
    await screen.findByTestId("report-title");
    expect(buildReport).toHaveBeenLastCalledWith(expect.objectContaining({ kind: "monthly" }), expect.anything());

    await user.click(screen.getByTestId("report-kind-quarterly_review"));
    const current = quarterOptions(new Date())[0].value;
    await waitFor(() =>
      expect(buildReport).toHaveBeenLastCalledWith({ kind: "quarterly_review", period: current }, expect.anything()),
    );
    expect(router.state.location.search).toBe("?kind=quarterly_review");

    await user.click(screen.getByTestId("report-period"));
    const previous = quarterOptions(new Date())[1];
    await user.click(await screen.findByRole("option", { name: previous.label }));
    await waitFor(() =>
      expect(buildReport).toHaveBeenLastCalledWith({ kind: "quarterly_review", period: previous.value }, expect.anything()),
    );

    await user.click(screen.getByTestId("report-kind-data_quality"));
    await waitFor(() => expect(buildReport).toHaveBeenLastCalledWith({ kind: "data_quality", period: null }, expect.anything()));
    expect(await screen.findByTestId("report-chart-empty")).toHaveTextContent("Today's: 82%.");
    expect(screen.queryByTestId("report-period")).toBeNull();
  });

  it("exports the shown report and says where it went, or why not", async () => {
    const { user } = renderApp("/reports?kind=monthly&period=2026-10", routes);
    await screen.findByTestId("report-title");
    await user.click(screen.getByTestId("report-export-pdf"));
    expect(exportReport).toHaveBeenCalledWith({ kind: "monthly", period: "2026-10" }, "pdf");
    expect(await screen.findByTestId("report-exported")).toHaveTextContent("Saved to /home/sam/monthly-2026-10.pdf");

    vi.mocked(exportReport).mockResolvedValueOnce(null);
    await user.click(screen.getByTestId("report-export-csv"));
    expect(exportReport).toHaveBeenLastCalledWith({ kind: "monthly", period: "2026-10" }, "csv");
    await waitFor(() => expect(screen.queryByTestId("report-exported")).toBeNull());

    vi.mocked(exportReport).mockRejectedValueOnce(
      new IpcError({ code: "unavailable", message: "The folder /media/usb cannot be written to.", fields: [] }),
    );
    await user.click(screen.getByTestId("report-export-csv"));
    expect(await screen.findByTestId("report-export-error")).toHaveTextContent("The folder /media/usb cannot be written to.");
  });

  it("says why a report could not be made", async () => {
    vi.mocked(buildReport).mockRejectedValue(
      new IpcError({ code: "invalid_input", message: "\"2026-13\" is not a period of this report.", fields: [] }),
    );
    renderApp("/reports?kind=monthly", routes);
    expect(await screen.findByTestId("report-error")).toHaveTextContent("is not a period of this report");
  });
});
