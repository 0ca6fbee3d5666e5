//! The bulk actions the list offers: what each form holds, the action it becomes, and the words of
//! its button, its confirmation and its summary.
import type {
  BulkAction,
  BulkReport,
  BulkSkip,
  ContactType,
  LifecycleStage,
  OwnerOption,
  SiteOption,
  SiteRole,
} from "../../../ipc/bindings";
import { formatCount } from "../utils/formatCount";
import { contactTypeLabels, lifecycleStageLabels, siteRoleLabels } from "../utils/labels";
import type { BulkKind } from "./bulkFlow";

export type BulkFormValues = {
  tag: string;
  contactType: ContactType | null;
  contactTypeOther: string;
  stage: LifecycleStage | null;
  /** null: not chosen yet; "" : nobody (the contacts lose their owner). */
  owner: OwnerOption | "" | null;
  site: SiteOption | null;
  role: SiteRole | null;
  reason: string;
};

export const EMPTY_BULK_FORM: BulkFormValues = {
  tag: "",
  contactType: null,
  contactTypeOther: "",
  stage: null,
  owner: null,
  site: null,
  role: null,
  reason: "",
};

/** Form fields, by the names the core uses for them. */
export type BulkField = "tag" | "contactType" | "contactTypeOther" | "stage" | "owner" | "siteId" | "role" | "reason";

export const BULK_FIELD_LABELS: Record<BulkField, string> = {
  tag: "Tag",
  contactType: "Contact type",
  contactTypeOther: "Description",
  stage: "Lifecycle stage",
  owner: "Owner",
  siteId: "Site",
  role: "Role at the site",
  reason: "Reason",
};

/** The action bar's buttons and the dialogs' titles. */
export const bulkKindLabels: Record<BulkKind, string> = {
  addTag: "Add tag",
  removeTag: "Remove tag",
  setType: "Change type",
  setStage: "Change stage",
  setOwner: "Change owner",
  assignSite: "Assign to site",
  deactivate: "Deactivate",
};

export const BULK_KINDS: readonly BulkKind[] = [
  "addTag",
  "removeTag",
  "setType",
  "setStage",
  "setOwner",
  "assignSite",
  "deactivate",
];

/** The core's limit for one tag (contact/form.rs); it checks again. */
const TAG_MAX = 60;

export type BuiltAction = { action: BulkAction; errors: null } | { action: null; errors: Partial<Record<BulkField, string>> };

/** Checks the form the way the core will and builds the action, or says what is missing. */
export function buildAction(kind: BulkKind, values: BulkFormValues): BuiltAction {
  const fail = (errors: Partial<Record<BulkField, string>>): BuiltAction => ({ action: null, errors });
  switch (kind) {
    case "addTag":
    case "removeTag": {
      const tag = values.tag.trim();
      if (!tag) return fail({ tag: "Enter the tag" });
      if ([...tag].length > TAG_MAX) return fail({ tag: `A tag has at most ${TAG_MAX} characters` });
      return { action: { kind, tag }, errors: null };
    }
    case "setType": {
      if (!values.contactType) return fail({ contactType: "Choose the new type" });
      const other = values.contactTypeOther.trim();
      if (values.contactType === "other" && !other) return fail({ contactTypeOther: "Describe the type" });
      return {
        action: {
          kind,
          contact_type: values.contactType,
          contact_type_other: values.contactType === "other" ? other : null,
          justification: null,
        },
        errors: null,
      };
    }
    case "setStage":
      if (!values.stage) return fail({ stage: "Choose the new stage" });
      return { action: { kind, stage: values.stage }, errors: null };
    case "setOwner":
      if (values.owner === null) return fail({ owner: "Choose the new owner, or nobody" });
      return { action: { kind, owner: values.owner === "" ? null : values.owner.username }, errors: null };
    case "assignSite": {
      const errors: Partial<Record<BulkField, string>> = {};
      if (!values.site) errors.siteId = "Choose a site";
      else if (!values.site.inScope) errors.siteId = "This site is outside your territories";
      if (!values.role) errors.role = "Choose the contacts' role at the site";
      if (!values.site || !values.role || errors.siteId) return fail(errors);
      return { action: { kind, site_id: values.site.siteId, role: values.role }, errors: null };
    }
    case "deactivate": {
      const reason = values.reason.trim();
      if (!reason) return fail({ reason: "Say why these contacts are deactivated" });
      return { action: { kind, reason }, errors: null };
    }
  }
}

/** "1 contact", "1,234 contacts". */
export function contactsWord(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "contact" : "contacts"}`;
}

/** The names the confirmation needs beside the action's ids. */
export type ActionNames = { owner?: string | null; site?: string | null };

/** The confirmation's question, with the exact count: "Deactivate 1,234 contacts?" */
export function confirmQuestion(action: BulkAction, count: number, names: ActionNames = {}): string {
  const n = contactsWord(count);
  switch (action.kind) {
    case "addTag":
      return `Add the tag “${action.tag}” to ${n}?`;
    case "removeTag":
      return `Remove the tag “${action.tag}” from ${n}?`;
    case "setType": {
      const type = action.contact_type === "other" && action.contact_type_other ? `Other (${action.contact_type_other})` : contactTypeLabels[action.contact_type];
      return `Change the type of ${n} to ${type}?`;
    }
    case "setStage":
      return `Move ${n} to the stage ${lifecycleStageLabels[action.stage]}?`;
    case "setOwner":
      return action.owner === null ? `Remove the owner of ${n}?` : `Make ${names.owner ?? action.owner} the owner of ${n}?`;
    case "assignSite":
      return `Assign ${n} to ${names.site ?? "the site"} as ${siteRoleLabels[action.role]}?`;
    case "deactivate":
      return `Deactivate ${n}?`;
  }
}

/** The confirm button: the action's verb. */
export function confirmLabel(action: BulkAction): string {
  switch (action.kind) {
    case "addTag":
      return "Add tag";
    case "removeTag":
      return "Remove tag";
    case "setType":
      return "Change type";
    case "setStage":
      return "Change stage";
    case "setOwner":
      return "Change owner";
    case "assignSite":
      return "Assign";
    case "deactivate":
      return "Deactivate";
  }
}

/**
 * Skips by reason, largest group first ("already inactive" × 12), each with the contacts the
 * report names: the report names a sample, so `count` may be larger than `items`.
 */
export function groupSkips(report: BulkReport): { reason: string; count: number; items: BulkSkip[] }[] {
  return report.skipReasons.map(({ reason, count }) => ({
    reason,
    count,
    items: report.skipped.filter((skip) => skip.reason === reason),
  }));
}
