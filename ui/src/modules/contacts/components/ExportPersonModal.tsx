import { ActionIcon, Alert, Button, CopyButton, Group, Modal, Stack, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy, IconFileDownload } from "@tabler/icons-react";
import type { ContactDetail } from "../../../ipc/bindings";
import { FormAlert } from "../../admin/components/FormAlert";
import { formErrors } from "../../admin/utils/fieldErrors";
import { useExportPerson } from "../hooks/useExportPerson";

export type ExportPersonModalProps = {
  contact: Pick<ContactDetail, "id" | "displayName" | "reference">;
  onClose(): void;
};

function SavedFile({ label, path, testId }: { label: string; path: string; testId: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Stack gap={0} miw={0} flex={1}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" ff="monospace" style={{ overflowWrap: "anywhere" }} data-testid={testId}>
          {path}
        </Text>
      </Stack>
      <CopyButton value={path}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? "Copied" : "Copy the path"}>
            <ActionIcon variant="subtle" color="gray" onClick={copy} aria-label={`Copy the path of the ${label}`}>
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** A privacy request: everything Rapport holds about the person, as JSON and vCard 4.0 files. */
export function ExportPersonModal({ contact, onClose }: ExportPersonModalProps) {
  const run = useExportPerson();
  const files = run.data;
  const error = run.isError ? formErrors(run.error, {}).general : null;

  return (
    <Modal
      opened
      onClose={run.isPending ? () => {} : onClose}
      title={`Export the personal data of ${contact.displayName}`}
      centered
      size="lg"
      data-testid="export-modal"
    >
      <Stack gap="sm">
        {files ? (
          <>
            <Alert color="teal" variant="light" icon={<IconCheck size={16} />} data-testid="export-done">
              Everything Rapport holds about {contact.displayName} was saved in {files.folder}.
            </Alert>
            <SavedFile label="JSON file (all data)" path={files.json} testId="export-json" />
            <SavedFile label="vCard 4.0 file (contact card)" path={files.vcard} testId="export-vcard" />
            <Text size="sm" c="dimmed">
              The files are not encrypted. Send them to the person by a secure route and delete your copies afterwards.
            </Text>
            <Group justify="flex-end" mt="sm">
              <Button onClick={onClose} data-autofocus data-testid="export-close">
                Done
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">
              For a request by the person to see their data: Rapport writes everything it holds about{" "}
              {contact.displayName} ({contact.reference}) — details, sites and roles, preferences, history and approvals —
              to two files in your Downloads folder: a JSON file with all data and a vCard 4.0 contact card. The export
              is recorded in the audit trail.
            </Text>
            <FormAlert message={error} />
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button variant="default" onClick={onClose} disabled={run.isPending} data-autofocus>
                Cancel
              </Button>
              <Button
                leftSection={<IconFileDownload size={16} />}
                onClick={() => run.mutate(contact.id)}
                loading={run.isPending}
                data-testid="export-submit"
              >
                Export
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
