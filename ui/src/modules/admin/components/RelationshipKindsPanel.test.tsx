import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appInfo } from "../../../ipc/app";
import type { RelationshipKind } from "../../../ipc/bindings";
import { IpcError } from "../../../ipc/client";
import { relationshipKinds, saveRelationshipKind } from "../../../ipc/relationships";
import { makeAppInfo } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { relationshipKeys } from "../../relationships/utils/queryKeys";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/app");
vi.mock("../../../ipc/relationships");

const routes = [adminRoute("/admin")];

const BUILT_IN: RelationshipKind[] = [
  { code: "reports_to", label: "Reports to", builtIn: true, hierarchical: true, directed: true },
  { code: "assistant_of", label: "Assistant of", builtIn: true, hierarchical: false, directed: true },
  { code: "works_with", label: "Works with", builtIn: true, hierarchical: false, directed: false },
  { code: "influences", label: "Influences", builtIn: true, hierarchical: false, directed: true },
];

function invalid(field: string, message: string) {
  return new IpcError({ code: "invalid_input", message: `${field}: ${message}`, fields: [{ field, message }] });
}

let stored: RelationshipKind[];

beforeEach(() => {
  stored = [...BUILT_IN, { code: "covers_for", label: "Covers for", builtIn: false, hierarchical: false, directed: true }];
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(relationshipKinds).mockImplementation(async () => [...stored]);
  vi.mocked(saveRelationshipKind).mockImplementation(async (input) => {
    const code = input.code ?? input.label.toLowerCase().replace(/\W+/g, "_");
    const kind = {
      code,
      label: input.label,
      builtIn: false,
      hierarchical: input.hierarchical ?? false,
      directed: input.directed ?? false,
    };
    stored = [...stored.filter((k) => k.code !== code), kind];
    return kind;
  });
});

async function openKinds() {
  const view = renderApp("/admin/kinds", routes);
  await screen.findByTestId("kinds-table");
  return view;
}

function row(code: string) {
  const found = screen.getAllByTestId("kind-row").find((r) => r.getAttribute("data-kind-code") === code);
  if (!found) throw new Error(`no row for ${code}`);
  return found;
}

describe("Relationship kinds", () => {
  it("lists the built-in kinds first, then added ones, with their rules", async () => {
    await openKinds();
    expect(screen.getByTestId("admin-tab-kinds")).toHaveAttribute("aria-selected", "true");
    expect(screen.getAllByTestId("kind-row").map((r) => r.getAttribute("data-kind-code"))).toEqual([
      "assistant_of",
      "influences",
      "reports_to",
      "works_with",
      "covers_for",
    ]);
    const reportsTo = row("reports_to");
    expect(reportsTo).toHaveTextContent("Reports to");
    expect(reportsTo).toHaveTextContent("Built in");
    expect(reportsTo).toHaveTextContent("Hierarchy");
    expect(reportsTo).toHaveTextContent("Directed");
    expect(row("works_with")).toHaveTextContent("Both ways");
    expect(row("works_with")).not.toHaveTextContent("Hierarchy");
    expect(within(row("covers_for")).queryByTestId("kind-built-in")).toBeNull();
  });

  it("shows an error with a retry when the kinds cannot be read", async () => {
    vi.mocked(relationshipKinds).mockRejectedValueOnce(
      new IpcError({ code: "unavailable", message: "The database is busy.", fields: [] }),
    );
    const { user } = renderApp("/admin/kinds", routes);
    const error = await screen.findByTestId("kinds-error");
    expect(error).toHaveTextContent("The database is busy.");
    await user.click(within(error).getByRole("button"));
    expect(await screen.findByTestId("kinds-table")).toBeInTheDocument();
  });

  it("adds a directed kind, then lists it and refreshes the chart's map", async () => {
    const { user, queryClient } = await openKinds();
    queryClient.setQueryData(relationshipKeys.accountMap("a1"), { kinds: BUILT_IN });

    await user.click(screen.getByTestId("kind-add"));
    expect(await screen.findByTestId("kind-form")).toBeInTheDocument();
    expect(screen.getByTestId("kind-hierarchical")).toBeEnabled();
    await user.click(screen.getByTestId("kind-label"));
    await user.paste("Mentors");
    await user.click(screen.getByTestId("kind-directed"));
    await user.click(screen.getByTestId("kind-submit"));

    await waitFor(() =>
      expect(saveRelationshipKind).toHaveBeenCalledWith({ code: null, label: "Mentors", hierarchical: false, directed: true }),
    );
    await waitFor(() => expect(screen.queryByTestId("kind-form")).toBeNull());
    await waitFor(() => expect(row("mentors")).toHaveTextContent("Mentors"));
    expect(row("mentors")).toHaveAttribute("data-directed", "true");
    expect(queryClient.getQueryState(relationshipKeys.accountMap("a1"))?.isInvalidated).toBe(true);
  });

  it("asks for a label before saving", async () => {
    const { user } = await openKinds();
    await user.click(screen.getByTestId("kind-add"));
    await user.click(await screen.findByTestId("kind-submit"));
    expect(screen.getByTestId("kind-label")).toHaveAccessibleDescription(expect.stringContaining("Enter a label"));
    expect(saveRelationshipKind).not.toHaveBeenCalled();
  });

  it("shows the core's refusal at the field it names and keeps the dialog open", async () => {
    vi.mocked(saveRelationshipKind).mockRejectedValueOnce(invalid("label", 'there is already a kind called "Covers for"'));
    const { user } = await openKinds();
    await user.click(screen.getByTestId("kind-add"));
    const label = await screen.findByTestId("kind-label");
    await user.click(label);
    await user.paste("Covers for");
    await user.click(screen.getByTestId("kind-submit"));

    await waitFor(() =>
      expect(label).toHaveAccessibleDescription(expect.stringContaining('There is already a kind called "Covers for"')),
    );
    expect(screen.getByTestId("kind-form")).toBeInTheDocument();
    expect(screen.queryByTestId("form-error")).toBeNull();

    // Typing again clears the message.
    await user.type(label, "!");
    expect(label).not.toHaveAccessibleDescription(expect.stringContaining("There is already"));
  });

  it("shows a refused rule change under the hierarchy control", async () => {
    vi.mocked(saveRelationshipKind).mockRejectedValueOnce(
      invalid("hierarchical", "relationships of this kind exist; its rules can no longer change"),
    );
    const { user } = await openKinds();
    await user.click(within(row("covers_for")).getByTestId("kind-edit"));
    expect(await screen.findByTestId("kind-label")).toHaveValue("Covers for");
    expect(screen.getByTestId("kind-directed")).toBeChecked();
    await user.click(screen.getByTestId("kind-hierarchical"));
    await user.click(screen.getByTestId("kind-submit"));

    await waitFor(() =>
      expect(saveRelationshipKind).toHaveBeenCalledWith({
        code: "covers_for",
        label: "Covers for",
        hierarchical: true,
        directed: true,
      }),
    );
    expect(await screen.findByText("Relationships of this kind exist; its rules can no longer change")).toBeInTheDocument();
    expect(screen.getByTestId("kind-form")).toBeInTheDocument();
  });

  it("lets a built-in kind be relabelled only: its rules are disabled and explained", async () => {
    const { user } = await openKinds();
    await user.click(within(row("reports_to")).getByTestId("kind-edit"));
    expect(await screen.findByTestId("kind-label")).toHaveValue("Reports to");
    expect(screen.getByTestId("kind-hierarchical")).toBeDisabled();
    expect(screen.getByTestId("kind-hierarchical")).toBeChecked();
    expect(screen.getByTestId("kind-directed")).toBeDisabled();
    expect(screen.getByTestId("kind-rules-note")).toHaveTextContent("This kind is built in");

    await user.clear(screen.getByTestId("kind-label"));
    await user.click(screen.getByTestId("kind-label"));
    await user.paste("Line manager");
    await user.click(screen.getByTestId("kind-submit"));
    await waitFor(() =>
      expect(saveRelationshipKind).toHaveBeenCalledWith({
        code: "reports_to",
        label: "Line manager",
        hierarchical: true,
        directed: true,
      }),
    );
  });
});
