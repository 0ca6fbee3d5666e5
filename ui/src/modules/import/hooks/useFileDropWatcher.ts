import { notifications } from "@mantine/notifications";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import type { FileDropEvent } from "../../../ipc/bindings";
import { watchFileDrops } from "../../../ipc/imports";
import { importQueue } from "../utils/importQueue";

export const IMPORT_PATH = "/import";

/**
 * Listens for files dragged onto the window (while `enabled`): returns how many are hovering
 * (null when none), queues dropped files and opens the Import page. The shell keeps only the
 * latest listener, and a listener whose effect was cleaned up ignores what it still hears, so a
 * second registration (React's StrictMode runs effects twice) is harmless.
 */
export function useFileDropWatcher(enabled: boolean): number | null {
  const navigate = useNavigate();
  const [hovering, setHovering] = useState<number | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    const onEvent = (event: FileDropEvent) => {
      if (!active) return;
      switch (event.kind) {
        case "hover":
          setHovering(event.count);
          break;
        case "leave":
          setHovering(null);
          break;
        case "dropped":
          setHovering(null);
          importQueue.add(event.files);
          for (const message of event.refused) {
            notifications.show({ color: "orange", title: "A file was not added", message });
          }
          if (event.files.length > 0) void navigate(IMPORT_PATH);
          break;
      }
    };
    // Dropping is a shortcut; when the shell cannot listen, "Choose files…" still works.
    Promise.resolve()
      .then(() => watchFileDrops(onEvent))
      .catch(() => undefined);
    return () => {
      active = false;
      setHovering(null);
    };
  }, [enabled, navigate]);

  // The grants end with the session, which ends when the signed-in layout goes away.
  useEffect(() => () => importQueue.clear(), []);

  return enabled ? hovering : null;
}
