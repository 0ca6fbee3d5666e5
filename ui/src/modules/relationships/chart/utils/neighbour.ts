//! Arrow-key moves between cards: up to the manager, down to the first report, sideways to peers.
import type { ChartLayout } from "../types";

export type ArrowKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight";

export function isArrowKey(key: string): key is ArrowKey {
  return key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight";
}

/** The card an arrow key moves to from personId, among the cards the layout shows; null at an edge. */
export function neighbour(layout: ChartLayout, personId: string, key: ArrowKey): string | null {
  const node = layout.nodeById.get(personId);
  if (!node) return null;
  if (key === "ArrowUp") return node.parentId && layout.nodeById.has(node.parentId) ? node.parentId : null;
  if (key === "ArrowDown") {
    const first = (layout.reportsOf.get(personId) ?? []).find((id) => layout.nodeById.has(id));
    // Without reports on show (a stacked column, say), down goes on to the next peer.
    if (first) return first;
  }
  // Peers: the same manager's reports, or the roots / the loose grid, in reading order.
  const peers = layout.nodes
    .filter((other) => other.parentId === node.parentId && other.placement === node.placement)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((other) => other.id);
  const index = peers.indexOf(personId);
  const next = key === "ArrowLeft" ? index - 1 : index + 1;
  return next >= 0 && next < peers.length ? peers[next] : null;
}
