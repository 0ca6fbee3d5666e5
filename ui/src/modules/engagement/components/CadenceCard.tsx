import { Badge, Button, Group, NumberInput, Skeleton, Stack, Text } from "@mantine/core";
import { IconRepeat } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import type { Cadence } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { DetailCard } from "../../contacts/components/DetailCard";
import { formatDate } from "../../contacts/utils/formatDateTime";
import { useCadence } from "../hooks/useCadence";
import { useSetCadence } from "../hooks/useSetCadence";

export type CadenceCardProps = {
  contactId: string;
};

/** The longest gap the core accepts is its business; this only keeps typos like 3000 out. */
const MAX_DAYS = 366;

function CadenceSummary({ cadence }: { cadence: Cadence }) {
  return (
    <Stack gap={2} data-testid="cadence-summary">
      <Group gap={6}>
        <Text size="sm" fw={500}>
          Every {cadence.everyDays} days
        </Text>
        {cadence.due ? (
          <Badge size="xs" color="orange" variant="light" tt="none" data-testid="cadence-due">
            Time to get in touch
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        Next due <span data-testid="cadence-next-due">{formatDate(cadence.nextDueAt)}</span>
        {cadence.lastContactAt ? ` · last contact ${formatDate(cadence.lastContactAt)}` : " · no contact yet"}
      </Text>
      {cadence.owner ? (
        <Text size="xs" c="dimmed" truncate="end">
          Reminds {cadence.owner.displayName}
        </Text>
      ) : null}
    </Stack>
  );
}

/** "Stay in touch every N days": logging an interaction moves the next due date on. */
export function CadenceCard({ contactId }: CadenceCardProps) {
  const cadence = useCadence(contactId);
  const save = useSetCadence(contactId);
  const [days, setDays] = useState<string | number>("");
  const current = cadence.data ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = typeof days === "number" ? days : Number(days);
    if (!Number.isInteger(value) || value < 1) return;
    save.mutate(value, { onSuccess: () => setDays("") });
  };

  let body;
  if (cadence.isPending) {
    body = <Skeleton height={40} aria-label="Loading the cadence" />;
  } else if (cadence.isError) {
    body = (
      <Text size="sm" c="red">
        {formatIpcError(cadence.error).message}
      </Text>
    );
  } else {
    body = (
      <Stack gap="sm">
        {current ? (
          <CadenceSummary cadence={current} />
        ) : (
          <Text size="sm" c="dimmed" data-testid="cadence-empty">
            No stay-in-touch reminder for this contact.
          </Text>
        )}
        <form onSubmit={submit}>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <NumberInput
              size="xs"
              aria-label="Stay in touch every N days"
              placeholder={current ? `${current.everyDays}` : "30"}
              suffix=" days"
              min={1}
              max={MAX_DAYS}
              allowDecimal={false}
              allowNegative={false}
              value={days}
              onChange={setDays}
              error={save.error ? formatIpcError(save.error).message : undefined}
              w={120}
              data-testid="cadence-days"
            />
            <Button size="xs" type="submit" variant="light" loading={save.isPending && save.variables !== null} data-testid="cadence-save">
              {current ? "Change" : "Set"}
            </Button>
            {current ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => save.mutate(null)}
                loading={save.isPending && save.variables === null}
                data-testid="cadence-remove"
              >
                Remove
              </Button>
            ) : null}
          </Group>
        </form>
      </Stack>
    );
  }
  return (
    <DetailCard title="Stay in touch" icon={<IconRepeat size={16} />} testId="card-cadence">
      {body}
    </DetailCard>
  );
}
