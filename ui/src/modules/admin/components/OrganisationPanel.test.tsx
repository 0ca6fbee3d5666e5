import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listAccounts, listRegions, listSites, saveSite, saveTerritory } from "../../../ipc/admin";
import { appInfo } from "../../../ipc/app";
import type { Site } from "../../../ipc/bindings";
import { makeRegions } from "../../../test/adminFixtures";
import { makeAppInfo } from "../../../test/fixtures";
import { renderApp } from "../../../test/renderApp";
import { adminRoute } from "../utils/adminRoutes";

vi.mock("../../../ipc/admin");
vi.mock("../../../ipc/app");

const routes = [adminRoute("/admin")];

const site: Site = {
  id: "s1",
  accountId: "a1",
  territoryId: "t1",
  territoryName: "Scotland",
  name: "Glasgow depot",
  line1: "12 Clyde Street",
  city: "Glasgow",
  postalCode: "G1 4LN",
  country: "GB",
  contactCount: 14,
};

beforeEach(() => {
  vi.mocked(appInfo).mockResolvedValue(makeAppInfo());
  vi.mocked(listRegions).mockResolvedValue(makeRegions());
  vi.mocked(listAccounts).mockImplementation(async (search) =>
    [
      { id: "a1", name: "Northbridge Systems", kind: "business" as const, active: true, siteCount: 1 },
      { id: "a2", name: "Harriet Stone", kind: "private" as const, active: false, siteCount: 0 },
    ].filter((account) => account.name.toLowerCase().includes(search.toLowerCase())),
  );
  vi.mocked(listSites).mockResolvedValue([site]);
  vi.mocked(saveSite).mockResolvedValue("s1");
  vi.mocked(saveTerritory).mockResolvedValue("t9");
});

describe("Organisation", () => {
  it("shows regions with their territories and site counts", async () => {
    renderApp("/admin/organisation", routes);
    const cards = await screen.findAllByTestId("region-card");
    // In name order.
    expect(cards.map((card) => card.getAttribute("data-region-code"))).toEqual(["DACH", "UKI"]);
    const uki = cards[1];
    expect(uki).toHaveTextContent("2 territories · 79 sites");
    expect(within(uki).getAllByTestId("territory-row").map((row) => row.textContent)).toEqual([
      "UKI-LONLondon48",
      "UKI-SCOScotland31",
    ]);
  });

  it("adds a territory to the region it was started from", async () => {
    const { user } = renderApp("/admin/organisation", routes);
    await user.click(await screen.findByRole("button", { name: "Add a territory to United Kingdom & Ireland" }));
    await user.click(screen.getByTestId("territory-code"));
    await user.paste("uki-wal");
    await user.click(screen.getByTestId("territory-name"));
    await user.paste("Wales");
    await user.click(screen.getByTestId("territory-save"));
    await waitFor(() => expect(saveTerritory).toHaveBeenCalledWith(null, { regionId: "r1", code: "UKI-WAL", name: "Wales" }));
  });

  it("searches accounts, shows the chosen account's sites and warns that moving a site moves its contacts", async () => {
    const { user } = renderApp("/admin/organisation", routes);
    expect(await screen.findAllByTestId("account-item")).toHaveLength(2);
    expect(screen.getByTestId("account-none")).toBeInTheDocument();

    await user.click(screen.getByTestId("account-search"));
    await user.paste("north");
    await waitFor(() => expect(listAccounts).toHaveBeenLastCalledWith("north", expect.anything()));
    await waitFor(() => expect(screen.getAllByTestId("account-item")).toHaveLength(1));

    await user.click(screen.getByTestId("account-item"));
    const row = await screen.findByTestId("site-row");
    expect(listSites).toHaveBeenCalledWith("a1", expect.anything());
    expect(row).toHaveTextContent("Glasgow depot");
    expect(row).toHaveTextContent("Scotland");
    expect(row).toHaveTextContent("12 Clyde Street, G1 4LN Glasgow, GB");
    expect(row).toHaveTextContent("14");

    await user.click(within(row).getByRole("button", { name: "Edit site Glasgow depot" }));
    expect(await screen.findByTestId("site-form")).toHaveTextContent("Another territory takes the contacts with the site.");
    expect(screen.queryByTestId("site-move-warning")).toBeNull();
    await user.click(screen.getByTestId("site-territory"));
    await user.click(await screen.findByRole("option", { name: "London" }));
    expect(screen.getByTestId("site-move-warning")).toHaveTextContent(
      "Moving the site from Scotland to London moves its 14 contacts with it",
    );
    await user.click(screen.getByTestId("site-save"));
    await waitFor(() =>
      expect(saveSite).toHaveBeenCalledWith("s1", {
        accountId: "a1",
        territoryId: "t2",
        name: "Glasgow depot",
        line1: "12 Clyde Street",
        city: "Glasgow",
        postalCode: "G1 4LN",
        country: "GB",
      }),
    );
  });
});
