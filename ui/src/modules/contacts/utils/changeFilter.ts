import type { ChangeFilter } from "../../../ipc/bindings";
import { changeKindLabels } from "./labels";

const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" });

/** "Created since 1 Nov 2026". */
export function describeChange(change: ChangeFilter): string {
  return `${changeKindLabels[change.kind]} since ${dayFormat.format(new Date(change.since))}`;
}
