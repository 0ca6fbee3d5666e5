import { Button } from "@mantine/core";
import { IconMapOff } from "@tabler/icons-react";
import { Link } from "react-router";
import { StatePanel } from "./StatePanel";

export function NotFoundPage() {
  return (
    <StatePanel
      icon={<IconMapOff size={24} />}
      title="This page does not exist"
      actions={
        <Button component={Link} to="/contacts" variant="light">
          Go to contacts
        </Button>
      }
    >
      The link you followed does not lead anywhere in Rapport.
    </StatePanel>
  );
}
