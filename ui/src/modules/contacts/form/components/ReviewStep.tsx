import { Alert, Anchor, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconPencil } from "@tabler/icons-react";
import type { ContactCheck, FieldProblem } from "../../../../ipc/bindings";
import { FieldList } from "../../components/FieldList";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { describeField, fieldLabels, NOTHING, pathLabel, type DescribeContext } from "../utils/describe";
import type { ContactFormValues, FormField } from "../utils/formValues";
import { problemText } from "../utils/problemText";
import { stepOfField, stepTitles, type WizardStep } from "../utils/steps";
import { ApprovalFields } from "./ApprovalFields";
import { DuplicateList } from "./DuplicateCandidates";
import { FormGroup } from "./FormGroup";

const SUMMARY: { step: Exclude<WizardStep, "review">; fields: FormField[] }[] = [
  { step: "type", fields: ["contactType", "contactTypeOther"] },
  {
    step: "basic",
    fields: [
      "salutation",
      "firstName",
      "middleName",
      "lastName",
      "preferredName",
      "suffix",
      "jobTitle",
      "department",
      "authorityLevel",
      "authorityScope",
      "approvalLimit",
      "employeeId",
      "phones",
      "emails",
      "addresses",
      "lifecycleStage",
      "priority",
      "owner",
      "tags",
    ],
  },
  {
    step: "preferences",
    fields: ["preferredMethod", "preferredTimes", "timeZone", "language", "channelPreferences", "specialInstructions", "notes"],
  },
  { step: "sites", fields: ["sites"] },
];

/** The basic information is the longest: it has a column of its own. */
const COLUMNS: WizardStep[][] = [
  ["type", "preferences", "sites"],
  ["basic"],
];

type SummaryCardProps = {
  step: Exclude<WizardStep, "review">;
  fields: FormField[];
  values: ContactFormValues;
  describe: DescribeContext;
  onEditStep: (step: WizardStep) => void;
};

function SummaryCard({ step, fields, values, describe, onEditStep }: SummaryCardProps) {
  const shown = fields
    .filter((f) => f !== "contactTypeOther" || values.contactType === "other")
    .map((f) => ({ label: fieldLabels[f], value: describeField(f, values, describe) }))
    .filter((item) => item.value !== NOTHING || item.label === fieldLabels.lastName);
  return (
    <Card data-testid={`review-${step}`} padding="sm">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {stepTitles[step]}
        </Title>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPencil size={14} />}
          onClick={() => onEditStep(step)}
          aria-label={`Edit ${stepTitles[step].toLowerCase()}`}
          data-testid={`review-edit-${step}`}
        >
          Edit
        </Button>
      </Group>
      {shown.length ? (
        <FieldList items={shown.map((item) => ({ ...item, value: item.value === NOTHING ? null : item.value }))} />
      ) : (
        <Text size="sm" c="dimmed">
          Nothing entered.
        </Text>
      )}
    </Card>
  );
}

export type ReviewStepProps = {
  form: ContactFormApi;
  check: ContactCheck | undefined;
  checking: boolean;
  describe: DescribeContext;
  onEditStep: (step: WizardStep) => void;
};

function ProblemItem({
  problem,
  values,
  describe,
  onEditStep,
}: {
  problem: FieldProblem;
  values: ContactFormValues;
  describe: DescribeContext;
  onEditStep: (step: WizardStep) => void;
}) {
  const step = stepOfField(problem.field);
  return (
    <List.Item>
      {problemText(pathLabel(problem.field, values, describe), problem.message)}
      {step !== "review" ? (
        <>
          {" "}
          <Anchor component="button" type="button" size="sm" onClick={() => onEditStep(step)}>
            Go to {stepTitles[step].toLowerCase()}
          </Anchor>
        </>
      ) : null}
    </List.Item>
  );
}

/** Everything entered, by step with a way back to each; the core's verdict; possible duplicates; the approval. */
export function ReviewStep({ form, check, checking, describe, onEditStep }: ReviewStepProps) {
  const values = useFormValue(form, (v) => v);
  const problems = check?.problems ?? [];
  const warnings = check?.warnings ?? [];
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {COLUMNS.map((steps) => (
          <Stack key={steps.join()} gap="md">
            {SUMMARY.filter((s) => steps.includes(s.step)).map(({ step, fields }) => (
              <SummaryCard key={step} step={step} fields={fields} values={values} describe={describe} onEditStep={onEditStep} />
            ))}
          </Stack>
        ))}
      </SimpleGrid>

      <FormGroup legend="Validation" testId="review-validation">
        {checking && !check ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Checking…</Text>
          </Group>
        ) : problems.length > 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} title="Fix these before creating" data-testid="review-problems">
            <List size="sm" spacing={4}>
              {problems.map((p) => (
                <ProblemItem key={`${p.field}:${p.message}`} problem={p} values={values} describe={describe} onEditStep={onEditStep} />
              ))}
            </List>
          </Alert>
        ) : (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={16} />} data-testid="review-ok">
            Every field passes the checks{warnings.length ? "; the notes below are kept as data-quality findings." : "."}
          </Alert>
        )}
        {warnings.length > 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} mt="xs" title="Worth a second look" data-testid="review-warnings">
            <List size="sm" spacing={4}>
              {warnings.map((p) => (
                <ProblemItem key={`${p.field}:${p.message}`} problem={p} values={values} describe={describe} onEditStep={onEditStep} />
              ))}
            </List>
          </Alert>
        ) : null}
      </FormGroup>

      <FormGroup legend="Possible duplicates" testId="review-duplicates">
        <DuplicateList duplicates={check?.duplicates ?? []} />
      </FormGroup>

      <FormGroup legend="Customer approval" hint="Record who at the customer approved adding this contact." testId="review-approval">
        <ApprovalFields form={form} />
      </FormGroup>
    </Stack>
  );
}
