import { Badge, Button, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { ContactDetail, Justification } from "../../../ipc/bindings";
import { isIpcError } from "../../../ipc/client";
import { FormAlert } from "../../admin/components/FormAlert";
import { useFormErrors } from "../../admin/hooks/useFormErrors";
import { useSetPrimaryContact } from "../hooks/useSetPrimaryContact";
import { useSiteKinds } from "../hooks/useSiteKinds";
import { JustificationModal } from "./JustificationModal";

export type SetPrimaryModalProps = {
  contact: Pick<ContactDetail, "id" | "displayName" | "sites">;
  /** A site chosen beforehand (e.g. from the Sites card). */
  siteId?: string;
  onClose(): void;
};

/** The word the user types to confirm (seed 002); the core checks it again. */
const PRIMARY_WORD = "primary";

const LABELS = { siteId: "Site", confirmation: `Type "${PRIMARY_WORD}" to confirm` };

/** The justification problems stay in the justification dialog; site and confirmation problems go back to the form. */
function belongsToForm(error: unknown): boolean {
  return isIpcError(error) && error.fields.some((problem) => problem.field === "siteId" || problem.field === "confirmation");
}

/**
 * Makes the contact the primary contact of one of its sites: choose the site, type "primary",
 * then record the justification the core asks for. The previous primary contact steps down in
 * the same change.
 */
export function SetPrimaryModal({ contact, siteId: preselected, onClose }: SetPrimaryModalProps) {
  const candidates = contact.sites.filter((site) => !site.isPrimary);
  const [siteId, setSiteId] = useState<string>(
    preselected ?? (candidates.length === 1 ? candidates[0].siteId : ""),
  );
  const [confirmation, setConfirmation] = useState("");
  const [justifying, setJustifying] = useState(false);
  const [justificationError, setJustificationError] = useState<unknown>(null);
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const setPrimary = useSetPrimaryContact();
  const kinds = useSiteKinds(contact.sites, true);
  const chosen = contact.sites.find((site) => site.siteId === siteId);

  const run = (justification: Justification | null) => {
    setPrimary.mutate(
      { id: contact.id, siteId, confirmation, justification },
      {
        onSuccess: () => {
          const where =
            chosen && kinds[chosen.siteId] === "private" ? chosen.accountName : (chosen?.siteName ?? "the site");
          notifications.show({
            color: "teal",
            title: "Primary contact set",
            message: `${contact.displayName} is now the primary contact of ${where}.`,
          });
          onClose();
        },
        onError: (error) => {
          if (isIpcError(error) && error.code === "justification_required") {
            setJustificationError(error);
            setJustifying(true);
          } else if (justifying && !belongsToForm(error)) {
            setJustificationError(error);
          } else {
            setJustifying(false);
            fromError(error);
          }
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = check({
      siteId: siteId ? undefined : "Choose the site",
      confirmation:
        confirmation.trim().toLowerCase() === PRIMARY_WORD ? undefined : `Type the word ${PRIMARY_WORD} to confirm`,
    });
    if (ok) run(null);
  };

  return (
    <>
      <Modal
        opened={!justifying}
        onClose={setPrimary.isPending ? () => {} : onClose}
        title={`Set ${contact.displayName} as primary contact`}
        centered
        size="lg"
        data-testid="primary-modal"
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">
              A site has one primary contact; a private customer has one for the whole account. If there already is
              one, they step down in the same change. This is a significant change: you will be asked who approved it.
            </Text>
            <FormAlert message={errors.general} />
            <Radio.Group
              label="Primary contact of"
              value={siteId}
              onChange={(value) => {
                setSiteId(value);
                clear("siteId");
              }}
              error={errors.fields.siteId}
              required
              data-testid="primary-site"
            >
              <Stack gap="xs" mt={6}>
                {contact.sites.map((site) => {
                  const isPrivate = kinds[site.siteId] === "private";
                  return (
                    <Radio.Card
                      key={site.siteId}
                      value={site.siteId}
                      disabled={site.isPrimary}
                      p="sm"
                      radius="md"
                      data-testid="primary-site-option"
                      data-site-id={site.siteId}
                      style={site.isPrimary ? { opacity: 0.6, cursor: "not-allowed" } : undefined}
                    >
                      <Group wrap="nowrap" align="flex-start" gap="sm">
                        <Radio.Indicator disabled={site.isPrimary} mt={2} />
                        <Stack gap={2} miw={0} flex={1}>
                          <Group gap="xs" wrap="wrap">
                            <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
                              {isPrivate ? site.accountName : site.siteName}
                            </Text>
                            {site.isPrimary ? (
                              <Badge size="xs" variant="light" tt="none">
                                Already the primary contact
                              </Badge>
                            ) : null}
                          </Group>
                          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                            {isPrivate
                              ? `Private customer: the primary contact of the whole account, all its sites (${site.siteName})`
                              : `${site.accountName} · ${site.territory}, ${site.region}`}
                          </Text>
                        </Stack>
                      </Group>
                    </Radio.Card>
                  );
                })}
              </Stack>
            </Radio.Group>
            <TextInput
              label={LABELS.confirmation}
              description={
                chosen
                  ? `${contact.displayName} becomes the primary contact of ${
                      kinds[chosen.siteId] === "private" ? chosen.accountName : chosen.siteName
                    }.`
                  : undefined
              }
              value={confirmation}
              onChange={(event) => {
                setConfirmation(event.currentTarget.value);
                clear("confirmation");
              }}
              error={errors.fields.confirmation}
              required
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { maxWidth: 320 } }}
              data-autofocus
              data-testid="primary-confirmation"
            />
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button variant="default" onClick={onClose} disabled={setPrimary.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={setPrimary.isPending} data-testid="primary-submit">
                Continue
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <JustificationModal
        opened={justifying}
        fields={["primary"]}
        submitting={setPrimary.isPending}
        error={justificationError}
        onCancel={() => {
          setJustifying(false);
          setJustificationError(null);
        }}
        onSubmit={run}
      />
    </>
  );
}
