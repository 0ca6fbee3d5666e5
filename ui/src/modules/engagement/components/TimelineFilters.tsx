import { Button, Chip, Group, NativeSelect, TextInput } from "@mantine/core";
import type { Direction, InteractionCategory, InteractionChannel } from "../../../ipc/bindings";
import type { TimelineFilterValues } from "../types/timelineFilters";
import { hasTimelineFilters, NO_TIMELINE_FILTERS } from "../utils/timelineQuery";
import { CATEGORIES, categoryLabels, CHANNELS, channelLabels, DIRECTIONS, directionLabels } from "../utils/labels";

export type TimelineFiltersProps = {
  value: TimelineFilterValues;
  onChange(value: TimelineFilterValues): void;
  /** Shown only when the dates typed are not days. */
  dateError?: string;
};

/** Channels as chips (any ticked ones), category and direction as selects, and a date range. */
export function TimelineFilters({ value, onChange, dateError }: TimelineFiltersProps) {
  const set = (patch: Partial<TimelineFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="timeline-filters">
      <Chip.Group multiple value={value.channels} onChange={(channels) => set({ channels: channels as InteractionChannel[] })}>
        <Group gap={6} wrap="wrap" aria-label="Channels">
          {CHANNELS.map((channel) => (
            <Chip key={channel} value={channel} size="xs" data-testid={`timeline-channel-${channel}`}>
              {channelLabels[channel]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <NativeSelect
        size="xs"
        aria-label="Category"
        data={[{ value: "", label: "Any category" }, ...CATEGORIES.map((c) => ({ value: c, label: categoryLabels[c] }))]}
        value={value.category}
        onChange={(event) => set({ category: event.currentTarget.value as InteractionCategory | "" })}
        data-testid="timeline-category"
      />
      <NativeSelect
        size="xs"
        aria-label="Direction"
        data={[{ value: "", label: "Both directions" }, ...DIRECTIONS.map((d) => ({ value: d, label: directionLabels[d] }))]}
        value={value.direction}
        onChange={(event) => set({ direction: event.currentTarget.value as Direction | "" })}
        data-testid="timeline-direction"
      />
      <TextInput
        size="xs"
        w={150}
        aria-label="From"
        placeholder="From YYYY-MM-DD"
        value={value.from}
        onChange={(event) => set({ from: event.currentTarget.value })}
        error={dateError}
        data-testid="timeline-from"
      />
      <TextInput
        size="xs"
        w={150}
        aria-label="Until"
        placeholder="Until YYYY-MM-DD"
        value={value.until}
        onChange={(event) => set({ until: event.currentTarget.value })}
        error={dateError ? true : undefined}
        data-testid="timeline-until"
      />
      {hasTimelineFilters(value) ? (
        <Button size="compact-xs" variant="subtle" onClick={() => onChange(NO_TIMELINE_FILTERS)}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
