import type { ImportPreview, ImportProgress } from "../../../ipc/bindings";

/**
 * The preview of the selected file as the page shows it. `preview` is the latest answer for this
 * file: while a newer check runs (or after it failed) it stays on screen, marked as out of date.
 */
export type PreviewView =
  /** Nothing to check: no file, a site still to choose, or the file is imported. */
  | { status: "idle" }
  | { status: "checking"; progress: ImportProgress | null; cancelling: boolean; preview: ImportPreview | null }
  | { status: "done"; preview: ImportPreview }
  | { status: "cancelled"; preview: ImportPreview | null }
  | { status: "failed"; error: unknown; preview: ImportPreview | null };
