import { Badge, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconMapPin } from "@tabler/icons-react";
import type { PostalAddress } from "../../../ipc/bindings";
import { addressKindLabels } from "../utils/labels";
import { DetailCard } from "./DetailCard";

export type AddressesCardProps = {
  addresses: PostalAddress[];
};

function addressLines(address: PostalAddress): string[] {
  const locality = [address.city, address.region, address.postalCode].filter(Boolean).join(", ");
  return [address.line1, address.line2, locality, address.country].filter((line): line is string => Boolean(line));
}

export function AddressesCard({ addresses }: AddressesCardProps) {
  return (
    <DetailCard title="Addresses" icon={<IconMapPin size={16} />} testId="card-addresses">
      {addresses.length === 0 ? (
        <Text size="sm" c="dimmed">
          No addresses recorded.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          {addresses.map((address, index) => (
            <Stack key={index} gap={2} component="address" style={{ fontStyle: "normal" }}>
              <Group gap={6}>
                <Badge size="xs" variant="default" tt="none">
                  {addressKindLabels[address.kind]}
                </Badge>
              </Group>
              {addressLines(address).map((line, lineIndex) => (
                <Text key={lineIndex} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {line}
                </Text>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </DetailCard>
  );
}
