//! The org chart's own shapes: a laid-out forest of cards and the lines between them.

export type ChartPoint = { x: number; y: number };

/** "tree": placed in a reports-to tree; "loose": no manager and no reports, in the grid below. */
export type ChartNodePlacement = "tree" | "loose";

export type ChartNode = {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  placement: ChartNodePlacement;
  /** The manager shown above this card, null for roots and loose people. */
  parentId: string | null;
  /** Direct reports in the data, shown or not. */
  reportCount: number;
  /** Everyone below this card that a collapse hides (0 when expanded). */
  hiddenCount: number;
  collapsed: boolean;
};

/** A reports-to line of the tree, routed as an elbow from the manager's bottom to the report's top. */
export type ChartTreeEdge = {
  relationshipId: string;
  /** The report (the relationship's from). */
  fromId: string;
  /** The manager (the relationship's to). */
  toId: string;
  points: ChartPoint[];
};

export type ChartLayout = {
  nodes: ChartNode[];
  nodeById: Map<string, ChartNode>;
  treeEdges: ChartTreeEdge[];
  /** Manager of each person as the chart uses it (cycles and unknown managers already cut). */
  managerOf: Map<string, string>;
  /** Direct reports of each manager, in the people order. */
  reportsOf: Map<string, string[]>;
  width: number;
  height: number;
  /** Top of the "No manager recorded" grid, null when nobody is loose. */
  looseTop: number | null;
  /** Milliseconds the layout took. */
  layoutMillis: number;
};

export type ChartTransform = { x: number; y: number; k: number };

export type ExportKind = "svg" | "png";
