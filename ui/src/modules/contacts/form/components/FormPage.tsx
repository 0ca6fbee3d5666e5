import { Anchor, Box, Group } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router";

export type FormPageProps = {
  backTo: string;
  backLabel: string;
  children: ReactNode;
  testId?: string;
};

/** The scrolling frame of the wizard and the edit screen, with a way back above it. */
export function FormPage({ backTo, backLabel, children, testId }: FormPageProps) {
  return (
    // The padding keeps a field scrolled to by Tab or a message clear of the sticky bar at the bottom.
    <Box flex={1} mih={0} style={{ overflow: "auto", scrollPaddingBottom: 96, scrollPaddingTop: 16 }} data-testid={testId}>
      <Box px="md" pt="md" maw={1180} mx="auto">
        <Group mb="sm">
          <Anchor component={Link} to={backTo} size="sm" data-testid="form-back">
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={14} />
              {backLabel}
            </Group>
          </Anchor>
        </Group>
        {children}
      </Box>
    </Box>
  );
}
