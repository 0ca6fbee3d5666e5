import { Group, Kbd, UnstyledButton } from "@mantine/core";
import { spotlight } from "@mantine/spotlight";
import { IconSearch } from "@tabler/icons-react";
import { isMacPlatform } from "../utils/platform";
import classes from "./SearchTrigger.module.css";

export function SearchTrigger() {
  const modifier = isMacPlatform() ? "⌘" : "Ctrl";
  return (
    <UnstyledButton
      className={classes.trigger}
      onClick={spotlight.open}
      data-testid="search-trigger"
      aria-label={`Search contacts (${modifier}+K)`}
      aria-keyshortcuts={isMacPlatform() ? "Meta+K" : "Control+K"}
    >
      <IconSearch size={16} stroke={1.6} />
      <span className={classes.label}>Search contacts…</span>
      <Group gap={4} wrap="nowrap">
        <Kbd size="xs">{modifier}</Kbd>
        <Kbd size="xs">K</Kbd>
      </Group>
    </UnstyledButton>
  );
}
