import { Anchor, Text } from "@mantine/core";
import type { ContactCount } from "../../../ipc/bindings";
import { formatCount } from "../utils/formatCount";
import classes from "./BulkActionBar.module.css";
import type { ListSelection } from "./selection";

export type SelectionBannerProps = {
  selection: ListSelection;
  /** Every loaded row is ticked. */
  allLoaded: boolean;
  loadedCount: number;
  count: ContactCount | undefined;
  onSelectAllMatching: () => void;
  onClear: () => void;
};

/**
 * Offers the step from "every row on screen" to "everything this list matches", and says when that
 * is what is selected. Renders nothing otherwise.
 */
export function SelectionBanner({ selection, allLoaded, loadedCount, count, onSelectAllMatching, onClear }: SelectionBannerProps) {
  const total = count ? `${formatCount(count.count)}${count.exact ? "" : "+"}` : null;
  if (selection.kind === "all") {
    const except = selection.except.size;
    return (
      <Text size="sm" ta="center" className={classes.banner} data-testid="selection-banner" role="status">
        All {total ?? ""} contacts matching this list are selected
        {except > 0 ? `, except ${formatCount(except)} you unticked` : ""}.{" "}
        <Anchor component="button" size="sm" onClick={onClear} data-testid="selection-clear">
          Clear selection
        </Anchor>
      </Text>
    );
  }
  const more = count ? !count.exact || count.count > loadedCount : false;
  if (!allLoaded || !more || selection.ids.size === 0) return null;
  return (
    <Text size="sm" ta="center" className={classes.banner} data-testid="selection-banner" role="status">
      All {formatCount(selection.ids.size)} contacts loaded so far are selected.{" "}
      <Anchor component="button" size="sm" fw={600} onClick={onSelectAllMatching} data-testid="select-all-matching">
        Select all {total} matching contacts
      </Anchor>
    </Text>
  );
}
