import type { FollowUp } from "../../../ipc/bindings";
import { formatCalendarDate, formatDateTime } from "../../contacts/utils/formatDateTime";

/** "26 November 2026", or with its time when the follow-up has one (shown in the user's zone). */
export function formatDue(followUp: Pick<FollowUp, "dueDate" | "dueTime" | "dueAt">): string {
  return followUp.dueTime ? formatDateTime(followUp.dueAt) : formatCalendarDate(followUp.dueDate);
}
