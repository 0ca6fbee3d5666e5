import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listMapAccounts } from "../../../ipc/relationships";
import { renderApp } from "../../../test/renderApp";
import { AccountsPage } from "./AccountsPage";

vi.mock("../../../ipc/relationships");

const routes = [
  { path: "/accounts", element: <AccountsPage /> },
  { path: "/accounts/:id", element: <p>account page</p> },
];

beforeEach(() => {
  vi.mocked(listMapAccounts).mockImplementation(async (query) =>
    query === "zzz"
      ? []
      : [
          { id: "7", name: "Acme Corporation", siteCount: 3, peopleCount: 41 },
          { id: "9", name: "Borealis Foods", siteCount: 1, peopleCount: 1_250 },
        ],
  );
});

describe("AccountsPage", () => {
  it("lists the accounts with their sites and the people the user sees, and opens one", async () => {
    const { user, router } = renderApp("/accounts", routes);
    const rows = await screen.findAllByTestId("account-row");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent("Borealis Foods");
    expect(rows[1]).toHaveTextContent("1,250");
    await user.click(screen.getByRole("link", { name: "Acme Corporation" }));
    expect(router.state.location.pathname).toBe("/accounts/7");
  });

  it("asks the core for the typed name and says when nothing matches", async () => {
    const { user } = renderApp("/accounts", routes);
    await screen.findAllByTestId("account-row");
    await user.type(screen.getByTestId("accounts-search"), "zzz");
    expect(await screen.findByTestId("accounts-empty")).toHaveTextContent("No account you can see has a name containing “zzz”");
    await waitFor(() => expect(listMapAccounts).toHaveBeenLastCalledWith("zzz", expect.anything()));
  });
});
