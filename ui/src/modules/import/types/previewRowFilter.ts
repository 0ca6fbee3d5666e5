/** Which preview rows the table lists. */
export type PreviewRowFilter = "all" | "problems" | "duplicates";
