import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { RapportLogo } from "./RapportLogo";
import classes from "./StartLayout.module.css";

export type StartLayoutProps = {
  children: ReactNode;
  /** Beside the card on wide windows, below it on narrow ones (the demo users). */
  aside?: ReactNode;
  /** The card's width; the aside adds its own. */
  width?: number;
  /** Shown small under everything: version and database path. */
  footer?: ReactNode;
  testId?: string;
};

/** The frame of every screen before the main app: logo and name above one centred card. */
export function StartLayout({ children, aside, width = 440, footer, testId }: StartLayoutProps) {
  return (
    <div className={classes.page} data-testid={testId}>
      <div className={classes.body}>
        <Group gap="sm" wrap="nowrap">
          <RapportLogo size={44} />
          <Stack gap={0}>
            <Title order={1} size="h2" lh={1.1}>
              Rapport
            </Title>
            <Text size="sm" c="dimmed">
              The people at your customers&rsquo; sites
            </Text>
          </Stack>
        </Group>
        <Group align="flex-start" justify="center" gap="lg" w="100%">
          <Paper className={classes.card} maw={width} withBorder shadow="sm" radius="lg" p="xl" component="main">
            {children}
          </Paper>
          {aside}
        </Group>
      </div>
      {footer ? <div className={classes.footer}>{footer}</div> : null}
    </div>
  );
}
