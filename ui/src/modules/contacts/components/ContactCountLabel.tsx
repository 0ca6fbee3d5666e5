import { Skeleton, Text } from "@mantine/core";
import type { ContactCount } from "../../../ipc/bindings";
import { formatContactCount } from "../utils/formatCount";

export type ContactCountLabelProps = {
  count: ContactCount | undefined;
  failed: boolean;
};

export function ContactCountLabel({ count, failed }: ContactCountLabelProps) {
  if (count) {
    return (
      <Text size="sm" c="dimmed" data-testid="contact-count">
        {formatContactCount(count.count, count.exact)}
      </Text>
    );
  }
  if (failed) {
    return (
      <Text size="sm" c="dimmed" data-testid="contact-count">
        Count unavailable
      </Text>
    );
  }
  return <Skeleton height={12} width={90} aria-label="Counting contacts" />;
}
