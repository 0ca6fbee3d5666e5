import type { ReactNode } from "react";
import { EmptyValue } from "./EmptyValue";
import classes from "./FieldList.module.css";

export type FieldItem = {
  label: string;
  /** null, undefined or "" render as a muted dash. */
  value: ReactNode;
};

export type FieldListProps = {
  items: FieldItem[];
};

export function FieldList({ items }: FieldListProps) {
  return (
    <dl className={classes.list}>
      {items.map((item) => (
        <div key={item.label} style={{ display: "contents" }}>
          <dt className={classes.label}>{item.label}</dt>
          <dd className={classes.value}>
            {item.value === null || item.value === undefined || item.value === "" ? <EmptyValue /> : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
