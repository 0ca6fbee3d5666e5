//! What the one-click fix of a data-quality finding is.
import type { Finding } from "../../../ipc/bindings";

export type FindingFix =
  | { kind: "edit"; to: string }
  | { kind: "verify" }
  | { kind: "none" };

const VERIFY_CODES = new Set(["never_verified", "verification_stale"]);

/** Verification findings are fixed by verifying; others by editing the field they name. */
export function findingFix(contactId: string, finding: Finding, canEdit: boolean): FindingFix {
  if (!canEdit) return { kind: "none" };
  if (VERIFY_CODES.has(finding.code)) return { kind: "verify" };
  if (finding.field) {
    return {
      kind: "edit",
      to: `/contacts/${encodeURIComponent(contactId)}/edit?field=${encodeURIComponent(finding.field)}`,
    };
  }
  return { kind: "none" };
}
