import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderApp } from "../../../test/renderApp";
import { FindingsCard } from "./FindingsCard";

describe("FindingsCard", () => {
  it("shows the core's score, each finding and its fix", async () => {
    const onVerify = vi.fn();
    const routes = [
      {
        path: "/c",
        element: (
          <FindingsCard
            contactId="7"
            score={65}
            canEdit
            onVerify={onVerify}
            findings={[
              { code: "never_verified", field: null, message: "These details have never been verified with the person." },
              { code: "missing_job_title", field: "jobTitle", message: "A primary contact without a job title." },
            ]}
          />
        ),
      },
    ];
    const { user } = renderApp("/c", routes);
    expect(await screen.findByTestId("quality-score")).toHaveTextContent("Score 65");
    expect(screen.getByText("2 problems")).toBeInTheDocument();
    const fixes = screen.getAllByTestId("finding-fix");
    expect(fixes[1]).toHaveAttribute("href", "/contacts/7/edit?field=jobTitle");
    await user.click(fixes[0]);
    expect(onVerify).toHaveBeenCalled();
  });

  it("says when nothing is wrong", async () => {
    const routes = [{ path: "/c", element: <FindingsCard contactId="7" score={100} canEdit onVerify={() => {}} findings={[]} /> }];
    renderApp("/c", routes);
    expect(await screen.findByTestId("quality-score")).toHaveTextContent("Score 100");
    expect(screen.getByText("No problems found.")).toBeInTheDocument();
  });
});
