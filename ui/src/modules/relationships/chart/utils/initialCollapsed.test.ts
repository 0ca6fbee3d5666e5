import { generateForest, threeLevelTree } from "../testing/chartFixtures";
import { initialCollapsed } from "./initialCollapsed";

describe("initialCollapsed", () => {
  it("opens a small account completely", () => {
    const { people, relationships } = threeLevelTree();
    expect(initialCollapsed(people, relationships).size).toBe(0);
  });

  it("opens a 5,000-person account on the levels that fit the budget", () => {
    // Five trees of six reports each: levels of 5, 30, 180, 1,080 … people.
    const { people, relationships } = generateForest(5000, 5);
    const collapsed = initialCollapsed(people, relationships, 600);

    // Levels 0–2 (215 cards) fit; every manager on level 2 and below starts collapsed.
    expect(collapsed.has("p0")).toBe(false);
    expect(collapsed.has("p5")).toBe(false);
    expect(collapsed.has("p35")).toBe(true);
    expect([...collapsed].every((id) => Number(id.slice(1)) >= 35)).toBe(true);
  });
  it("opens a chart of up to 300 people completely", () => {
    const { people, relationships } = generateForest(300, 1);
    expect(initialCollapsed(people, relationships).size).toBe(0);
  });

  it("opens a bigger chart on levels 0–2 even when deeper levels would fit the budget", () => {
    // One tree of six reports each: levels 0–2 are 1 + 6 + 36 cards, level 3 another 216.
    const { people, relationships } = generateForest(1000, 1);
    const collapsed = initialCollapsed(people, relationships);

    expect(collapsed.has("p6")).toBe(false);
    expect(collapsed.has("p7")).toBe(true);
    expect(collapsed.has("p42")).toBe(true);
    expect([...collapsed].every((id) => Number(id.slice(1)) >= 7)).toBe(true);
  });
});
