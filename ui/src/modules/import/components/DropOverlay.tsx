import { Stack, Text, ThemeIcon } from "@mantine/core";
import { IconFileImport } from "@tabler/icons-react";
import { countOf } from "../utils/counts";
import classes from "./DropOverlay.module.css";

export type DropOverlayProps = {
  /** Files being dragged over the window. */
  count: number;
};

/** Covers the window while files are dragged over it. */
export function DropOverlay({ count }: DropOverlayProps) {
  return (
    <div className={classes.overlay} role="presentation" data-testid="drop-overlay">
      <Stack align="center" gap="sm" className={classes.panel}>
        <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
          <IconFileImport size={34} stroke={1.5} />
        </ThemeIcon>
        <Text size="xl" fw={650}>
          Drop files to import
        </Text>
        <Text size="sm" c="dimmed">
          {count > 0 ? `${countOf(count, "file")}: ` : ""}CSV, TSV, vCard, Excel or OpenDocument. Nothing is stored
          before you have checked the preview.
        </Text>
      </Stack>
    </div>
  );
}
