//! The files waiting to be imported, shared by the window's drop handler and the Import page.
//! A small store outside React (read with `useSyncExternalStore`), so files dropped on any page
//! are there when the Import page opens, and the choices made for each file survive leaving it.
//! It holds grant ids and file names only, in memory, and is emptied when the session ends.
import type { FileGrant, ImportOutcome } from "../../../ipc/bindings";
import type { FileOptions, FileStatus, ImportQueueState, QueuedFile } from "../types/importFile";

export const DEFAULT_FILE_OPTIONS: FileOptions = {
  target: null,
  contactType: "operations",
  onDuplicate: "skip",
  sheet: null,
  mapping: {},
  rememberMapping: false,
  decisions: [],
};

const EMPTY: ImportQueueState = { files: [], selectedId: null, defaults: DEFAULT_FILE_OPTIONS };

/** Options that carry over to the next file added (the rest belong to one file's columns and rows). */
const CARRIED: (keyof FileOptions)[] = ["target", "contactType", "onDuplicate"];

function sameFile(a: FileGrant, b: FileGrant): boolean {
  return a.name === b.name && a.size === b.size;
}

export type ImportQueue = ReturnType<typeof createImportQueue>;

export function createImportQueue() {
  let state = EMPTY;
  const listeners = new Set<() => void>();

  const set = (next: ImportQueueState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const mapFile = (id: string, change: (file: QueuedFile) => QueuedFile) => {
    if (!state.files.some((file) => file.grant.id === id)) return;
    set({ ...state, files: state.files.map((file) => (file.grant.id === id ? change(file) : file)) });
  };

  return {
    getState: (): ImportQueueState => state,

    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /**
     * Queues files and selects the first of them. A file already queued (same name and size,
     * dropped or picked again) is not queued twice: it is selected instead.
     */
    add(grants: FileGrant[]): void {
      if (grants.length === 0) return;
      const added: QueuedFile[] = [];
      let firstId: string | null = null;
      for (const grant of grants) {
        const known = [...state.files, ...added].find((file) => sameFile(file.grant, grant));
        if (known) {
          firstId ??= known.grant.id;
          continue;
        }
        added.push({
          grant,
          status: "waiting",
          message: null,
          options: { ...DEFAULT_FILE_OPTIONS, ...pick(state.defaults, CARRIED) },
          outcome: null,
        });
        firstId ??= grant.id;
      }
      set({ ...state, files: [...state.files, ...added], selectedId: firstId ?? state.selectedId });
    },

    /** Takes a file off the queue; the selection moves to its neighbour. */
    remove(id: string): void {
      const index = state.files.findIndex((file) => file.grant.id === id);
      if (index < 0) return;
      const files = state.files.filter((file) => file.grant.id !== id);
      let selectedId = state.selectedId;
      if (selectedId === id) selectedId = (files[index] ?? files[index - 1])?.grant.id ?? null;
      set({ ...state, files, selectedId });
    },

    select(id: string): void {
      if (state.selectedId !== id && state.files.some((file) => file.grant.id === id)) set({ ...state, selectedId: id });
    },

    /** Changes a file's options; the target, type and duplicate handling become the next file's too. */
    updateOptions(id: string, change: Partial<FileOptions>): void {
      if (!state.files.some((file) => file.grant.id === id)) return;
      set({
        ...state,
        files: state.files.map((file) => (file.grant.id === id ? { ...file, options: { ...file.options, ...change } } : file)),
        defaults: { ...state.defaults, ...pick(change, CARRIED) },
      });
    },

    setStatus(id: string, status: FileStatus, message: string | null = null): void {
      const file = state.files.find((candidate) => candidate.grant.id === id);
      if (!file || (file.status === status && file.message === message)) return;
      mapFile(id, (current) => ({ ...current, status, message }));
    },

    /** The file was imported: it keeps the outcome (for undo) and is not previewed again. */
    setImported(id: string, outcome: ImportOutcome): void {
      mapFile(id, (file) => ({ ...file, status: "imported", message: null, outcome }));
    },

    /** The file's import was undone: it can be checked and imported again. */
    setUndone(id: string): void {
      mapFile(id, (file) => ({ ...file, status: "waiting", message: null, outcome: null }));
    },

    /** Forgets every file (the grants end with the session anyway). */
    clear(): void {
      set(EMPTY);
    },
  };
}

function pick<T extends object>(source: Partial<T>, keys: (keyof T)[]): Partial<T> {
  const picked: Partial<T> = {};
  for (const key of keys) {
    if (key in source) picked[key] = source[key];
  }
  return picked;
}

/** The window's one queue. */
export const importQueue = createImportQueue();

export function selectedFile(state: ImportQueueState): QueuedFile | null {
  return state.files.find((file) => file.grant.id === state.selectedId) ?? null;
}
