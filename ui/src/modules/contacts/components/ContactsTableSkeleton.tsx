import { Skeleton, Stack } from "@mantine/core";
import { columns, gridTemplateColumns, HEADER_HEIGHT, ROW_HEIGHT } from "../utils/columns";
import classes from "./ContactsTable.module.css";

const SKELETON_ROWS = 12;

export function ContactsTableSkeleton() {
  return (
    <div className={classes.frame} data-testid="contacts-loading" aria-busy="true" aria-label="Loading contacts">
      <div className={classes.scroller} style={{ overflow: "hidden" }}>
        <div className={classes.header} style={{ gridTemplateColumns, height: HEADER_HEIGHT }}>
          {columns.map((column) => (
            <div key={column.id} className={classes.headerCell}>
              {column.label}
            </div>
          ))}
        </div>
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <div
            key={index}
            className={classes.row}
            style={{ position: "relative", gridTemplateColumns, height: ROW_HEIGHT, cursor: "default" }}
          >
            {columns.map((column) => (
              <div key={column.id} className={classes.cell}>
                {column.id === "name" ? (
                  <Stack gap={6}>
                    <Skeleton height={10} width="70%" />
                    <Skeleton height={8} width="40%" />
                  </Stack>
                ) : (
                  <Skeleton height={10} width={`${50 + ((index * 7 + column.id.length * 5) % 40)}%`} />
                )}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
