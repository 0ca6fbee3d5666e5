//! The ELK options of the org chart, shared by layoutChart and scripts/bench-layout.mjs (which
//! keeps a copy: plain Node cannot import .ts; keep the two equal).

/**
 * mrtree, not layered: on generated forests mrtree scaled about linearly (4,000 people ≈ 2.4 s on a
 * loaded 2-core machine against 6 s for a pared-down layered). MIDDLE_TO_MIDDLE routing, because
 * the default AVOID_OVERLAP costs time and the chart draws its own elbow lines anyway. Cards have
 * fixed sizes and no ELK labels, so the node micro layout (40 % of mrtree's time in a profile) is
 * skipped. MODEL_ORDER keeps reports in the order the core sends them.
 */
export const ELK_TREE_OPTIONS: Record<string, string> = {
  "elk.algorithm": "mrtree",
  "elk.direction": "DOWN",
  "elk.spacing.nodeNode": "24",
  "elk.mrtree.edgeRoutingMode": "MIDDLE_TO_MIDDLE",
  "elk.mrtree.weighting": "MODEL_ORDER",
  "elk.omitNodeMicroLayout": "true",
  "elk.spacing.componentComponent": "64",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
};

export const CARD_WIDTH = 232;
export const CARD_HEIGHT = 84;
