import { Divider, Stack } from "@mantine/core";
import { Fragment } from "react";
import type { Escalation } from "../../../ipc/bindings";
import { EscalationItem } from "./EscalationItem";

export type EscalationListProps = {
  items: Escalation[];
  resolvable: boolean;
};

export function EscalationList({ items, resolvable }: EscalationListProps) {
  return (
    <Stack gap="xs">
      {items.map((item, index) => (
        <Fragment key={item.id}>
          {index > 0 ? <Divider variant="dashed" /> : null}
          <EscalationItem escalation={item} resolvable={resolvable} />
        </Fragment>
      ))}
    </Stack>
  );
}
