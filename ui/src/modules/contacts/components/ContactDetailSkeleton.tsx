import { Card, Grid, Group, Skeleton, Stack } from "@mantine/core";

export function ContactDetailSkeleton() {
  return (
    <Stack gap="md" data-testid="contact-detail-loading" aria-busy="true" aria-label="Loading contact">
      <Card>
        <Group gap="lg" wrap="nowrap">
          <Skeleton circle height={64} />
          <Stack gap={8} flex={1}>
            <Skeleton height={22} width="40%" />
            <Skeleton height={12} width="30%" />
            <Skeleton height={18} width="50%" />
          </Stack>
        </Group>
      </Card>
      <Grid gutter="md">
        {[7, 5, 7, 5].map((span, index) => (
          <Grid.Col key={index} span={{ base: 12, lg: span }}>
            <Card>
              <Stack gap={10}>
                <Skeleton height={16} width="35%" />
                <Skeleton height={10} />
                <Skeleton height={10} width="85%" />
                <Skeleton height={10} width="60%" />
              </Stack>
            </Card>
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}
