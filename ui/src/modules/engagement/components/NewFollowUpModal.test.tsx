import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IpcError } from "../../../ipc/client";
import { listOwners } from "../../../ipc/contacts";
import { createFollowUp } from "../../../ipc/engagement";
import { makeFollowUp } from "../../../test/engagementFixtures";
import { renderApp } from "../../../test/renderApp";
import { NewFollowUpModal } from "./NewFollowUpModal";

vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/engagement");

const onClose = vi.fn();

beforeEach(() => {
  onClose.mockReset();
  vi.mocked(listOwners).mockResolvedValue([{ username: "admin", displayName: "Sam Okafor" }]);
});

describe("New follow-up", () => {
  it("creates a follow-up on its own with its due day and time", async () => {
    vi.mocked(createFollowUp).mockResolvedValue(makeFollowUp());
    const { user } = renderApp("/", [{ path: "/", element: <NewFollowUpModal contactId="42" onClose={onClose} /> }]);
    const title = await screen.findByTestId("new-follow-up-title");
    expect(title).toHaveFocus();
    await user.type(title, "Ask about the renewal");
    const date = screen.getByTestId("new-follow-up-date");
    await user.clear(date);
    await user.type(date, "2030-02-01");
    await user.click(screen.getByTestId("new-follow-up-save"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(vi.mocked(createFollowUp).mock.calls[0][0]).toMatchObject({
      contactId: "42",
      title: "Ask about the renewal",
      due: { date: "2030-02-01", time: null },
      owner: null,
    });
  });

  it("shows the core's problem on the due date", async () => {
    vi.mocked(createFollowUp).mockRejectedValue(
      new IpcError({ code: "invalid_input", message: "Check the fields.", fields: [{ field: "due.date", message: "is more than ten years away" }] }),
    );
    const { user } = renderApp("/", [{ path: "/", element: <NewFollowUpModal contactId="42" onClose={onClose} /> }]);
    await user.type(await screen.findByTestId("new-follow-up-title"), "Far away");
    await user.click(screen.getByTestId("new-follow-up-save"));
    expect(await screen.findByText("Due date is more than ten years away")).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });
});
