import { Badge, Tooltip } from "@mantine/core";
import { IconFlask } from "@tabler/icons-react";

export function DemoBadge() {
  return (
    <Tooltip label="This database holds generated sample data for trying Rapport out, not real people." multiline w={240}>
      <Badge variant="light" color="yellow" tt="none" fw={600} leftSection={<IconFlask size={12} />} data-testid="demo-badge">
        Demo database
      </Badge>
    </Tooltip>
  );
}
