import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { accountTimeline, contactTimeline, deleteInteraction } from "../../../ipc/engagement";
import { makeInteraction } from "../../../test/engagementFixtures";
import { renderApp } from "../../../test/renderApp";
import { TimelineCard } from "./TimelineCard";

vi.mock("../../../ipc/engagement");

const onLog = vi.fn();
const onEdit = vi.fn();

function renderTimeline() {
  return renderApp("/", [
    { path: "/", element: <TimelineCard source={{ kind: "contact", id: "42" }} onLog={onLog} onEdit={onEdit} /> },
  ]);
}

const queries = () => vi.mocked(contactTimeline).mock.calls.map(([, query]) => query);

beforeEach(() => {
  vi.mocked(contactTimeline).mockImplementation(async (_id, query) =>
    query.cursor
      ? { items: [makeInteraction({ id: "i3", subject: "Older meeting", channel: "meeting" })], nextCursor: null }
      : {
          items: [
            makeInteraction({
              id: "i1",
              contacts: [
                { id: "42", reference: "C-000042", displayName: "Margaret Whitfield" },
                { id: "43", reference: "C-000043", displayName: "Jon Ode" },
              ],
              attachments: ["https://files.example/quote.pdf"],
            }),
            makeInteraction({ id: "i2", channel: "email", direction: "inbound", subject: "Re: quote", noAnswer: false, outcome: null, nextSteps: null }),
          ],
          nextCursor: "c1",
        },
  );
});

describe("Timeline", () => {
  it("shows each interaction with its channel, direction, outcome, next steps, participants and author", async () => {
    renderTimeline();
    const entries = await screen.findAllByTestId("timeline-entry");
    expect(entries).toHaveLength(2);
    const first = entries[0];
    expect(first).toHaveAttribute("data-channel", "call");
    expect(within(first).getByTestId("timeline-subject")).toHaveTextContent("Boiler replacement plan");
    expect(within(first).getByText("Call · Outbound")).toBeInTheDocument();
    expect(within(first).getByTestId("timeline-outcome")).toHaveTextContent("Outcome: Agreed on the schedule");
    expect(within(first).getByTestId("timeline-next-steps")).toHaveTextContent("Next steps: Send the quote");
    expect(within(first).getByText("With Jon Ode")).toBeInTheDocument();
    expect(within(first).getByText(/logged by Sam Okafor/)).toBeInTheDocument();
    expect(within(first).getByRole("link", { name: "https://files.example/quote.pdf" })).toBeInTheDocument();
    expect(within(entries[1]).getByText("Email · Inbound")).toBeInTheDocument();
    expect(within(entries[1]).queryByTestId("timeline-outcome")).toBeNull();
  });

  it("loads the next page by the core's cursor", async () => {
    const { user } = renderTimeline();
    await screen.findAllByTestId("timeline-entry");
    await user.click(screen.getByTestId("timeline-more"));
    await waitFor(() => expect(screen.getAllByTestId("timeline-entry")).toHaveLength(3));
    expect(queries().at(-1)).toMatchObject({ cursor: "c1" });
    expect(screen.queryByTestId("timeline-more")).toBeNull();
  });

  it("asks the core for the filtered timeline", async () => {
    const { user } = renderTimeline();
    await screen.findAllByTestId("timeline-entry");
    await user.click(screen.getByText("Email"));
    await waitFor(() => expect(queries().at(-1)).toMatchObject({ channels: ["email"], cursor: null }));
    await user.selectOptions(screen.getByTestId("timeline-category"), "technical");
    await user.selectOptions(screen.getByTestId("timeline-direction"), "inbound");
    await user.type(screen.getByTestId("timeline-from"), "2026-11-01");
    await user.type(screen.getByTestId("timeline-until"), "2026-11-30");
    await waitFor(() =>
      expect(queries().at(-1)).toMatchObject({
        channels: ["email"],
        categories: ["technical"],
        directions: ["inbound"],
        from: new Date(2026, 10, 1).toISOString(),
        // "Until" includes its day.
        until: new Date(2026, 11, 1).toISOString(),
      }),
    );
  });

  it("says so when nothing matches, and offers the first log when nothing was logged", async () => {
    vi.mocked(contactTimeline).mockResolvedValue({ items: [], nextCursor: null });
    const { user } = renderTimeline();
    expect(await screen.findByTestId("timeline-empty")).toHaveTextContent("No interactions logged yet.");
    await user.click(screen.getByRole("button", { name: "Log the first one" }));
    expect(onLog).toHaveBeenCalled();
    await user.click(screen.getByText("SMS"));
    expect(await screen.findByText("No interaction matches these filters.")).toBeInTheDocument();
  });

  it("deletes an interaction after confirmation", async () => {
    vi.mocked(deleteInteraction).mockResolvedValue(null);
    const { user } = renderTimeline();
    const [first] = await screen.findAllByTestId("timeline-entry");
    await user.click(within(first).getByTestId("timeline-entry-menu"));
    await user.click(await screen.findByTestId("timeline-delete"));
    const dialog = await screen.findByTestId("delete-interaction");
    expect(dialog).toHaveTextContent("Boiler replacement plan");
    await user.click(within(dialog).getByTestId("delete-interaction-confirm"));
    await waitFor(() => expect(deleteInteraction).toHaveBeenCalledWith("i1"));
  });

  it("shows an account's timeline, naming every participant", async () => {
    vi.mocked(accountTimeline).mockResolvedValueOnce({
      items: [
        makeInteraction({
          id: "i9",
          contacts: [
            { id: "42", reference: "C-000042", displayName: "Margaret Whitfield" },
            { id: "43", reference: "C-000043", displayName: "Jon Ode" },
          ],
        }),
      ],
      nextCursor: null,
    });
    renderApp("/", [{ path: "/", element: <TimelineCard source={{ kind: "account", id: "7" }} onEdit={onEdit} /> }]);
    const [entry] = await screen.findAllByTestId("timeline-entry");
    expect(vi.mocked(accountTimeline).mock.calls[0][0]).toBe("7");
    expect(within(entry).getByText("With Margaret Whitfield, Jon Ode")).toBeInTheDocument();
    expect(contactTimeline).not.toHaveBeenCalled();
  });
});
