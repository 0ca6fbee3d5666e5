import { Burger, Group, Text, ThemeIcon } from "@mantine/core";
import { IconAddressBook } from "@tabler/icons-react";
import { UserMenu } from "../../session/components/UserMenu";
import { useAppInfo } from "../hooks/useAppInfo";
import { DemoBadge } from "./DemoBadge";
import { SearchTrigger } from "./SearchTrigger";

export type HeaderBarProps = {
  navOpened: boolean;
  onToggleNav: () => void;
};

export function HeaderBar({ navOpened, onToggleNav }: HeaderBarProps) {
  const { data: info } = useAppInfo();
  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" w={200}>
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
        <ThemeIcon size={28} radius="md" variant="filled" aria-hidden>
          <IconAddressBook size={18} stroke={1.8} />
        </ThemeIcon>
        <Text fw={700} size="lg" lh={1}>
          Rapport
        </Text>
      </Group>
      <SearchTrigger />
      <Group miw={200} justify="flex-end" wrap="nowrap" gap="sm">
        {info?.isDemo ? <DemoBadge /> : null}
        <UserMenu />
      </Group>
    </Group>
  );
}
