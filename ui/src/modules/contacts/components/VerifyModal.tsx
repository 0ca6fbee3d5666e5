import { Button, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import type { ContactDetail } from "../../../ipc/bindings";
import { FormAlert } from "../../admin/components/FormAlert";
import { useFormErrors } from "../../admin/hooks/useFormErrors";
import { useVerifyContact } from "../hooks/useVerifyContact";
import { todayIso } from "./significantFields";
import { VERIFICATION_METHODS, verificationMethod, type VerificationChoice } from "./verification";

export type VerifyModalProps = {
  contact: Pick<ContactDetail, "id" | "displayName">;
  onClose(): void;
};

const LABELS = { method: "How were the details confirmed?", verifiedOn: "Confirmed on" };

/** Records that the contact's details were confirmed with the person, how and when. */
export function VerifyModal({ contact, onClose }: VerifyModalProps) {
  const [choice, setChoice] = useState<VerificationChoice>("phone");
  const [other, setOther] = useState("");
  const [verifiedOn, setVerifiedOn] = useState(todayIso);
  const { errors, clear, fromError, check } = useFormErrors(LABELS);
  const verify = useVerifyContact();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const method = verificationMethod(choice, other);
    const ok = check({
      method: method ? undefined : "Describe how the details were confirmed",
      verifiedOn: verifiedOn ? undefined : "Enter the date the details were confirmed",
    });
    if (!ok) return;
    verify.mutate(
      { id: contact.id, verification: { method, verifiedOn } },
      {
        onSuccess: () => {
          notifications.show({
            color: "teal",
            title: "Verified",
            message: `${contact.displayName}'s details are marked as verified.`,
          });
          onClose();
        },
        onError: fromError,
      },
    );
  };

  return (
    <Modal
      opened
      onClose={verify.isPending ? () => {} : onClose}
      title={`Verify the details of ${contact.displayName}`}
      centered
      size="md"
      data-testid="verify-modal"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Record that you confirmed these details with the person. You are recorded as the one who verified them.
          </Text>
          <FormAlert message={errors.general} />
          <Radio.Group
            label={LABELS.method}
            value={choice}
            onChange={(value) => {
              setChoice(value as VerificationChoice);
              clear("method");
            }}
            error={choice === "other" ? undefined : errors.fields.method}
            required
            data-testid="verify-method"
          >
            <Group gap="md" mt={6}>
              {VERIFICATION_METHODS.map((method) => (
                <Radio
                  key={method.value}
                  value={method.value}
                  label={method.label}
                  data-testid={`verify-method-${method.value}`}
                />
              ))}
            </Group>
          </Radio.Group>
          {choice === "other" ? (
            <TextInput
              label="Other method"
              placeholder="e.g. Confirmed by their office manager"
              value={other}
              onChange={(event) => {
                setOther(event.currentTarget.value);
                clear("method");
              }}
              error={errors.fields.method}
              required
              maxLength={200}
              data-autofocus
              data-testid="verify-method-other-text"
            />
          ) : null}
          <TextInput
            type="date"
            label={LABELS.verifiedOn}
            value={verifiedOn}
            max={todayIso()}
            onChange={(event) => {
              setVerifiedOn(event.currentTarget.value);
              clear("verifiedOn");
            }}
            error={errors.fields.verifiedOn}
            required
            w={220}
            data-testid="verify-date"
          />
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose} disabled={verify.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={verify.isPending} data-testid="verify-submit">
              Mark as verified
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
