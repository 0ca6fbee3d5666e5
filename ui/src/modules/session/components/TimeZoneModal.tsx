import { Alert, Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMemo, useState, type FormEvent } from "react";
import { computerTimeZone, offsetLabel, timeZoneOptions, zoneLabel } from "../../shell/utils/timeZone";
import { userLocale } from "../../shell/utils/userLocale";
import { useFormErrors } from "../hooks/useFormErrors";
import { useSetOwnTimeZone } from "../hooks/useSetOwnTimeZone";

export type TimeZoneModalProps = {
  opened: boolean;
  /** The user's zone as stored; null follows this computer's clock. */
  current: string | null;
  onClose: () => void;
};

/** The value standing for "follow this computer's clock" in the picker. */
const COMPUTER = "";
const FIELDS = ["timeZone"] as const;

function clockIn(zone: string): string {
  const now = new Date();
  const time = new Intl.DateTimeFormat(userLocale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(now);
  return `${time} (${offsetLabel(zone, now)})`;
}

/** The user chooses the zone every date and time is shown and typed in. */
export function TimeZoneModal({ opened, current, onClose }: TimeZoneModalProps) {
  const computer = computerTimeZone();
  const [choice, setChoice] = useState<string>(current ?? COMPUTER);
  const { errors, fromError, clearAll } = useFormErrors(FIELDS);
  const save = useSetOwnTimeZone();
  const options = useMemo(
    () => [{ value: COMPUTER, label: `This computer's zone · ${zoneLabel(computer)}` }, ...timeZoneOptions(current)],
    [computer, current],
  );
  const zone = choice === COMPUTER ? computer : choice;

  const close = () => {
    setChoice(current ?? COMPUTER);
    clearAll();
    save.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(choice === COMPUTER ? null : choice, {
      onSuccess: () => {
        notifications.show({ color: "teal", title: "Time zone saved", message: `Times are shown in ${zoneLabel(zone)}.` });
        close();
      },
      onError: fromError,
    });
  };

  return (
    <Modal opened={opened} onClose={close} title="Your time zone" centered>
      <form onSubmit={submit} noValidate data-testid="time-zone-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Dates and times everywhere in Rapport are shown in this zone, and the times you type when you log an interaction
            or set a follow-up are read in it.
          </Text>
          <Select
            label="Time zone"
            data={options}
            value={choice}
            onChange={(value) => {
              setChoice(value ?? COMPUTER);
              clearAll();
            }}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No time zone has that name"
            maxDropdownHeight={280}
            comboboxProps={{ withinPortal: true }}
            error={errors.fields.timeZone}
            data-autofocus
            data-testid="time-zone-select"
          />
          <Text size="sm" data-testid="time-zone-now">
            Now in {zoneLabel(zone)}: {clockIn(zone)}
          </Text>
          {errors.general ? (
            <Alert color="red" icon={<IconAlertCircle size={18} />}>
              {errors.general}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="time-zone-submit">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
