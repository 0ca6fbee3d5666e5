//! The whole chart as a standalone SVG (inline styles, light colours) and as a PNG made from it.
import { contactTypeLabels } from "../../contacts/utils/labels";
import type { MapGroup, MapPerson, Relationship, RelationshipKind } from "../types/map";
import type { ChartLayout } from "./types";
import { EXPORT_COLORS, kindStyleOf, kindStyles, levelBadges } from "./utils/chartStyles";
import { fitText, polylinePath } from "./utils/geometry";
import { curveLines } from "./utils/lines";

export type ChartSvgOptions = {
  relationships?: Relationship[];
  kinds?: RelationshipKind[];
  groups?: MapGroup[];
  /** Kinds whose lines are left out (as on screen). */
  hiddenKinds?: Set<string>;
  /** A heading above the chart, e.g. the account's name. */
  title?: string;
};

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const HEADER = 40;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    // Characters XML 1.0 forbids (control characters) would make the file unreadable.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

function hex(color: string): string {
  return EXPORT_COLORS[color] ?? EXPORT_COLORS.gray;
}

/** Every card of the layout (collapsed branches stay collapsed), names as real text. */
export function chartToSvg(layout: ChartLayout, people: MapPerson[], options: ChartSvgOptions = {}): string {
  const byId = new Map(people.map((person) => [person.id, person]));
  const styles = kindStyles(options.kinds ?? []);
  const levels = levelBadges(options.groups ?? []);
  const hidden = options.hiddenKinds ?? new Set<string>();
  const width = Math.max(Math.ceil(layout.width), 320);
  const height = Math.ceil(layout.height) + HEADER;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  if (options.title) {
    out.push(`<text x="24" y="28" font-size="18" font-weight="600" fill="#212529">${escapeXml(options.title)}</text>`);
  }
  out.push(`<g transform="translate(0 ${HEADER})">`);
  if (layout.looseTop !== null) {
    out.push(
      `<text x="24" y="${layout.looseTop - 16}" font-size="14" font-weight="600" fill="#868e96">No manager recorded</text>`,
    );
  }
  if (!hidden.has("reports_to")) {
    for (const edge of layout.treeEdges) {
      out.push(`<path d="${polylinePath(edge.points)}" fill="none" stroke="#adb5bd" stroke-width="1.5"/>`);
    }
  }
  const shown = (options.relationships ?? []).filter(
    (relationship) => relationship.kind !== "reports_to" && !hidden.has(relationship.kind),
  );
  for (const { relationship, curve } of curveLines(layout, shown)) {
    const style = kindStyleOf(styles, relationship.kind);
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
    out.push(`<path d="${curve.path}" fill="none" stroke="${hex(style.color)}" stroke-width="2"${dash}/>`);
  }
  for (const node of layout.nodes) {
    const person = byId.get(node.id);
    if (!person) continue;
    out.push(`<g transform="translate(${node.x} ${node.y})">`);
    if (person.placeholder) {
      out.push(
        `<rect width="${node.width}" height="${node.height}" rx="10" fill="#f1f3f5" stroke="#ced4da" stroke-dasharray="6 4"/>`,
        `<text x="16" y="${node.height / 2 + 4}" font-size="12" fill="#868e96">Someone outside your area</text>`,
      );
    } else {
      const dim = person.status === "inactive" || person.status === "archived" ? ` opacity="0.55"` : "";
      const level = levels.get(person.id);
      const textWidth = node.width - 76;
      out.push(`<g${dim}>`);
      out.push(`<rect width="${node.width}" height="${node.height}" rx="10" fill="#ffffff" stroke="#ced4da" stroke-width="1.5"/>`);
      if (level) out.push(`<rect x="0" y="8" width="4" height="${node.height - 16}" rx="2" fill="${hex(level.color)}"/>`);
      out.push(
        `<circle cx="32" cy="${node.height / 2}" r="20" fill="#e7f5ff"/>`,
        `<text x="32" y="${node.height / 2 + 5}" font-size="14" font-weight="600" text-anchor="middle" fill="#1c7ed6">${escapeXml(person.initials)}</text>`,
        `<text x="62" y="24" font-size="14" font-weight="600" fill="#212529"><title>${escapeXml(person.displayName)}</title>${escapeXml(fitText(person.displayName, textWidth, 14))}</text>`,
      );
      const subtitle = person.jobTitle ?? person.department;
      if (subtitle) {
        out.push(`<text x="62" y="42" font-size="12" fill="#868e96">${escapeXml(fitText(subtitle, textWidth, 12))}</text>`);
      }
      const badges = [
        person.contactType ? contactTypeLabels[person.contactType] : null,
        level ? level.name : null,
      ].filter((label): label is string => label !== null);
      if (badges.length > 0) {
        out.push(`<text x="62" y="66" font-size="10" font-weight="600" fill="#495057">${escapeXml(fitText(badges.join(" · "), textWidth, 10))}</text>`);
      }
      if (person.quality) {
        out.push(`<text x="${node.width - 20}" y="20" font-size="14" fill="#f59f00"><title>${escapeXml(person.quality)}</title>⚠</text>`);
      }
      if (node.collapsed) {
        out.push(`<text x="${node.width / 2}" y="${node.height + 16}" font-size="11" text-anchor="middle" fill="#495057">+${node.hiddenCount}</text>`);
      }
      out.push(`</g>`);
    }
    out.push(`</g>`);
  }
  out.push(`</g></svg>`);
  return out.join("\n");
}

/** Browsers refuse canvases much past 16k px a side or ~250 M px: big charts export smaller. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : { width: 1024, height: 768 };
}

/** Renders the SVG on a canvas through an Image (blob: URL, allowed by the CSP's img-src). */
export async function svgToPngBlob(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const fit = Math.min(scale, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.decoding = "async";
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The chart image could not be drawn."));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.floor(width * fit));
    canvas.height = Math.max(1, Math.floor(height * fit));
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This system cannot draw the chart image.");
    context.scale(fit, fit);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The chart image could not be saved."))), "image/png");
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
