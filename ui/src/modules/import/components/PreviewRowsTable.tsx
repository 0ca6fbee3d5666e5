import { Select } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { OnDuplicate, PreviewRow, RecordDecision } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { decisionFor } from "../utils/importRequest";
import { onDuplicateLabels } from "../utils/labels";
import { isDuplicate } from "../utils/previewRows";
import { ActionBadge } from "./ActionBadge";
import classes from "./PreviewRowsTable.module.css";
import { RowNotes } from "./RowNotes";

export type PreviewRowsTableProps = {
  rows: PreviewRow[];
  decisions: RecordDecision[];
  /** What happens to a duplicate the user has not decided on. */
  onDuplicate: OnDuplicate;
  stale: boolean;
  onDecide: (record: number, action: OnDuplicate) => void;
};

const ROW_HEIGHT = 58;
const HEADER_HEIGHT = 34;
// Two lines per record keep every column readable in a 1,280 px window: who (name; job title and
// organisation), how to reach them (email; phone), and the notes, which wrap, because problems
// and matches are what a review needs most. Cells truncate with the whole value in a tooltip.
const TEMPLATE = "48px 84px minmax(120px, 1.2fr) minmax(120px, 1fr) minmax(170px, 2fr) 140px";
// The preview pane of a 1,280 px window is about 690 px wide: no sideways scrolling there.
const MIN_WIDTH = 680;
const HEADERS = ["#", "Action", "Contact", "Email and phone", "Notes", "Decision"];

const decisionData = (Object.keys(onDuplicateLabels) as OnDuplicate[]).map((value) => ({
  value,
  label: onDuplicateLabels[value],
}));

/** The records as they would be stored, virtualised (a preview lists up to 2,000). */
export function PreviewRowsTable({ rows, decisions, onDuplicate, stale, onDecide }: PreviewRowsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.record ?? index,
  });

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="grid"
      aria-label="Records of the file"
      aria-rowcount={rows.length + 1}
      aria-busy={stale || undefined}
      tabIndex={0}
      data-testid="import-rows"
    >
      <div className={classes.inner} style={{ minWidth: MIN_WIDTH }}>
        <div role="row" className={classes.header} style={{ gridTemplateColumns: TEMPLATE, height: HEADER_HEIGHT }}>
          {HEADERS.map((header) => (
            <div
              role="columnheader"
              key={header}
              className={classes.headerCell}
              aria-label={header === "#" ? "Record" : undefined}
              title={header === "#" ? "Record number in the file" : undefined}
            >
              {header}
            </div>
          ))}
        </div>
        <div
          role="rowgroup"
          className={classes.body}
          data-stale={stale || undefined}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const top = item.start - virtualizer.options.scrollMargin;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={classes.row}
                style={{ gridTemplateColumns: TEMPLATE, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
                data-testid="import-row"
                data-record={row.record}
                data-action={row.action}
              >
                <div role="gridcell" className={`${classes.cell} ${classes.number}`}>
                  {formatCount(row.record)}
                </div>
                <div role="gridcell" className={classes.cell}>
                  <ActionBadge action={row.action} />
                </div>
                <TwoLineCell
                  first={row.name}
                  second={[row.jobTitle, row.organization].filter(Boolean).join(" · ")}
                  strong
                />
                <TwoLineCell first={listed(row.emails)} second={listed(row.phones)} />
                <div role="gridcell" className={`${classes.cell} ${classes.wrapping}`}>
                  <RowNotes row={row} />
                </div>
                <div role="gridcell" className={classes.decisionCell}>
                  {isDuplicate(row) ? (
                    <Select
                      size="xs"
                      data={decisionData}
                      value={decisionFor(decisions, row.record) ?? onDuplicate}
                      onChange={(value) => value && onDecide(row.record, value as OnDuplicate)}
                      allowDeselect={false}
                      aria-label={`What to do with record ${row.record}`}
                      comboboxProps={{ withinPortal: true }}
                      data-testid="decision"
                      data-record={row.record}
                      data-decided={decisionFor(decisions, row.record) !== null || undefined}
                    />
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The first value, and how many more there are. */
function listed(values: string[]): string {
  if (values.length <= 1) return values[0] ?? "";
  return `${values[0]} (+${values.length - 1})`;
}

type TwoLineCellProps = { first: string; second: string; strong?: boolean };

/** Two truncated lines, each with its whole value in a tooltip; nothing at all is a muted dash. */
function TwoLineCell({ first, second, strong = false }: TwoLineCellProps) {
  if (!first && !second) {
    return (
      <div role="gridcell" className={`${classes.cell} ${classes.muted}`}>
        —
      </div>
    );
  }
  return (
    <div role="gridcell" className={`${classes.cell} ${classes.lines}`}>
      <span className={`${classes.line} ${strong ? classes.strong : ""}`} title={first || undefined}>
        {first || "—"}
      </span>
      {second ? (
        <span className={`${classes.line} ${classes.muted}`} title={second}>
          {second}
        </span>
      ) : null}
    </div>
  );
}
