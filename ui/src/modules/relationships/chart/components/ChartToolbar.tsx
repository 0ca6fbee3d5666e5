import { ActionIcon, Button, Group, Select, Tooltip } from "@mantine/core";
import {
  IconDownload,
  IconFocusCentered,
  IconLine,
  IconPhoto,
  IconSearch,
  IconZoomIn,
  IconZoomOut,
} from "@tabler/icons-react";
import type { ComboboxItem } from "@mantine/core";

export type ChartToolbarProps = {
  searchData: ComboboxItem[];
  onSearchPick: (personId: string) => void;
  levelData: ComboboxItem[];
  level: string | null;
  onLevelChange: (groupId: string | null) => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  /** Connect mode and its kind picker, for users who may edit. */
  connect: {
    active: boolean;
    kind: string | null;
    kinds: ComboboxItem[];
    onToggle: () => void;
    onKindChange: (kind: string | null) => void;
  } | null;
  onExport: ((kind: "svg" | "png") => void) | null;
};

export function ChartToolbar({
  searchData,
  onSearchPick,
  levelData,
  level,
  onLevelChange,
  onZoomIn,
  onZoomOut,
  onFit,
  connect,
  onExport,
}: ChartToolbarProps) {
  return (
    <Group gap="xs" wrap="wrap" data-testid="org-toolbar">
      <Select
        data-testid="org-search"
        aria-label="Find a person on the chart"
        placeholder="Find a person"
        leftSection={<IconSearch size={14} />}
        searchable
        clearable
        data={searchData}
        limit={20}
        value={null}
        onChange={(value) => {
          if (value) onSearchPick(value);
        }}
        nothingFoundMessage="Nobody by that name or title"
        w={260}
        size="xs"
      />
      {levelData.length > 0 ? (
        <Select
          data-testid="org-level-filter"
          aria-label="Level"
          placeholder="All levels"
          clearable
          data={levelData}
          value={level}
          onChange={onLevelChange}
          w={160}
          size="xs"
        />
      ) : null}
      <Group gap={4}>
        <Tooltip label="Zoom in (+)">
          <ActionIcon variant="default" aria-label="Zoom in" data-testid="org-zoom-in" onClick={onZoomIn}>
            <IconZoomIn size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Zoom out (−)">
          <ActionIcon variant="default" aria-label="Zoom out" data-testid="org-zoom-out" onClick={onZoomOut}>
            <IconZoomOut size={16} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Fit the chart (0)">
          <ActionIcon variant="default" aria-label="Fit the chart" data-testid="org-fit" onClick={onFit}>
            <IconFocusCentered size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {connect ? (
        <Group gap={4}>
          <Button
            size="xs"
            variant={connect.active ? "filled" : "default"}
            leftSection={<IconLine size={14} />}
            data-testid="org-connect"
            aria-pressed={connect.active}
            onClick={connect.onToggle}
          >
            {connect.active ? "Connecting…" : "Connect"}
          </Button>
          <Select
            data-testid="org-connect-kind"
            aria-label="Kind of relationship to draw"
            data={connect.kinds}
            value={connect.kind}
            onChange={connect.onKindChange}
            allowDeselect={false}
            w={150}
            size="xs"
          />
        </Group>
      ) : null}
      {onExport ? (
        <Group gap={4} ml="auto">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            data-testid="org-export-svg"
            onClick={() => onExport("svg")}
          >
            SVG
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPhoto size={14} />}
            data-testid="org-export-png"
            onClick={() => onExport("png")}
          >
            PNG
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
