import { Divider, Stack } from "@mantine/core";
import { useRegions } from "../hooks/useRegions";
import { AccountsSection } from "./AccountsSection";
import { RegionsSection } from "./RegionsSection";

export function OrganisationPanel() {
  const regions = useRegions();
  return (
    <Stack gap="xl" data-testid="admin-organisation">
      <RegionsSection regions={regions} />
      <Divider />
      <AccountsSection regions={regions.data ?? []} />
    </Stack>
  );
}
