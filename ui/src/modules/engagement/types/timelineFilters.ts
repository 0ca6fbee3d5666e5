import type { Direction, InteractionCategory, InteractionChannel } from "../../../ipc/bindings";

/** The timeline's filters as the user set them; empty means "any". Dates are local days, inclusive. */
export type TimelineFilterValues = {
  channels: InteractionChannel[];
  category: InteractionCategory | "";
  direction: Direction | "";
  from: string;
  until: string;
};
