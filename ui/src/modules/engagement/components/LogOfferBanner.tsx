import { Alert, Button, CloseButton, Group, Text } from "@mantine/core";
import { IconMail, IconPhone } from "@tabler/icons-react";
import type { InteractionPrefill } from "../types/interactionForm";

export type LogOfferBannerProps = {
  offer: InteractionPrefill;
  /** The address or number the link opened. */
  target: string;
  onLog(): void;
  onDismiss(): void;
};

/** After an email or phone link opened the OS handler: one click logs what the user is doing. */
export function LogOfferBanner({ offer, target, onLog, onDismiss }: LogOfferBannerProps) {
  const email = offer.channel === "email";
  return (
    <Alert
      color="blue"
      variant="light"
      icon={email ? <IconMail size={18} /> : <IconPhone size={18} />}
      data-testid="log-offer"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" miw={0} truncate="end" title={target}>
          {email ? "Writing to" : "Calling"} {target}?
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={onLog} data-testid="log-offer-accept">
            {email ? "Log this email" : "Log this call"}
          </Button>
          <CloseButton size="sm" aria-label="Dismiss" onClick={onDismiss} />
        </Group>
      </Group>
    </Alert>
  );
}
