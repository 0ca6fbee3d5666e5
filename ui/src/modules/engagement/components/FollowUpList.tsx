import { Divider, Stack } from "@mantine/core";
import { Fragment } from "react";
import type { FollowUp } from "../../../ipc/bindings";
import { FollowUpItem } from "./FollowUpItem";

export type FollowUpListProps = {
  items: FollowUp[];
  showContact?: boolean;
};

export function FollowUpList({ items, showContact = false }: FollowUpListProps) {
  return (
    <Stack gap="xs">
      {items.map((item, index) => (
        <Fragment key={item.id}>
          {index > 0 ? <Divider variant="dashed" /> : null}
          <FollowUpItem followUp={item} showContact={showContact} />
        </Fragment>
      ))}
    </Stack>
  );
}
