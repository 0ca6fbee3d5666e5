import { Button, Checkbox, Loader, Text } from "@mantine/core";
import { useMergedRef } from "@mantine/hooks";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type Ref } from "react";
import type { ContactRow, ContactSort, SortColumn } from "../../../ipc/bindings";
import { isSelected, type ListSelection, type LoadedState } from "../list/selection";
import {
  columns,
  gridTemplateColumns,
  HEADER_HEIGHT,
  PREFETCH_ROWS,
  ROW_HEIGHT,
  TABLE_MIN_WIDTH,
} from "../utils/columns";
import { formatDate, formatDateTime } from "../utils/formatDateTime";
import { nextSort } from "../utils/nextSort";
import { ContactStatusBadge } from "./ContactStatusBadge";
import classes from "./ContactsTable.module.css";
import { ContactTypeBadge } from "./ContactTypeBadge";
import { SortableHeaderCell } from "./SortableHeaderCell";
import { TextCell } from "./TextCell";

export type ContactsTableProps = {
  rows: ContactRow[];
  sort: ContactSort;
  sortDisabled: boolean;
  onSortChange: (sort: ContactSort) => void;
  onOpen: (id: string) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageFailed: boolean;
  onFetchNextPage: () => void;
  /** Rows still belong to the previous search/filter while the new answer is on its way. */
  stale: boolean;
  /** Checkboxes and selection keys; absent when the user can act on no selection. */
  selection?: TableSelection;
  ref?: Ref<HTMLDivElement>;
};

export type TableSelection = {
  selection: ListSelection;
  /** How many loaded rows are ticked, for the header checkbox. */
  loaded: LoadedState;
  /** A checkbox, Ctrl/Cmd+click or Space; `range` for Shift+click. */
  onToggle: (id: string, range: boolean) => void;
  /** The header checkbox. */
  onToggleLoaded: () => void;
  /** Ctrl/Cmd+A. */
  onSelectLoaded: () => void;
  /** Escape. */
  onClear: () => void;
};

/** The checkbox column's track, added in front of the data columns. */
const CHECK_TRACK = "40px";
const CHECK_WIDTH = 40;

/** Rows per PageUp/PageDown when the viewport height is not known yet. */
const FALLBACK_PAGE_ROWS = 10;

export function ContactsTable({
  rows,
  sort,
  sortDisabled,
  onSortChange,
  onOpen,
  hasNextPage,
  isFetchingNextPage,
  nextPageFailed,
  onFetchNextPage,
  stale,
  selection,
  ref,
}: ContactsTableProps) {
  const template = selection ? `${CHECK_TRACK} ${gridTemplateColumns}` : gridTemplateColumns;
  const minWidth = selection ? TABLE_MIN_WIDTH + CHECK_WIDTH : TABLE_MIN_WIDTH;
  const scrollRef = useRef<HTMLDivElement>(null);
  const mergedRef = useMergedRef(scrollRef, ref);
  const [activeIndex, setActiveIndex] = useState(-1);

  // The trailing "loading more" row exists only while more pages are available.
  const count = rows.length + (hasNextPage ? 1 : 0);
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise;
  // this component does not rely on the compiler for it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? "loader",
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastRenderedIndex = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1].index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !nextPageFailed && lastRenderedIndex >= rows.length - PREFETCH_ROWS) {
      onFetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, nextPageFailed, lastRenderedIndex, rows.length, onFetchNextPage]);

  const moveTo = (index: number) => {
    setActiveIndex(index);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    if (selection && onSelectionKey(event)) return;
    const last = rows.length - 1;
    const viewport = scrollRef.current?.clientHeight ?? 0;
    const pageRows = viewport > ROW_HEIGHT ? Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) : FALLBACK_PAGE_ROWS;
    const current = Math.min(activeIndex, last);
    let next: number;
    switch (event.key) {
      case "ArrowDown":
        next = Math.min(current + 1, last);
        break;
      case "ArrowUp":
        next = Math.max(current - 1, 0);
        break;
      case "PageDown":
        next = Math.min(Math.max(current, 0) + pageRows, last);
        break;
      case "PageUp":
        next = Math.max(current - pageRows, 0);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      case "Enter":
        if (current >= 0) {
          event.preventDefault();
          onOpen(rows[current].id);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  /** Space, Ctrl/Cmd+A and Escape act on the selection; true when the key was one of them. */
  const onSelectionKey = (event: KeyboardEvent<HTMLDivElement>): boolean => {
    if (!selection || event.target !== event.currentTarget) return false;
    if (event.key === " " && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const index = activeIndex >= 0 ? Math.min(activeIndex, rows.length - 1) : 0;
      if (activeIndex < 0) setActiveIndex(index);
      selection.onToggle(rows[index].id, event.shiftKey);
      return true;
    }
    if ((event.key === "a" || event.key === "A") && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      selection.onSelectLoaded();
      return true;
    }
    if (event.key === "Escape" && selection.loaded !== "none") {
      event.preventDefault();
      selection.onClear();
      return true;
    }
    return false;
  };

  const onRowClick = (event: MouseEvent<HTMLDivElement>, index: number, id: string) => {
    setActiveIndex(index);
    if (selection && (event.ctrlKey || event.metaKey)) {
      selection.onToggle(id, false);
    } else if (selection && event.shiftKey) {
      selection.onToggle(id, true);
    } else {
      onOpen(id);
    }
  };

  const onFocus = () => {
    if (activeIndex < 0 && rows.length > 0) setActiveIndex(0);
  };

  const activeRow = activeIndex >= 0 ? rows[activeIndex] : undefined;

  return (
    <div className={classes.frame}>
      <div
        ref={mergedRef}
        className={classes.scroller}
        role="grid"
        aria-label="Contacts"
        aria-multiselectable={selection ? true : undefined}
        aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        aria-activedescendant={activeRow ? rowDomId(activeRow.id) : undefined}
        aria-busy={stale || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-testid="contacts-table"
      >
        <div className={classes.inner} style={{ minWidth }}>
          <div
            role="row"
            aria-rowindex={1}
            className={classes.header}
            style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
          >
            {selection ? (
              <div role="columnheader" className={classes.checkCell}>
                <Checkbox
                  size="xs"
                  radius="sm"
                  checked={selection.loaded === "all"}
                  indeterminate={selection.loaded === "some"}
                  onChange={() => selection.onToggleLoaded()}
                  aria-label={selection.loaded === "all" ? "Clear the selection" : "Select all loaded contacts"}
                  tabIndex={-1}
                  data-testid="select-loaded"
                />
              </div>
            ) : null}
            {columns.map((column) => (
              <SortableHeaderCell
                key={column.id}
                column={column}
                sort={sort}
                sortDisabled={sortDisabled}
                onSort={(sortColumn: SortColumn) => onSortChange(nextSort(sort, sortColumn))}
              />
            ))}
          </div>
          <div
            role="rowgroup"
            className={classes.body}
            data-stale={stale || undefined}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualItems.map((item) => {
              const row = rows[item.index];
              const top = item.start - virtualizer.options.scrollMargin;
              if (!row) {
                return (
                  <div
                    key={item.key}
                    className={classes.loaderRow}
                    style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
                    role="row"
                  >
                    {nextPageFailed ? (
                      <>
                        <Text size="sm">Could not load more contacts.</Text>
                        <Button size="compact-sm" variant="subtle" onClick={onFetchNextPage}>
                          Retry
                        </Button>
                      </>
                    ) : (
                      <>
                        <Loader size={14} />
                        <Text size="sm">Loading more contacts…</Text>
                      </>
                    )}
                  </div>
                );
              }
              const active = item.index === activeIndex;
              const checked = selection ? isSelected(selection.selection, row.id) : false;
              return (
                <div
                  key={item.key}
                  id={rowDomId(row.id)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={active}
                  data-active={active || undefined}
                  data-checked={checked || undefined}
                  data-testid="contact-row"
                  data-contact-id={row.id}
                  className={classes.row}
                  style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
                  onMouseDown={(event) => {
                    // Shift+click selects a range of rows, not the text between them.
                    if (selection && event.shiftKey) event.preventDefault();
                  }}
                  onClick={(event) => onRowClick(event, item.index, row.id)}
                >
                  {selection ? (
                    <div role="gridcell" className={classes.checkCell} onClick={(event) => event.stopPropagation()}>
                      <Checkbox
                        size="xs"
                        radius="sm"
                        checked={checked}
                        onChange={() => {}}
                        onClick={(event) => {
                          setActiveIndex(item.index);
                          selection.onToggle(row.id, event.shiftKey);
                        }}
                        aria-label={`Select ${row.displayName}`}
                        tabIndex={-1}
                        data-testid="contact-row-check"
                      />
                    </div>
                  ) : null}
                  <div role="gridcell" className={classes.nameCell} data-testid="contact-row-name">
                    <span className={classes.primaryText} title={row.displayName}>
                      {row.displayName}
                    </span>
                    <span className={classes.secondaryText}>{row.reference}</span>
                  </div>
                  <TextCell value={row.company} />
                  <TextCell value={row.jobTitle} />
                  <div role="gridcell" className={classes.cell}>
                    <ContactTypeBadge type={row.contactType} size="xs" />
                  </div>
                  <TextCell value={row.territory} />
                  <TextCell value={row.email} />
                  <TextCell value={row.phone} />
                  <div role="gridcell" className={classes.cell}>
                    <ContactStatusBadge status={row.status} size="xs" />
                  </div>
                  <div role="gridcell" className={classes.cell} title={formatDateTime(row.updatedAt)}>
                    {formatDate(row.updatedAt)}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

function rowDomId(id: string): string {
  return `contact-row-${id}`;
}
