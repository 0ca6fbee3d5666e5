import { Text } from "@mantine/core";

export type EmptyValueProps = {
  /** What is missing, for the tooltip; defaults to "Not recorded". */
  label?: string;
};

/** A muted dash where a value is missing, so gaps read as "nothing recorded", not as a broken page. */
export function EmptyValue({ label = "Not recorded" }: EmptyValueProps) {
  return (
    <Text span inherit c="dimmed" title={label} data-empty="">
      —
    </Text>
  );
}
