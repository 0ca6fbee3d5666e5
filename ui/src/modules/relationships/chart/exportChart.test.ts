import { chartToSvg, escapeXml } from "./exportChart";
import { layoutChart } from "./layoutChart";
import { KINDS, makeLevel, makePerson, relation, threeLevelTree } from "./testing/chartFixtures";

describe("chartToSvg", () => {
  it("writes every person's name into a well-formed standalone SVG", () => {
    const { people, relationships } = threeLevelTree();
    const tricky = makePerson("tricky", { displayName: `O'Brien & <Sons> "Ltd"` });
    const all = [...people, tricky];
    const links = [...relationships, relation("dev1", "acc1", "works_with")];
    const layout = layoutChart(all, links, new Set());

    const svg = chartToSvg(layout, all, {
      relationships: links,
      kinds: KINDS,
      groups: [makeLevel("l1", "Executive", ["ceo"])],
      title: "Acme & Co",
    });

    const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
    expect(parsed.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(parsed.documentElement.getAttribute("width")).toBe(String(Math.max(Math.ceil(layout.width), 320)));
    const text = [...parsed.getElementsByTagName("text")].map((element) => element.textContent).join("\n");
    for (const person of all) expect(text).toContain(person.displayName);
    expect(text).toContain("No manager recorded");
    expect(svg).toContain("O&apos;Brien &amp; &lt;Sons&gt; &quot;Ltd&quot;");
  });

  it("leaves placeholders anonymous", () => {
    const people = [makePerson("ghost", { placeholder: true, displayName: "Hidden Harry" }), makePerson("me")];
    const layout = layoutChart(people, [], new Set());

    const svg = chartToSvg(layout, people);

    expect(svg).not.toContain("Hidden Harry");
    expect(svg).toContain("Someone outside your area");
  });
});

describe("escapeXml", () => {
  it("drops control characters that XML forbids", () => {
    expect(escapeXml("a\u0001b\tc")).toBe("ab\tc");
  });
});
