import { MantineProvider } from "@mantine/core";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { theme } from "../../../app/theme";
import { IpcError } from "../../../ipc/client";
import { JustificationModal, type JustificationModalProps } from "./JustificationModal";

function renderModal(props: Partial<JustificationModalProps> = {}) {
  const all: JustificationModalProps = {
    opened: true,
    fields: ["contactType", "approvalLimit"],
    submitting: false,
    error: null,
    onCancel: vi.fn(),
    onSubmit: vi.fn(),
    ...props,
  };
  const view = render(
    <MantineProvider theme={theme} env="test">
      <JustificationModal {...all} />
    </MantineProvider>,
  );
  const rerender = (next: Partial<JustificationModalProps>) =>
    view.rerender(
      <MantineProvider theme={theme} env="test">
        <JustificationModal {...all} {...next} />
      </MantineProvider>,
    );
  return { ...all, rerender, user: userEvent.setup() };
}

describe("JustificationModal", () => {
  it("names the changed fields in words and asks for all three answers", async () => {
    const { user, onSubmit } = renderModal();
    const dialog = await screen.findByTestId("justification-modal");
    expect(dialog).toHaveTextContent("Changing the contact type and approval limit is a significant change");
    expect(within(dialog).getByTestId("justification-approved-on")).toHaveValue(
      new Date().toLocaleDateString("sv-SE"),
    );
    await user.clear(within(dialog).getByTestId("justification-approved-on"));
    await user.click(within(dialog).getByTestId("justification-submit"));
    expect(within(dialog).getByTestId("justification-reason")).toHaveAccessibleDescription(
      expect.stringContaining("Enter the business justification"),
    );
    expect(within(dialog).getByTestId("justification-approved-by")).toHaveAccessibleDescription(
      expect.stringContaining("Enter who approved the change"),
    );
    expect(within(dialog).getByTestId("justification-approved-on")).toHaveAccessibleDescription(
      expect.stringContaining("Enter the date of the approval"),
    );
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(within(dialog).getByTestId("justification-reason"), " Promoted to site manager ");
    await user.type(within(dialog).getByTestId("justification-approved-by"), "Ana Ortiz");
    await user.type(within(dialog).getByTestId("justification-approved-on"), "2025-02-03");
    await user.click(within(dialog).getByTestId("justification-submit"));
    expect(onSubmit).toHaveBeenCalledWith({
      reason: "Promoted to site manager",
      approvedBy: "Ana Ortiz",
      approvedOn: "2025-02-03",
    });
  });

  it("shows the core's justification problems next to their fields, and others above them", async () => {
    const { rerender } = renderModal();
    rerender({
      error: new IpcError({
        code: "invalid_input",
        message: "2 fields need attention.",
        fields: [
          { field: "justification.approvedOn", message: "is in the future" },
          { field: "sites.0.role", message: "is required" },
        ],
      }),
    });
    const dialog = await screen.findByTestId("justification-modal");
    expect(within(dialog).getByTestId("justification-approved-on")).toHaveAccessibleDescription(
      expect.stringContaining("Approved on is in the future"),
    );
    expect(within(dialog).getByRole("alert")).toHaveTextContent(/role is required/);
  });

  it("does not treat the request for a justification as a failure", async () => {
    renderModal({
      error: new IpcError({
        code: "justification_required",
        message: "Changing sites is a significant change",
        fields: [{ field: "sites", message: "is a significant change" }],
      }),
    });
    const dialog = await screen.findByTestId("justification-modal");
    expect(within(dialog).queryByRole("alert")).toBeNull();
  });

  it("cancels", async () => {
    const { user, onCancel } = renderModal();
    await user.click(within(await screen.findByTestId("justification-modal")).getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalled();
  });
});
