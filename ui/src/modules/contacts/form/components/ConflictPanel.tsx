import { Alert, Button, Group, List, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconGitMerge } from "@tabler/icons-react";
import type { Ref } from "react";
import { useMemo } from "react";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { findConflict } from "../utils/conflicts";
import { describeField, fieldLabels, type DescribeContext } from "../utils/describe";
import type { ContactFormValues, FormField } from "../utils/formValues";

export type ConflictPanelProps = {
  ref?: Ref<HTMLDivElement>;
  /** The form: the user's side, as it is now. */
  form: ContactFormApi;
  /** Who saved meanwhile, in words ("dana", "dana and priya"), or null when not known. */
  by: string | null;
  base: ContactFormValues;
  latest: ContactFormValues;
  describe: DescribeContext;
  keepTheirs: ReadonlySet<FormField>;
  onChoose: (field: FormField, keep: "mine" | "theirs") => void;
  onReapply: () => void;
  onDiscardMine: () => void;
};

function Change({ field, from, to, describe }: { field: FormField; from: ContactFormValues; to: ContactFormValues; describe: DescribeContext }) {
  return (
    <List.Item>
      <Text span fw={600}>
        {fieldLabels[field]}
      </Text>
      : <Text span c="dimmed" td="line-through">{describeField(field, from, describe)}</Text> →{" "}
      <Text span>{describeField(field, to, describe)}</Text>
    </List.Item>
  );
}

/**
 * Someone saved the contact while the user was editing: what they changed, what the user changed,
 * a choice for each field both changed, and the two ways on. Nothing is lost either way until the
 * user saves again.
 */
export function ConflictPanel({
  ref,
  form,
  by,
  base,
  latest,
  describe,
  keepTheirs,
  onChoose,
  onReapply,
  onDiscardMine,
}: ConflictPanelProps) {
  const mine = useFormValue(form, (v) => v);
  const conflict = useMemo(() => findConflict(base, latest, mine), [base, latest, mine]);
  const who = by ?? "Someone else";
  const onlyTheirs = conflict.theirs.filter((f) => !conflict.both.includes(f));
  const onlyMine = conflict.mine.filter((f) => !conflict.both.includes(f));
  return (
    <Alert
      ref={ref}
      color="yellow"
      variant="light"
      icon={<IconGitMerge size={18} />}
      title={`${who} saved this contact while you were editing`}
      data-testid="conflict-panel"
      tabIndex={-1}
    >
      <Stack gap="sm">
        {conflict.theirs.length > 0 ? (
          <div data-testid="conflict-theirs">
            <Text size="sm" mb={4}>
              {who} saved changes to these fields:
            </Text>
            <List size="sm" spacing={2}>
              {onlyTheirs.map((field) => (
                <Change key={field} field={field} from={base} to={latest} describe={describe} />
              ))}
              {conflict.both.map((field) => (
                <Change key={field} field={field} from={base} to={latest} describe={describe} />
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm">None of the fields on this form changed; only the record's version did.</Text>
        )}
        {conflict.mine.length > 0 ? (
          <div data-testid="conflict-mine">
            <Text size="sm" mb={4}>
              Your changes:
            </Text>
            <List size="sm" spacing={2}>
              {onlyMine.map((field) => (
                <Change key={field} field={field} from={base} to={mine} describe={describe} />
              ))}
              {conflict.both.map((field) => (
                <Change key={field} field={field} from={base} to={mine} describe={describe} />
              ))}
            </List>
          </div>
        ) : null}
        {conflict.both.length > 0 ? (
          <div data-testid="conflict-both">
            <Text size="sm" fw={600} mb={4}>
              You both changed {conflict.both.length === 1 ? "this field" : "these fields"}: choose which value stays.
            </Text>
            <Table verticalSpacing={4} withRowBorders={false}>
              <Table.Tbody>
                {conflict.both.map((field) => (
                  <Table.Tr key={field} data-testid={`conflict-choice-${field}`}>
                    <Table.Td fw={500} style={{ whiteSpace: "nowrap" }}>
                      {fieldLabels[field]}
                    </Table.Td>
                    <Table.Td>
                      <SegmentedControl
                        size="xs"
                        value={keepTheirs.has(field) ? "theirs" : "mine"}
                        onChange={(value) => onChoose(field, value as "mine" | "theirs")}
                        data={[
                          { value: "mine", label: `Mine: ${describeField(field, mine, describe)}` },
                          { value: "theirs", label: `Theirs: ${describeField(field, latest, describe)}` },
                        ]}
                        aria-label={`Which ${fieldLabels[field].toLowerCase()} stays`}
                        styles={{ label: { whiteSpace: "normal", textAlign: "left" } }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ) : null}
        <Text size="sm" c="dimmed">
          Reapplying puts your changes on top of the saved contact and keeps the form open, so you can check it before
          saving again.
        </Text>
        <Group gap="sm">
          <Button onClick={onReapply} data-testid="conflict-reapply" data-autofocus>
            Reapply my changes
          </Button>
          <Button variant="default" color="red" onClick={onDiscardMine} data-testid="conflict-discard">
            Discard mine
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
