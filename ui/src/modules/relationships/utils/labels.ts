import type { FlowFrequency } from "../../../ipc/bindings";

export const frequencyLabels: Record<FlowFrequency, string> = {
  daily: "Daily",
  weekly: "Weekly",
  fortnightly: "Every two weeks",
  monthly: "Monthly",
  quarterly: "Quarterly",
  as_needed: "As needed",
};
