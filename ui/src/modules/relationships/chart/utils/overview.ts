//! When the chart draws its far-out overview instead of cards.

/** Below this zoom a card's text is too small to read, so a big chart draws plain boxes. */
export const OVERVIEW_SCALE = 0.35;

/**
 * Charts with fewer cards than this always draw full cards: a few dozen groups cost nothing,
 * and the end-to-end tests read the cards of small fitted charts.
 */
export const OVERVIEW_MIN_CARDS = 200;

export function showsOverview(layout: { nodes: unknown[] }, k: number): boolean {
  return k < OVERVIEW_SCALE && layout.nodes.length > OVERVIEW_MIN_CARDS;
}
