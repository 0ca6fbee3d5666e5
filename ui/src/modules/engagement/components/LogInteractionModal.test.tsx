import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IpcError } from "../../../ipc/client";
import { listOwners } from "../../../ipc/contacts";
import { interactionConsent, logInteraction } from "../../../ipc/engagement";
import { makeFollowUp, makeInteraction } from "../../../test/engagementFixtures";
import { renderApp } from "../../../test/renderApp";
import { LogInteractionModal } from "./LogInteractionModal";

vi.mock("../../../ipc/contacts");
vi.mock("../../../ipc/engagement");

const onClose = vi.fn();
const contact = { id: "42", displayName: "Margaret Whitfield" };

function renderDialog(prefill?: Parameters<typeof LogInteractionModal>[0]["prefill"]) {
  return renderApp("/", [{ path: "/", element: <LogInteractionModal contact={contact} prefill={prefill} onClose={onClose} /> }]);
}

const NO_CONSENT = [{ contact: { id: "42", reference: "C-000042", displayName: "Margaret Whitfield" }, channel: "phone" as const }];

beforeEach(() => {
  onClose.mockReset();
  vi.mocked(listOwners).mockResolvedValue([
    { username: "admin", displayName: "Sam Okafor" },
    { username: "territory", displayName: "Tom Becker" },
  ]);
  vi.mocked(interactionConsent).mockResolvedValue([]);
  vi.mocked(logInteraction).mockResolvedValue({ interaction: makeInteraction(), followUp: null, acknowledged: [] });
});

describe("Log interaction", () => {
  it("warns before logging an outbound call without consent and sends the acknowledgement", async () => {
    vi.mocked(interactionConsent).mockResolvedValue(NO_CONSENT);
    const { user } = renderDialog();
    const subject = await screen.findByTestId("interaction-subject");
    expect(subject).toHaveFocus();
    await user.type(subject, "Quarterly check-in");

    const warning = await screen.findByTestId("consent-warning");
    expect(warning).toHaveTextContent("Margaret Whitfield has not consented to phone calls.");
    expect(interactionConsent).toHaveBeenCalledWith(["42"], "call", "outbound", expect.anything());

    await user.click(screen.getByTestId("interaction-save"));
    expect(await within(warning).findByText(/log it anyway, or change the channel/)).toBeInTheDocument();
    expect(logInteraction).not.toHaveBeenCalled();

    await user.click(within(warning).getByRole("checkbox"));
    await user.click(screen.getByTestId("interaction-save"));
    await waitFor(() => expect(logInteraction).toHaveBeenCalledTimes(1));
    expect(vi.mocked(logInteraction).mock.calls[0][0]).toMatchObject({
      contactIds: ["42"],
      channel: "call",
      direction: "outbound",
      subject: "Quarterly check-in",
      acknowledgeConsent: true,
      followUp: null,
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("asks for consent again when the channel changes, and not for notes", async () => {
    vi.mocked(interactionConsent).mockResolvedValue(NO_CONSENT);
    const { user } = renderDialog();
    await screen.findByTestId("consent-warning");
    await user.click(within(screen.getByTestId("interaction-channel")).getByText("Note"));
    await waitFor(() => expect(screen.queryByTestId("consent-warning")).toBeNull());
    await user.click(within(screen.getByTestId("interaction-channel")).getByText("Email"));
    await screen.findByTestId("consent-warning");
    expect(interactionConsent).toHaveBeenLastCalledWith(["42"], "email", "outbound", expect.anything());
  });

  it("shows the core's field problems on the fields they name", async () => {
    vi.mocked(logInteraction).mockRejectedValue(
      new IpcError({
        code: "invalid_input",
        message: "Some fields need attention.",
        fields: [
          { field: "occurredAt", message: "is in the future; log what has happened" },
          { field: "attachments.0", message: "is neither an absolute path nor a link" },
          { field: "followUp.due.date", message: "is more than ten years away" },
        ],
      }),
    );
    const { user } = renderDialog();
    await user.type(await screen.findByTestId("interaction-subject"), "Site visit");
    await user.type(screen.getByTestId("interaction-next-steps"), "Send the minutes");
    await user.click(screen.getByTestId("interaction-follow-up"));
    const attachments = screen.getByTestId("interaction-attachments");
    await user.type(attachments, "minutes.pdf{Enter}");
    // Ctrl+Enter saves from any field.
    fireEvent.keyDown(screen.getByTestId("interaction-subject"), { key: "Enter", ctrlKey: true });

    expect(await screen.findByText("Date and time is in the future; log what has happened")).toBeInTheDocument();
    expect(screen.getByTestId("interaction-date")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("Attachment is neither an absolute path nor a link")).toBeInTheDocument();
    expect(screen.getByText("Due date is more than ten years away")).toBeInTheDocument();
    const sent = vi.mocked(logInteraction).mock.calls[0][0];
    expect(sent.attachments).toEqual(["minutes.pdf"]);
    expect(sent.followUp).toMatchObject({ contactId: "42", priority: "normal", owner: null });
    expect(sent.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
    expect(onClose).not.toHaveBeenCalled();
  });

  it("checks what it can before asking the core", async () => {
    const { user } = renderDialog();
    await screen.findByTestId("interaction-subject");
    const date = screen.getByTestId("interaction-date");
    await user.clear(date);
    await user.type(date, "26/11/2026");
    await user.click(screen.getByTestId("interaction-follow-up"));
    await user.click(screen.getByTestId("interaction-save"));
    expect(await screen.findByText("Subject is required")).toBeInTheDocument();
    expect(screen.getByText("Enter the date as YYYY-MM-DD and the time as HH:MM")).toBeInTheDocument();
    expect(screen.getByText("Next steps are needed to make a follow-up from them")).toBeInTheDocument();
    expect(logInteraction).not.toHaveBeenCalled();
  });

  it("offers 'no answer' for an outbound call only, and logs a follow-up with its owner", async () => {
    vi.mocked(logInteraction).mockResolvedValue({
      interaction: makeInteraction(),
      followUp: makeFollowUp(),
      acknowledged: [],
    });
    const { user } = renderDialog({ channel: "call", direction: "outbound" });
    await user.type(await screen.findByTestId("interaction-subject"), "Voicemail");
    expect(screen.getByTestId("interaction-no-answer")).toBeInTheDocument();
    await user.click(within(screen.getByTestId("interaction-direction")).getByText("Inbound"));
    expect(screen.queryByTestId("interaction-no-answer")).toBeNull();
    await user.click(within(screen.getByTestId("interaction-direction")).getByText("Outbound"));
    await user.click(screen.getByTestId("interaction-no-answer"));
    await user.type(screen.getByTestId("interaction-next-steps"), "Try again on Monday");
    await user.click(screen.getByTestId("interaction-follow-up"));
    const due = screen.getByTestId("follow-up-due-date");
    await user.clear(due);
    await user.type(due, "2030-01-07");
    await user.type(screen.getByTestId("follow-up-due-time"), "09:30");
    await screen.findByRole("option", { name: "Tom Becker" });
    await user.selectOptions(screen.getByTestId("follow-up-owner"), "territory");
    await user.selectOptions(screen.getByTestId("follow-up-priority"), "high");
    await user.click(screen.getByTestId("interaction-save"));
    await waitFor(() => expect(logInteraction).toHaveBeenCalled());
    const sent = vi.mocked(logInteraction).mock.calls[0][0];
    expect(sent.noAnswer).toBe(true);
    expect(sent.followUp).toMatchObject({
      owner: "territory",
      priority: "high",
      due: { date: "2030-01-07", time: "09:30:00" },
    });
  });
});
