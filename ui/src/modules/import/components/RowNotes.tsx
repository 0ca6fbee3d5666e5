import { Anchor, Text } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { Link } from "react-router";
import type { PreviewRow } from "../../../ipc/bindings";
import { notesText, problemText } from "../utils/previewRows";
import classes from "./PreviewRowsTable.module.css";

export type RowNotesProps = {
  row: PreviewRow;
};

/** The record's problem or warnings, and whom it matches; the whole text is in the tooltip. */
export function RowNotes({ row }: RowNotesProps) {
  const parts: ReactNode[] = [];
  const problem = problemText(row);
  if (problem) {
    parts.push(
      <Text span inherit c="red" key="problem">
        {problem}
      </Text>,
    );
  }
  for (const [index, warning] of row.warnings.entries()) {
    parts.push(
      <Text span inherit c="orange" key={`warning-${index}`}>
        {warning}
      </Text>,
    );
  }
  if (row.matches.length > 0) {
    const [first, ...others] = row.matches;
    parts.push(
      <span key="matches">
        Matches{" "}
        <Anchor component={Link} to={`/contacts/${first.id}`} inherit data-testid="row-match">
          {first.name} ({first.reference})
        </Anchor>
        {others.length > 0 ? ` and ${others.length} more` : ""}
      </span>,
    );
  }
  if (row.sameAsRecord !== null) {
    parts.push(<span key="same">Same person as record {row.sameAsRecord}</span>);
  }
  if (parts.length === 0) return <span className={classes.muted}>—</span>;
  return (
    <span className={classes.notes} title={notesText(row)} data-testid="row-notes">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? " · " : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
