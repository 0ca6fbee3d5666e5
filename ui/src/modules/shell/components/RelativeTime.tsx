import { Text, Tooltip, type TextProps } from "@mantine/core";
import { formatDateTime } from "../../contacts/utils/formatDateTime";
import { formatRelativeTime } from "../utils/relativeTime";

export type RelativeTimeProps = TextProps & {
  /** UTC, RFC 3339. */
  iso: string;
  /** Injected for tests; defaults to the current time. */
  now?: Date;
};

/** "2 hours ago", with the exact date and time in a tooltip. */
export function RelativeTime({ iso, now, ...textProps }: RelativeTimeProps) {
  const exact = formatDateTime(iso);
  return (
    <Tooltip label={exact}>
      <Text span inherit component="time" dateTime={iso} {...textProps}>
        {formatRelativeTime(iso, now)}
      </Text>
    </Tooltip>
  );
}
