import { generateForest, threeLevelTree } from "../testing/chartFixtures";
import { initialCollapsed } from "./initialCollapsed";

describe("initialCollapsed", () => {
  it("opens a small account completely", () => {
    const { people, relationships } = threeLevelTree();
    expect(initialCollapsed(people, relationships).size).toBe(0);
  });

  it("opens a 5,000-person forest on the levels that fit the budget and can be read", () => {
    // Five trees of six reports each: levels of 5, 30, 180, 1,080 … people.
    const { people, relationships } = generateForest(5000, 5);

    // Levels 0–2 (215 cards) fit the budget, but five trees of them fitted into a window are too
    // small to read: every manager on level 1 and below starts collapsed.
    const collapsed = initialCollapsed(people, relationships, 600);
    expect(collapsed.has("p0")).toBe(false);
    expect(collapsed.has("p5")).toBe(true);
    expect([...collapsed].every((id) => Number(id.slice(1)) >= 5)).toBe(true);
  });

  it("opens fewer levels when the budget is small", () => {
    // One tree of six reports each: levels 0–1 are 7 cards, level 2 another 36.
    const { people, relationships } = generateForest(1000, 1);
    const collapsed = initialCollapsed(people, relationships, 20);

    expect(collapsed.has("p0")).toBe(false);
    expect(collapsed.has("p1")).toBe(true);
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
  it("opens one level less when the levels that fit would be too wide to read", () => {
    // Twenty reports a manager: levels 0–2 would be a row of 400 cards; levels 0–1 stack.
    const { people, relationships } = generateForest(1000, 1, 20);
    const collapsed = initialCollapsed(people, relationships);

    expect(collapsed.has("p0")).toBe(false);
    expect(collapsed.has("p1")).toBe(true);
    expect(collapsed.has("p20")).toBe(true);
  });
});
