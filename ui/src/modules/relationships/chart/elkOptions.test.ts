import benchSource from "../../../../scripts/bench-layout.mjs?raw";
import { ELK_TREE_OPTIONS } from "./elkOptions";

describe("ELK_TREE_OPTIONS", () => {
  it("is the set of options the layout benchmark times", () => {
    const copy = /export const ELK_TREE_OPTIONS = (\{[\s\S]*?\});/.exec(benchSource)?.[1];
    expect(copy, "scripts/bench-layout.mjs keeps a copy of the options").toBeDefined();
    // The copy is a JSON-compatible object literal apart from a trailing comma.
    const parsed = JSON.parse((copy as string).replace(/,\s*\}$/, "}")) as Record<string, string>;
    expect(parsed).toEqual(ELK_TREE_OPTIONS);
  });
});
