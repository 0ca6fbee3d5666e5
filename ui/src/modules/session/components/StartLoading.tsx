import { Center, Loader, Stack } from "@mantine/core";
import { RapportLogo } from "./RapportLogo";

export function StartLoading() {
  return (
    <Center h="100dvh" data-testid="start-loading">
      <Stack align="center" gap="md">
        <RapportLogo size={56} />
        <Loader size="sm" type="dots" aria-label="Opening Rapport" />
      </Stack>
    </Center>
  );
}
