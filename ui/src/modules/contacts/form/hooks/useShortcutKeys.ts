import { useEffect, useRef } from "react";

export type Shortcut = {
  /** e.g. "ArrowRight", "s", "Enter" */
  key: string;
  alt?: boolean;
  /** Ctrl, or Cmd on macOS. */
  mod?: boolean;
  run: () => void;
};

/**
 * Window-wide keys for a screen (Alt+→ next step, Ctrl+S save); they win over the webview's own
 * (Alt+← would otherwise go back in history and leave the screen). Ignored while a dialog is open.
 */
export function useShortcutKeys(shortcuts: Shortcut[]) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const mod = event.ctrlKey || event.metaKey;
      const match = latest.current.find(
        (s) =>
          s.key.toLowerCase() === event.key.toLowerCase() &&
          Boolean(s.alt) === event.altKey &&
          Boolean(s.mod) === mod &&
          !event.shiftKey,
      );
      if (!match) return;
      event.preventDefault();
      event.stopPropagation();
      match.run();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
