import { Alert, Badge, Button, Card, Group, Kbd, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconDeviceFloppy } from "@tabler/icons-react";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { useBlocker, useNavigate } from "react-router";
import type { ContactChannel, ContactDetail, FieldProblem, Justification } from "../../../../ipc/bindings";
import { isIpcError } from "../../../../ipc/client";
import { contactHistory, getContact } from "../../../../ipc/contacts";
import { formatIpcError } from "../../../../ipc/formatIpcError";
import { ConfirmModal } from "../../../admin/components/ConfirmModal";
import { JustificationModal } from "../../components/JustificationModal";
import { formatDateTime } from "../../utils/formatDateTime";
import { useContactForm, useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { FieldFeedbackContext, type FieldFeedback } from "../hooks/useFieldFeedback";
import { useLiveCheck } from "../hooks/useLiveCheck";
import { useOwnerOptions } from "../hooks/useOwnerOptions";
import { useShortcutKeys } from "../hooks/useShortcutKeys";
import { useUpdateContact } from "../hooks/useUpdateContact";
import { changedFields } from "../utils/compare";
import { findConflict, reapply } from "../utils/conflicts";
import { fieldLabels, pathLabel, type DescribeContext } from "../utils/describe";
import { toInput, valuesOfDetail, type ContactFormValues, type FormField } from "../utils/formValues";
import { problemText } from "../utils/problemText";
import { rememberContactSites, siteName } from "../utils/siteCache";
import { FIELD_GROUPS, rootField } from "../utils/steps";
import { AdditionalFields } from "./AdditionalFields";
import { ApprovalFields } from "./ApprovalFields";
import { BasicSection } from "./BasicSection";
import { ConflictPanel } from "./ConflictPanel";
import classes from "./ContactForm.module.css";
import { PreferencesSection } from "./PreferencesSection";
import { SitesSection } from "./SitesSection";
import { TypeSection } from "./TypeSection";

/** The fields whose change needs a justification (the core's `SIGNIFICANT_FIELDS`), for the hint only. */
const SIGNIFICANT: ReadonlySet<FormField> = new Set(["contactType", "contactTypeOther", "authorityLevel", "authorityScope", "approvalLimit", "sites"]);

/** Top-level fields each section of the page shows, to say where a problem is. */
const SECTION_FIELDS: Record<string, FormField[]> = FIELD_GROUPS;
const ON_PAGE = new Set<string>(Object.values(SECTION_FIELDS).flat());

type ConflictState = {
  latest: ContactDetail;
  latestValues: ContactFormValues;
  /** User names of who saved meanwhile. */
  by: string[];
  keepTheirs: Set<FormField>;
};

function Section({ title, hint, children, testId }: { title: string; hint?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card component="section" aria-label={title} data-testid={testId} padding="lg">
      <Group justify="space-between" align="baseline" mb="md" wrap="wrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {hint ? (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Group>
      {children}
    </Card>
  );
}

function storedUnticked(detail: ContactDetail): Set<ContactChannel> {
  return new Set(detail.channelPreferences.filter((p) => !p.notify && !p.consent).map((p) => p.channel));
}

/** The users who saved the contact after `since`, from its history; empty when not known. */
async function savedBy(id: string, since: string): Promise<string[]> {
  try {
    const history = await contactHistory(id);
    const after = new Date(since).getTime();
    return [...new Set(history.filter((c) => new Date(c.at).getTime() > after).map((c) => c.username))];
  } catch {
    return [];
  }
}

/** "Priya Raman", "Priya Raman and Tom Becker"; null for nobody known. */
function namesInWords(usernames: string[], nameOf: (username: string) => string): string | null {
  const names = usernames.map(nameOf);
  if (names.length === 0) return null;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export type ContactEditorProps = { detail: ContactDetail; smsEnabled: boolean };

/**
 * The edit screen: the wizard's sections on one page with a save bar. The contact as loaded is the
 * base of the edit and its version is what the save names; a save refused because someone saved
 * first shows both sets of changes and lets the user reapply theirs on top.
 */
export function ContactEditor({ detail, smsEnabled }: ContactEditorProps) {
  const navigate = useNavigate();
  const [base, setBase] = useState(() => {
    rememberContactSites(detail.sites);
    return detail;
  });
  const baseValues = useMemo(() => valuesOfDetail(base), [base]);
  const primarySites = useMemo(() => new Set(base.sites.filter((s) => s.isPrimary).map((s) => s.siteId)), [base]);
  const form = useContactForm(baseValues, smsEnabled, storedUnticked(detail));
  const { store } = form.api;
  const live = useLiveCheck(form.api, detail.id);
  const update = useUpdateContact();
  const owners = useOwnerOptions();
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  /** Fields both sides changed, highlighted after reapplying until the next save. */
  const [contested, setContested] = useState<ReadonlySet<string>>(new Set());
  const [justifying, setJustifying] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const leaving = useRef(false);
  const conflictRef = useRef<HTMLDivElement>(null);

  const isDirty = () => changedFields(baseValues, store.get().values).length > 0;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !leaving.current && currentLocation.pathname !== nextLocation.pathname && isDirty(),
  );

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
  const bothChanged = useMemo(
    () => (conflict ? new Set(findConflict(baseValues, conflict.latestValues, store.get().values).both) : null),
    [conflict, baseValues, store],
  );
  const feedback = useMemo<FieldFeedback>(
    () => ({ problems: form.problems, warnings, conflicted: bothChanged ?? contested }),
    [form.problems, warnings, bothChanged, contested],
  );
  const offPage = form.problems.filter((p) => !ON_PAGE.has(rootField(p.field)) || p.field === "sites");
  const offPageText = offPage.map((p) => problemText(pathLabel(p.field, store.get().values, describe), p.message)).join(" ");

  const scrollToProblem = (problems: FieldProblem[]) => {
    window.setTimeout(() => {
      const first = problems[0];
      if (!first) return;
      const el =
        document.querySelector<HTMLElement>(`[data-testid="field-${first.field}"]`) ??
        document.querySelector<HTMLElement>('[aria-invalid="true"]');
      el?.scrollIntoView({ block: "center" });
      el?.focus();
    }, 0);
  };

  const openConflict = async () => {
    setLoadingLatest(true);
    try {
      const latest = await getContact(detail.id);
      rememberContactSites(latest.sites);
      const by = await savedBy(detail.id, base.updatedAt);
      setConflict({ latest, latestValues: valuesOfDetail(latest), by, keepTheirs: new Set() });
      window.setTimeout(() => {
        conflictRef.current?.scrollIntoView({ block: "start" });
        conflictRef.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
      }, 0);
    } catch (error) {
      setFailure(formatIpcError(error).message);
    } finally {
      setLoadingLatest(false);
    }
  };

  const save = (justification: Justification | null) => {
    if (update.isPending || conflict || !isDirty()) return;
    setFailure(null);
    update.mutate(
      { id: detail.id, version: base.version, input: toInput(store.get().values), justification },
      {
        onSuccess: (saved) => {
          leaving.current = true;
          setJustifying(null);
          notifications.show({
            color: "teal",
            title: "Contact saved",
            message: `The changes to ${saved.displayName} are saved.`,
          });
          navigate(`/contacts/${saved.id}`);
        },
        onError: (error) => {
          if (!isIpcError(error)) {
            setFailure(formatIpcError(error).message);
            return;
          }
          switch (error.code) {
            case "justification_required":
              setJustifying(error.fields.map((f) => f.field));
              return;
            case "conflict":
              setJustifying(null);
              void openConflict();
              return;
            case "invalid_input": {
              const forJustification = error.fields.every((f) => f.field.startsWith("justification."));
              if (justification && forJustification) return; // shown in the dialog
              setJustifying(null);
              form.setVerdict({ problems: error.fields });
              setFailure("The changes were not saved: correct the fields marked below.");
              scrollToProblem(error.fields);
              return;
            }
            default:
              setJustifying(null);
              setFailure(formatIpcError(error).message);
          }
        },
      },
    );
  };

  const reapplyMine = () => {
    if (!conflict) return;
    const mine = store.get().values;
    const found = findConflict(baseValues, conflict.latestValues, mine);
    const next = reapply(conflict.latestValues, mine, found.mine, conflict.keepTheirs);
    setBase(conflict.latest);
    form.reset(next);
    setContested(new Set(found.both));
    setConflict(null);
    notifications.show({
      color: "blue",
      title: "Your changes are reapplied",
      message: "They are now on top of the latest saved contact. Check the form and save again.",
    });
  };

  const discardMine = () => {
    if (!conflict) return;
    setBase(conflict.latest);
    form.reset(conflict.latestValues);
    setContested(new Set());
    setConflict(null);
  };

  const choose = (field: FormField, keep: "mine" | "theirs") => {
    setConflict((current) => {
      if (!current) return current;
      const keepTheirs = new Set(current.keepTheirs);
      if (keep === "theirs") keepTheirs.add(field);
      else keepTheirs.delete(field);
      return { ...current, keepTheirs };
    });
  };

  useShortcutKeys([{ key: "s", mod: true, run: () => save(null) }]);

  const sectionHint = "Changes here need a justification and the customer's approval.";

  return (
    <FieldFeedbackContext.Provider value={feedback}>
      <Stack gap="md" data-testid="contact-editor" data-version={base.version}>
        <div>
          <Title order={1} size="h2" style={{ overflowWrap: "anywhere" }} data-testid="editor-title">
            Edit {detail.displayName}
          </Title>
          <Text size="sm" c="dimmed">
            <Text span ff="monospace">
              {detail.reference}
            </Text>{" "}
            · last saved {formatDateTime(base.updatedAt)}
          </Text>
        </div>

        {conflict ? (
          <ConflictPanel
            ref={conflictRef}
            form={form.api}
            by={namesInWords(conflict.by, describe.ownerName)}
            base={baseValues}
            latest={conflict.latestValues}
            describe={describe}
            keepTheirs={conflict.keepTheirs}
            onChoose={choose}
            onReapply={reapplyMine}
            onDiscardMine={discardMine}
          />
        ) : null}

        <Section title="Contact type" hint={sectionHint} testId="edit-section-type">
          <TypeSection form={form.api} compact />
        </Section>
        <Section title="Basic information" testId="edit-section-basic">
          <BasicSection form={form.api} layout="lists" lastNameRequired={base.lastName.trim() !== ""} />
        </Section>
        <Section title="More details" testId="edit-section-more">
          <AdditionalFields form={form.api} />
        </Section>
        <Section title="Preferences" testId="edit-section-preferences">
          <PreferencesSection form={form.api} />
        </Section>
        <Section title="Sites and roles" hint={sectionHint} testId="edit-section-sites">
          <SitesSection form={form.api} primarySites={primarySites} />
        </Section>
        <Section title="Customer approval" testId="edit-section-approval">
          <ApprovalFields form={form.api} />
        </Section>

        <EditorSaveBar
          form={form.api}
          baseValues={baseValues}
          conflictOpen={conflict !== null}
          saving={update.isPending || loadingLatest}
          failure={failure ? `${failure}${offPageText ? ` ${offPageText}` : ""}` : null}
          onSave={() => save(null)}
          onCancel={() => navigate(`/contacts/${detail.id}`)}
        />
      </Stack>

      <JustificationModal
        opened={justifying !== null}
        fields={justifying ?? []}
        submitting={update.isPending}
        error={update.error}
        onCancel={() => setJustifying(null)}
        onSubmit={(justification) => save(justification)}
      />
      {blocker.state === "blocked" ? (
        <ConfirmModal
          title="Discard your changes?"
          confirmLabel="Discard changes"
          pending={false}
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
          testId="discard-changes-modal"
        >
          <Text size="sm">The changes made since the contact was opened are lost if you leave now.</Text>
        </ConfirmModal>
      ) : null}
    </FieldFeedbackContext.Provider>
  );
}

type EditorSaveBarProps = {
  form: ContactFormApi;
  baseValues: ContactFormValues;
  conflictOpen: boolean;
  saving: boolean;
  failure: string | null;
  onSave: () => void;
  onCancel: () => void;
};

/** What has changed and the way to save it, always in reach at the bottom of the window. */
function EditorSaveBar({ form, baseValues, conflictOpen, saving, failure, onSave, onCancel }: EditorSaveBarProps) {
  const values = useFormValue(form, (v) => v);
  const dirty = useMemo(() => changedFields(baseValues, values), [baseValues, values]);
  const significant = dirty.some((f) => SIGNIFICANT.has(f));
  return (
    <Stack gap="xs" className={classes.saveBar} data-testid="save-bar">
      {failure ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="save-failure" py={6}>
          {failure}
        </Alert>
      ) : null}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs" wrap="wrap" data-testid="dirty-summary">
          {conflictOpen ? (
            <Text size="sm" c="dimmed">
              Choose how to go on above before saving.
            </Text>
          ) : dirty.length === 0 ? (
            <Text size="sm" c="dimmed">
              No changes yet
            </Text>
          ) : (
            <>
              <Text size="sm" fw={500}>
                {dirty.length === 1 ? "1 field changed:" : `${dirty.length} fields changed:`}
              </Text>
              {dirty.slice(0, 6).map((f) => (
                <Badge key={f} variant="light" color={SIGNIFICANT.has(f) ? "orange" : "gray"} tt="none" fw={500}>
                  {fieldLabels[f]}
                </Badge>
              ))}
              {dirty.length > 6 ? (
                <Text size="sm" c="dimmed">
                  and {dirty.length - 6} more
                </Text>
              ) : null}
            </>
          )}
        </Group>
        <Group gap="sm">
          <Text size="xs" c="dimmed" visibleFrom="md">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">S</Kbd> saves
          </Text>
          <Button variant="default" onClick={onCancel} data-testid="edit-cancel">
            Cancel
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            onClick={onSave}
            disabled={dirty.length === 0 || conflictOpen}
            loading={saving}
            data-testid="edit-save"
            title={significant ? "You will be asked for the justification and the approval." : undefined}
          >
            Save changes
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
