import type { ContactStatus, ContactType, LifecycleStage, Priority } from "../../../ipc/bindings";

export const contactTypeColors: Record<ContactType, string> = {
  primary: "rapport",
  billing: "grape",
  operations: "teal",
  emergency: "red",
  other: "gray",
};

export const contactStatusColors: Record<ContactStatus, string> = {
  active: "green",
  inactive: "gray",
  // "dark" vanishes on the dark theme; orange reads as "set aside" on both.
  archived: "orange",
};

export const lifecycleStageColors: Record<LifecycleStage, string> = {
  lead: "cyan",
  prospect: "indigo",
  active_customer: "green",
  former: "gray",
};

export const priorityColors: Record<Priority, string> = {
  high: "orange",
  medium: "yellow",
  low: "gray",
};
