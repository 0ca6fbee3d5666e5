import classes from "./ContactsTable.module.css";

export type TextCellProps = {
  value: string | null;
};

/** One truncated line; the full text is in the tooltip, an empty value is a muted dash. */
export function TextCell({ value }: TextCellProps) {
  if (!value) {
    return (
      <div role="gridcell" className={`${classes.cell} ${classes.muted}`}>
        —
      </div>
    );
  }
  return (
    <div role="gridcell" className={classes.cell} title={value}>
      {value}
    </div>
  );
}
