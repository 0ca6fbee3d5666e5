import { Card, Group, Text, ThemeIcon } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatCount } from "../../contacts/utils/formatCount";

export type StatCardProps = {
  label: string;
  value: number;
  icon: ReactNode;
  color: string;
  to: string;
  hint?: string;
  /** The contact list's URL parameters this figure opens, when it opens the list. */
  filter?: string;
};

/** One figure, the whole card a link to where its items are. */
export function StatCard({ label, value, icon, color, to, hint, filter }: StatCardProps) {
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component={Link}
      to={to}
      data-testid={filter !== undefined ? "dashboard-link" : "dashboard-work-link"}
      data-filter={filter}
      data-count={value}
      aria-label={`${label}: ${formatCount(value)}`}
      style={{ textDecoration: "none" }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {formatCount(value)}
          </Text>
          {hint ? (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          ) : null}
        </div>
        <ThemeIcon variant="light" color={color} size="lg" radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Card>
  );
}
