import { Button, Center } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useRouteError } from "react-router";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { StatePanel } from "./StatePanel";

/** Last line of defence for render errors: a readable message and a way out, never a stack trace. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { message } = formatIpcError(error);
  return (
    <Center h="100dvh">
      <StatePanel
        icon={<IconAlertTriangle size={24} />}
        color="red"
        title="Rapport hit a problem"
        actions={
          <Button variant="light" onClick={() => window.location.reload()}>
            Reload Rapport
          </Button>
        }
      >
        {message}
      </StatePanel>
    </Center>
  );
}
