import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listAuditEvents, verifyAudit } from "../../../ipc/admin";
import { appInfo } from "../../../ipc/app";
import { makeAuditEvent } from "../../../test/adminFixtures";
import { makeAppInfo } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/admin");
vi.mock("../../../ipc/app");

const routes = [adminRoute("/admin")];

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listAuditEvents).mockResolvedValue({
    events: [
      makeAuditEvent(205, {
        action: "create",
        entityId: "9",
        summary: JSON.stringify({ username: "jdoe", role: "territory_manager", regionIds: [], territoryIds: ["3"] }),
      }),
      makeAuditEvent(204, {
        action: "update",
        entity: "security_policy",
        entityId: null,
        summary: JSON.stringify({
          before: { maxFailedSignIns: 5, lockoutMinutes: 15, idleLockMinutes: 10 },
          after: { maxFailedSignIns: 5, lockoutMinutes: 30, idleLockMinutes: 10 },
        }),
      }),
      makeAuditEvent(203, { action: "update", entity: "contact", entityId: "42", summary: '{"fields":["email"]}', hasValues: true }),
      makeAuditEvent(202, { action: "update", entity: "contact", entityId: "43", summary: '{"fields":["phone"]}', hasValues: false }),
    ],
    nextBefore: "202",
  });
});

describe("Audit trail", () => {
  it("shows events newest first with a readable summary and a marker for personal values", async () => {
    renderApp("/admin/audit", routes);
    const rows = await screen.findAllByTestId("audit-row");
    expect(listAuditEvents).toHaveBeenCalledWith(null, expect.anything());
    expect(rows.map((row) => row.getAttribute("data-seq"))).toEqual(["205", "204", "203", "202"]);

    expect(rows[0]).toHaveTextContent(formatDateTime("2026-11-20T09:30:00Z"));
    expect(rows[0]).toHaveTextContent("Create");
    expect(rows[0]).toHaveTextContent("User #9");
    expect(rows[0]).toHaveTextContent("User name: jdoe · Role: Territory manager · Territories: #3");
    expect(rows[0]).not.toHaveTextContent("{");

    // A policy change lists only what changed.
    expect(rows[1]).toHaveTextContent("Security policy");
    expect(rows[1]).toHaveTextContent("Lockout minutes: 15 → 30");
    expect(rows[1]).not.toHaveTextContent("Idle lock");

    expect(within(rows[2]).getByText("Personal values")).toBeInTheDocument();
    expect(within(rows[3]).getByText("Erased")).toBeInTheDocument();
    expect(within(rows[0]).queryByText("Personal values")).toBeNull();
  });

  it("loads older events on request", async () => {
    vi.mocked(listAuditEvents)
      .mockResolvedValueOnce({ events: [makeAuditEvent(102), makeAuditEvent(101)], nextBefore: "101" })
      .mockResolvedValueOnce({ events: [makeAuditEvent(100, { action: "sign_in_failed" })], nextBefore: null });
    const { user } = renderApp("/admin/audit", routes);
    await screen.findAllByTestId("audit-row");
    expect(screen.getByTestId("audit-shown")).toHaveTextContent("The newest 2 events");

    await user.click(screen.getByTestId("audit-load-older"));
    await waitFor(() => expect(screen.getAllByTestId("audit-row")).toHaveLength(3));
    expect(listAuditEvents).toHaveBeenLastCalledWith("101", expect.anything());
    expect(screen.getAllByTestId("audit-row")[2]).toHaveTextContent("Sign in failed");
    expect(screen.getByTestId("audit-shown")).toHaveTextContent("All 3 events");
    expect(screen.queryByTestId("audit-load-older")).toBeNull();
  });

  it("reports an intact chain", async () => {
    vi.mocked(verifyAudit).mockResolvedValue({ ok: true, events: 1234, appendOnly: true, firstBad: null });
    const { user } = renderApp("/admin/audit", routes);
    await screen.findAllByTestId("audit-row");
    await user.click(screen.getByTestId("audit-verify"));

    const result = await screen.findByTestId("audit-verification");
    expect(result).toHaveAttribute("data-ok", "true");
    expect(result).toHaveTextContent("The audit chain is intact");
    expect(result).toHaveTextContent(`All ${new Intl.NumberFormat().format(1234)} events verify`);
    expect(result).toHaveTextContent("The append-only safeguards are in place");
  });

  it("names the first tampered event and says when the safeguards are missing", async () => {
    vi.mocked(verifyAudit).mockResolvedValue({
      ok: false,
      events: 17,
      appendOnly: false,
      firstBad: { seq: "17", at: "2026-11-19T08:00:00Z", reason: "its content was changed after it was written" },
    });
    const { user } = renderApp("/admin/audit", routes);
    await screen.findAllByTestId("audit-row");
    await user.click(screen.getByTestId("audit-verify"));

    const result = await screen.findByTestId("audit-verification");
    expect(result).toHaveAttribute("data-ok", "false");
    expect(result).toHaveAttribute("role", "alert");
    expect(result).toHaveTextContent("The audit chain is broken");
    expect(result).toHaveTextContent(
      `Event #17 of ${formatDateTime("2026-11-19T08:00:00Z")} does not verify: its content was changed after it was written.`,
    );
    expect(result).toHaveTextContent("The append-only safeguards are missing");

    // Dismissed, it can be run again.
    await user.click(within(result).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByTestId("audit-verification")).toBeNull();
  });

  it("says the trail is unprotected when every event verifies but the triggers are gone", async () => {
    vi.mocked(verifyAudit).mockResolvedValue({ ok: false, events: 40, appendOnly: false, firstBad: null });
    const { user } = renderApp("/admin/audit", routes);
    await screen.findAllByTestId("audit-row");
    await user.click(screen.getByTestId("audit-verify"));

    const result = await screen.findByTestId("audit-verification");
    expect(result).toHaveTextContent("The audit trail is not protected");
    expect(result).toHaveTextContent("All 40 events verify.");
  });
});
