import { Button, CloseButton, Group, Text } from "@mantine/core";
import {
  IconArchive,
  IconBuilding,
  IconCategory,
  IconDownload,
  IconStairsUp,
  IconTag,
  IconTagOff,
  IconUserCog,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { formatCount } from "../utils/formatCount";
import { BULK_KINDS, bulkKindLabels } from "./bulkActions";
import type { BulkKind } from "./bulkFlow";
import classes from "./BulkActionBar.module.css";

export type BulkActionBarProps = {
  /** null while the list's count is not known (everything matching is selected). */
  selectedCount: number | null;
  /** False when the list's count stopped early ("10,000+"). */
  exact: boolean;
  /** The actions the user's role may take. */
  kinds: readonly BulkKind[];
  onAction: (kind: BulkKind) => void;
  /** Exports the selected contacts (every role may export what it sees). */
  onExport: () => void;
  onClear: () => void;
};

const ICONS: Record<BulkKind, ReactNode> = {
  addTag: <IconTag size={14} />,
  removeTag: <IconTagOff size={14} />,
  setType: <IconCategory size={14} />,
  setStage: <IconStairsUp size={14} />,
  setOwner: <IconUserCog size={14} />,
  assignSite: <IconBuilding size={14} />,
  deactivate: <IconArchive size={14} />,
};

/** "N selected" and what can be done to them. */
export function BulkActionBar({ selectedCount, exact, kinds, onAction, onExport, onClear }: BulkActionBarProps) {
  const label = selectedCount === null ? "All matching" : `${formatCount(selectedCount)}${exact ? "" : "+"}`;
  return (
    <div className={classes.bar} role="toolbar" aria-label="Actions on the selected contacts" data-testid="bulk-bar">
      <Group gap={4} wrap="nowrap" className={classes.count}>
        <CloseButton size="sm" aria-label="Clear selection" onClick={onClear} data-testid="bulk-clear" />
        <Text size="sm" fw={600} data-testid="bulk-selected-count">
          {label} selected
        </Text>
      </Group>
      <Group gap={0} wrap="wrap" className={classes.actions}>
        {BULK_KINDS.filter((kind) => kinds.includes(kind)).map((kind) => (
          <Button
            key={kind}
            size="compact-sm"
            fz={13}
            px={8}
            variant="subtle"
            color={kind === "deactivate" ? "red" : undefined}
            leftSection={ICONS[kind]}
            onClick={() => onAction(kind)}
            data-testid={`bulk-action-${kind}`}
          >
            {bulkKindLabels[kind]}
          </Button>
        ))}
        <Button
          size="compact-sm"
          fz={13}
          px={8}
          variant="subtle"
          leftSection={<IconDownload size={14} />}
          onClick={onExport}
          data-testid="bulk-export"
        >
          Export
        </Button>
      </Group>
    </div>
  );
}
