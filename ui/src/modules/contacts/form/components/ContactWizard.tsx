import { Alert, Box, Button, Card, Group, Kbd, Stack, Stepper, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconCheck } from "@tabler/icons-react";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { formatIpcError } from "../../../../ipc/formatIpcError";
import { isIpcError } from "../../../../ipc/client";
import type { CreatedContact, FieldProblem } from "../../../../ipc/bindings";
import { useContactForm } from "../hooks/useContactForm";
import { useCreateContact } from "../hooks/useCreateContact";
import { useDraftAutosave } from "../hooks/useDraftAutosave";
import { FieldFeedbackContext, type FieldFeedback } from "../hooks/useFieldFeedback";
import { useFocusFirstField } from "../hooks/useFocusFirstField";
import { useLiveCheck } from "../hooks/useLiveCheck";
import { useOwnerOptions } from "../hooks/useOwnerOptions";
import { useShortcutKeys } from "../hooks/useShortcutKeys";
import { checkContact, discardContactDraft } from "../ipc";
import { pathLabel, type DescribeContext } from "../utils/describe";
import { forgetOwnDraft } from "../utils/draftSession";
import { displayNameOf, toInput, type ContactFormValues } from "../utils/formValues";
import { problemText } from "../utils/problemText";
import { siteName } from "../utils/siteCache";
import { stepDescriptions, stepIndex, stepOfField, stepTitles, WIZARD_STEPS, type WizardStep } from "../utils/steps";
import { BasicSection } from "./BasicSection";
import { CancelWizardModal } from "./CancelWizardModal";
import classes from "./ContactForm.module.css";
import { CreatedPanel } from "./CreatedPanel";
import { DraftStatusText } from "./DraftStatusText";
import { DuplicateNotice } from "./DuplicateCandidates";
import { PreferencesSection } from "./PreferencesSection";
import { ReviewStep } from "./ReviewStep";
import { SitesSection } from "./SitesSection";
import { TypeSection } from "./TypeSection";

export type ContactWizardProps = {
  initial: ContactFormValues;
  initialStep: number;
  smsEnabled: boolean;
  /** A fresh form for "Add another" (the owner defaults to the signed-in user). */
  fresh: () => ContactFormValues;
};

const LAST = WIZARD_STEPS.length - 1;

/** The five steps of a new contact; see the seed's "Adding New Contacts". */
export function ContactWizard({ initial, initialStep, smsEnabled, fresh }: ContactWizardProps) {
  const navigate = useNavigate();
  const [step, setStep] = useState(() => Math.min(Math.max(initialStep, 0), LAST));
  const [reached, setReached] = useState(step);
  const [validating, setValidating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ contact: CreatedContact; values: ContactFormValues } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const form = useContactForm(initial, smsEnabled);
  const { store } = form.api;
  const live = useLiveCheck(form.api, null, created === null);
  const create = useCreateContact();
  const autosave = useDraftAutosave(form.api, step, created === null);
  const owners = useOwnerOptions();
  const content = useRef<HTMLDivElement>(null);
  useFocusFirstField(content, created ? "created" : step);

  const current: WizardStep = WIZARD_STEPS[step];
  const describe = useMemo<DescribeContext>(
    () => ({
      siteName,
      ownerName: (username) => owners.data?.find((o) => o.username === username)?.displayName ?? username,
    }),
    [owners.data],
  );
  // The same warnings in a new answer keep their identity, so the fields do not all re-render.
  const warningsJson = JSON.stringify(live.data?.warnings ?? []);
  const warnings = useMemo(() => JSON.parse(warningsJson) as FieldProblem[], [warningsJson]);
  const feedback = useMemo<FieldFeedback>(
    () => ({ problems: form.problems, warnings, conflicted: new Set() }),
    [form.problems, warnings],
  );
  const stepsWithProblems = new Set(form.problems.map((p) => stepOfField(p.field)));

  const goTo = (next: number) => {
    setFailure(null);
    setStep(next);
    setReached((r) => Math.max(r, next));
  };

  const focusProblem = (problem: FieldProblem) => {
    window.setTimeout(() => {
      const root = content.current;
      const el =
        root?.querySelector<HTMLElement>(`[data-testid="field-${problem.field}"]`) ??
        root?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        root?.querySelector<HTMLElement>('[role="alert"]');
      el?.scrollIntoView({ block: "center" });
      if (el && typeof el.focus === "function") el.focus();
    }, 0);
  };

  /** Asks the core about the form; keeps the problems of this step and earlier ones; true when this step has none. */
  const validate = async (upTo: number): Promise<boolean> => {
    setValidating(true);
    setFailure(null);
    try {
      const verdict = await checkContact(toInput(store.get().values), null);
      const shown = verdict.problems.filter((p) => stepIndex(stepOfField(p.field)) <= upTo);
      form.setVerdict({ problems: shown });
      const blocking = shown.filter((p) => stepIndex(stepOfField(p.field)) === upTo);
      const earlier = shown.find((p) => stepIndex(stepOfField(p.field)) < upTo);
      if (earlier) {
        goTo(stepIndex(stepOfField(earlier.field)));
        return false;
      }
      if (blocking.length) focusProblem(blocking[0]);
      return blocking.length === 0;
    } catch (error) {
      setFailure(formatIpcError(error).message);
      return false;
    } finally {
      setValidating(false);
    }
  };

  const next = async () => {
    if (validating || create.isPending) return;
    if (step === LAST) {
      submitCreate();
      return;
    }
    if (await validate(step)) goTo(step + 1);
  };

  const back = () => {
    if (step > 0 && !create.isPending) goTo(step - 1);
  };

  const jump = async (target: number) => {
    if (target === step || validating) return;
    if (target < step) return goTo(target);
    if (target <= reached && (await validate(step))) goTo(target);
  };

  const submitCreate = () => {
    setFailure(null);
    const values = store.get().values;
    create.mutate(toInput(values), {
      onSuccess: (result) => {
        autosave.stop();
        forgetOwnDraft();
        setCreated({ contact: result, values });
      },
      onError: (error) => {
        if (isIpcError(error) && error.code === "invalid_input" && error.fields.length) {
          form.setVerdict({ problems: error.fields });
          void live.refetch();
          const first = error.fields.map((p) => stepIndex(stepOfField(p.field))).sort((a, b) => a - b)[0];
          setFailure("The contact was not created: fix the problems listed below.");
          if (first !== undefined && first < LAST) goTo(first);
        } else {
          setFailure(formatIpcError(error).message);
        }
      },
    });
  };

  const addAnother = () => {
    form.reset(fresh());
    create.reset();
    setCreated(null);
    setStep(0);
    setReached(0);
    autosave.restart();
  };

  const discard = async () => {
    setDiscarding(true);
    autosave.stop();
    try {
      await discardContactDraft();
      forgetOwnDraft();
      navigate("/contacts");
    } catch (error) {
      autosave.restart();
      setFailure(formatIpcError(error).message);
      setCancelling(false);
    } finally {
      setDiscarding(false);
    }
  };

  useShortcutKeys([
    { key: "ArrowRight", alt: true, run: () => void next() },
    { key: "ArrowLeft", alt: true, run: back },
    { key: "Enter", mod: true, run: () => void next() },
  ]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Enter moves on, except on the review: creating takes the button (or Ctrl+Enter).
    if (step < LAST) void next();
  };

  if (created) {
    return (
      <Box ref={content}>
        <CreatedPanel
          created={created.contact}
          name={displayNameOf(created.values)}
          warningText={(field, message) => problemText(pathLabel(field, created.values, describe), message)}
          onAddAnother={addAnother}
        />
      </Box>
    );
  }

  const duplicates = live.data?.duplicates ?? [];

  return (
    <FieldFeedbackContext.Provider value={feedback}>
      <form onSubmit={onSubmit} noValidate data-testid="contact-wizard" data-step={current}>
        <Stack gap="md">
          <Stepper
            active={step}
            onStepClick={(i) => void jump(i)}
            size="sm"
            allowNextStepsSelect={false}
            data-testid="wizard-stepper"
          >
            {WIZARD_STEPS.map((s, i) => (
              <Stepper.Step
                key={s}
                label={stepTitles[s]}
                aria-label={`${stepTitles[s]}: ${stepDescriptions[s]}`}
                allowStepSelect={i <= reached && i !== step}
                color={stepsWithProblems.has(s) && i <= reached ? "red" : undefined}
                data-testid={`wizard-step-${s}`}
              />
            ))}
          </Stepper>

          <Card padding="lg">
            <Stack gap="md">
              <Group justify="space-between" align="baseline" wrap="wrap">
                <Title order={2} size="h3" data-testid="wizard-step-title">
                  {step + 1}. {stepTitles[current]}
                </Title>
                <DraftStatusText status={autosave.status} />
              </Group>
              {current !== "type" ? <DuplicateNotice duplicates={duplicates} onReview={current === "review"} /> : null}
              <Box ref={content} data-testid={`wizard-content-${current}`}>
                {current === "type" ? <TypeSection form={form.api} /> : null}
                {current === "basic" ? <BasicSection form={form.api} layout="slots" lastNameRequired /> : null}
                {current === "preferences" ? <PreferencesSection form={form.api} /> : null}
                {current === "sites" ? <SitesSection form={form.api} /> : null}
                {current === "review" ? (
                  <ReviewStep
                    form={form.api}
                    check={live.data}
                    checking={live.isFetching}
                    describe={describe}
                    onEditStep={(s) => goTo(stepIndex(s))}
                  />
                ) : null}
              </Box>
            </Stack>
          </Card>

          {failure ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="wizard-failure">
              {failure}
            </Alert>
          ) : null}

          <Group justify="space-between" className={classes.wizardNav} wrap="wrap" gap="sm">
            <Button variant="subtle" color="gray" onClick={() => setCancelling(true)} data-testid="wizard-cancel">
              Cancel
            </Button>
            <Group gap="sm" wrap="wrap">
              <Text size="xs" c="dimmed" visibleFrom="md">
                <Kbd size="xs">Alt</Kbd> + <Kbd size="xs">←</Kbd> / <Kbd size="xs">→</Kbd> back and next
                {step === LAST ? (
                  <>
                    , <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> create
                  </>
                ) : null}
              </Text>
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} />}
                onClick={back}
                disabled={step === 0 || create.isPending}
                data-testid="wizard-back"
              >
                Back
              </Button>
              {step < LAST ? (
                <Button type="submit" rightSection={<IconArrowRight size={16} />} loading={validating} data-testid="wizard-next">
                  Next
                </Button>
              ) : (
                <Button
                  type="button"
                  color="teal"
                  leftSection={<IconCheck size={16} />}
                  onClick={() => void next()}
                  loading={create.isPending}
                  data-testid="wizard-create"
                >
                  Create contact
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
      <CancelWizardModal
        opened={cancelling}
        discarding={discarding}
        onKeepEditing={() => setCancelling(false)}
        onKeepDraft={() => navigate("/contacts")}
        onDiscard={() => void discard()}
      />
    </FieldFeedbackContext.Provider>
  );
}

