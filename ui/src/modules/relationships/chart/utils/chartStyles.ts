//! Colours and dash patterns of the chart, as Mantine colour names so both themes stay readable.
import type { MapGroup, RelationshipKind } from "../../types/map";

export type KindStyle = { color: string; dash: string | null; label: string; directed: boolean };

const BUILT_IN_STYLES: Record<string, { color: string; dash: string | null }> = {
  reports_to: { color: "gray", dash: null },
  assistant_of: { color: "orange", dash: "7 4" },
  works_with: { color: "teal", dash: "2 5" },
  influences: { color: "grape", dash: "10 4 2 4" },
};

const EXTRA_COLORS = ["cyan", "pink", "lime", "indigo", "yellow", "red"];
const LEVEL_COLORS = ["violet", "blue", "teal", "orange", "pink", "cyan", "lime", "indigo"];

export function kindStyles(kinds: RelationshipKind[]): Map<string, KindStyle> {
  const styles = new Map<string, KindStyle>();
  let extra = 0;
  for (const kind of kinds) {
    const builtIn = BUILT_IN_STYLES[kind.code];
    const base = builtIn ?? { color: EXTRA_COLORS[extra++ % EXTRA_COLORS.length], dash: "5 3" };
    styles.set(kind.code, { ...base, label: kind.label, directed: kind.directed });
  }
  if (!styles.has("reports_to")) {
    styles.set("reports_to", { ...BUILT_IN_STYLES.reports_to, label: "Reports to", directed: true });
  }
  return styles;
}

export function kindStyleOf(styles: Map<string, KindStyle>, code: string): KindStyle {
  return styles.get(code) ?? { color: "gray", dash: "5 3", label: code, directed: false };
}

export type LevelBadge = { groupId: string; name: string; color: string };

/** The "level" group of each person (the first by position when someone has several). */
export function levelBadges(groups: MapGroup[]): Map<string, LevelBadge> {
  const levels = groups.filter((group) => group.kind === "level").sort((a, b) => a.position - b.position);
  const byPerson = new Map<string, LevelBadge>();
  levels.forEach((group, index) => {
    const badge = { groupId: group.id, name: group.name, color: LEVEL_COLORS[index % LEVEL_COLORS.length] };
    for (const memberId of group.memberIds) if (!byPerson.has(memberId)) byPerson.set(memberId, badge);
  });
  return byPerson;
}

/** Hex values for the exported SVG, which cannot read Mantine's CSS variables. */
export const EXPORT_COLORS: Record<string, string> = {
  gray: "#868e96",
  orange: "#fd7e14",
  teal: "#12b886",
  grape: "#be4bdb",
  cyan: "#15aabf",
  pink: "#e64980",
  lime: "#82c91e",
  indigo: "#4c6ef5",
  yellow: "#fab005",
  red: "#fa5252",
  violet: "#7950f2",
  blue: "#228be6",
  green: "#40c057",
  rapport: "#228be6",
};
