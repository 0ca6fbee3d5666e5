//! From the choices on screen to the `ImportRequest` the core reads, and the small edits the
//! mapping editor and the per-record decisions make to those choices.
import type { ImportRequest, OnDuplicate, RecordDecision } from "../../../ipc/bindings";
import type { FileOptions, ImportTarget } from "../types/importFile";

/** The request for one file. Empty overrides are left out, so the core maps columns itself. */
export function toImportRequest(options: FileOptions): ImportRequest {
  return {
    siteId: options.target?.kind === "site" ? options.target.site.siteId : null,
    mapping: { ...options.mapping },
    rememberMapping: options.rememberMapping,
    onDuplicate: options.onDuplicate,
    decisions: [...options.decisions].sort((a, b) => a.record - b.record),
    sheet: options.sheet,
    contactType: options.contactType,
    require: [],
  };
}

/** Everyone but site administrators must place imported contacts at a site (the core says so too). */
export function needsSite(target: ImportTarget | null, mayImportWithoutSite: boolean): boolean {
  return !mayImportWithoutSite && target?.kind !== "site";
}

/** The column `header` feeds `field` from now on, whatever the automatic mapping chose. */
export function withColumnField(mapping: Record<string, string>, header: string, field: string): Record<string, string> {
  return { ...mapping, [header]: field };
}

/** The field a column feeds: the user's choice, else what the core mapped it to. */
export function columnField(mapping: Record<string, string>, header: string, automatic: string): string {
  return Object.prototype.hasOwnProperty.call(mapping, header) ? mapping[header] : automatic;
}

export function isOverridden(mapping: Record<string, string>, header: string): boolean {
  return Object.prototype.hasOwnProperty.call(mapping, header);
}

/** The user's decision for one record, or null when the file-wide choice applies. */
export function decisionFor(decisions: RecordDecision[], record: number): OnDuplicate | null {
  return decisions.find((decision) => decision.record === record)?.action ?? null;
}

/** Sets (or replaces) the decision for one record; the list stays in record order. */
export function withDecision(decisions: RecordDecision[], record: number, action: OnDuplicate): RecordDecision[] {
  return [...decisions.filter((decision) => decision.record !== record), { record, action }].sort(
    (a, b) => a.record - b.record,
  );
}
