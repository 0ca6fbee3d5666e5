import { TextInput } from "@mantine/core";

type CodeNameField = "code" | "name";

export type CodeNameFieldsProps = {
  value: Record<CodeNameField, string>;
  labels: Record<CodeNameField, string>;
  errors: Partial<Record<CodeNameField, string>>;
  onChange: (field: CodeNameField, value: string) => void;
  /** A code the description shows as an example, e.g. "UKI". */
  codeExample: string;
  /** Names the test ids `<prefix>-code` and `<prefix>-name`. */
  testIdPrefix: string;
};

/** The short code and the name that regions and territories both carry, under the same rules. */
export function CodeNameFields({ value, labels, errors, onChange, codeExample, testIdPrefix }: CodeNameFieldsProps) {
  return (
    <>
      <TextInput
        label={labels.code}
        description={`2 to 16 letters, digits or dashes, e.g. ${codeExample}`}
        value={value.code}
        onChange={(event) => onChange("code", event.currentTarget.value.toUpperCase())}
        error={errors.code}
        required
        maxLength={16}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        data-testid={`${testIdPrefix}-code`}
      />
      <TextInput
        label={labels.name}
        value={value.name}
        onChange={(event) => onChange("name", event.currentTarget.value)}
        error={errors.name}
        required
        maxLength={120}
        autoComplete="off"
        data-testid={`${testIdPrefix}-name`}
      />
    </>
  );
}
