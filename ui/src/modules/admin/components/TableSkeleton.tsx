import { Card, Group, Skeleton, Stack } from "@mantine/core";

export type TableSkeletonProps = {
  rows?: number;
  columns?: number;
  label: string;
  testId?: string;
};

/** Grey bars in the shape of a table while its rows load. */
export function TableSkeleton({ rows = 6, columns = 5, label, testId }: TableSkeletonProps) {
  return (
    <Card p="md" aria-busy="true" aria-label={label} data-testid={testId}>
      <Stack gap="md">
        {Array.from({ length: rows }, (_, row) => (
          <Group key={row} gap="lg" wrap="nowrap">
            {Array.from({ length: columns }, (_, column) => (
              <Skeleton key={column} height={row === 0 ? 10 : 14} flex={column === 0 ? 2 : 1} />
            ))}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
