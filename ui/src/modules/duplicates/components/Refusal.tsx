import { Alert } from "@mantine/core";
import { formatIpcError } from "../../../ipc/formatIpcError";

/** Why the core refused a merge or its undo, in its words; what the user chose stays on screen. */
export function Refusal({ error, testId }: { error: unknown; testId: string }) {
  const { title, message } = formatIpcError(error);
  return (
    <Alert color="red" title={title} data-testid={testId} mt="sm" ta="left">
      {message}
    </Alert>
  );
}
