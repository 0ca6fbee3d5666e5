import { Group, Select, Stack, Text, Textarea, TextInput, type ComboboxData } from "@mantine/core";
import { useMemo, useState } from "react";
import type { ContactType, LifecycleStage, SiteOption, SiteRole } from "../../../ipc/bindings";
import { formatIpcError } from "../../../ipc/formatIpcError";
import { contactTypeLabels, lifecycleStageLabels, siteRoleLabels } from "../utils/labels";
import { BULK_FIELD_LABELS, type BulkField, type BulkFormValues } from "./bulkActions";
import type { BulkKind } from "./bulkFlow";
import { useOwners } from "./useOwners";
import { useSiteSearch } from "./useSiteSearch";

export type BulkActionFormProps = {
  kind: BulkKind;
  values: BulkFormValues;
  onChange: (change: Partial<BulkFormValues>, field: BulkField) => void;
  errors: Partial<Record<BulkField, string>>;
};

const typeOptions: ComboboxData = (Object.keys(contactTypeLabels) as ContactType[]).map((value) => ({
  value,
  label: contactTypeLabels[value],
}));
const stageOptions: ComboboxData = (Object.keys(lifecycleStageLabels) as LifecycleStage[]).map((value) => ({
  value,
  label: lifecycleStageLabels[value],
}));
const roleOptions: ComboboxData = (Object.keys(siteRoleLabels) as SiteRole[]).map((value) => ({
  value,
  label: siteRoleLabels[value],
}));

/** The one or two fields an action needs. */
export function BulkActionForm({ kind, values, onChange, errors }: BulkActionFormProps) {
  switch (kind) {
    case "addTag":
    case "removeTag":
      return (
        <TextInput
          label={BULK_FIELD_LABELS.tag}
          description={kind === "addTag" ? "Contacts that have it already are left as they are." : "Contacts without it are left as they are."}
          placeholder="e.g. Newsletter 2025"
          value={values.tag}
          onChange={(event) => onChange({ tag: event.currentTarget.value }, "tag")}
          error={errors.tag}
          required
          maxLength={60}
          autoComplete="off"
          data-autofocus
          data-testid="bulk-tag"
        />
      );
    case "setType":
      return (
        <Stack gap="sm">
          <Select
            label={BULK_FIELD_LABELS.contactType}
            description="A change of type is significant: you will record who approved it."
            placeholder="Choose a type"
            data={typeOptions}
            value={values.contactType}
            onChange={(value) => onChange({ contactType: value as ContactType | null }, "contactType")}
            error={errors.contactType}
            required
            data-autofocus
            data-testid="bulk-type"
          />
          {values.contactType === "other" ? (
            <TextInput
              label={BULK_FIELD_LABELS.contactTypeOther}
              placeholder="e.g. Security"
              value={values.contactTypeOther}
              onChange={(event) => onChange({ contactTypeOther: event.currentTarget.value }, "contactTypeOther")}
              error={errors.contactTypeOther}
              required
              data-testid="bulk-type-other"
            />
          ) : null}
        </Stack>
      );
    case "setStage":
      return (
        <Select
          label={BULK_FIELD_LABELS.stage}
          description="Each contact's stage history keeps the change."
          placeholder="Choose a stage"
          data={stageOptions}
          value={values.stage}
          onChange={(value) => onChange({ stage: value as LifecycleStage | null }, "stage")}
          error={errors.stage}
          required
          data-autofocus
          data-testid="bulk-stage"
        />
      );
    case "setOwner":
      return <OwnerField values={values} onChange={onChange} error={errors.owner} />;
    case "assignSite":
      return <SiteFields values={values} onChange={onChange} errors={errors} />;
    case "deactivate":
      return (
        <Textarea
          label={BULK_FIELD_LABELS.reason}
          description="Kept with each contact. Deactivated contacts leave active and communication lists and lose primary roles; their history stays."
          placeholder="e.g. Left the company"
          value={values.reason}
          onChange={(event) => onChange({ reason: event.currentTarget.value }, "reason")}
          error={errors.reason}
          required
          autosize
          minRows={2}
          maxRows={6}
          data-autofocus
          data-testid="bulk-reason"
        />
      );
  }
}

const NOBODY = "\u0000nobody";

type OwnerFieldProps = {
  values: BulkFormValues;
  onChange: BulkActionFormProps["onChange"];
  error: string | undefined;
};

function OwnerField({ values, onChange, error }: OwnerFieldProps) {
  const owners = useOwners();
  const data = useMemo<ComboboxData>(
    () => [
      { value: NOBODY, label: "Nobody (no owner)" },
      ...(owners.data ?? []).map((owner) => ({ value: owner.username, label: `${owner.displayName} (${owner.username})` })),
    ],
    [owners.data],
  );
  let value: string | null = null;
  if (values.owner === "") value = NOBODY;
  else if (values.owner) value = values.owner.username;
  return (
    <Select
      label={BULK_FIELD_LABELS.owner}
      description="The user responsible for these contacts."
      placeholder={owners.isPending ? "Loading users…" : "Choose a user"}
      data={data}
      value={value}
      onChange={(chosen) => {
        const owner = chosen === NOBODY ? "" : (owners.data?.find((o) => o.username === chosen) ?? null);
        onChange({ owner }, "owner");
      }}
      error={error ?? (owners.isError ? formatIpcError(owners.error).message : undefined)}
      searchable
      nothingFoundMessage="No user with that name"
      required
      data-autofocus
      data-testid="bulk-owner"
    />
  );
}

function siteLabel(site: SiteOption): string {
  return `${site.siteName} · ${site.accountName}`;
}

type SiteFieldsProps = {
  values: BulkFormValues;
  onChange: BulkActionFormProps["onChange"];
  errors: Partial<Record<BulkField, string>>;
};

function SiteFields({ values, onChange, errors }: SiteFieldsProps) {
  const [search, setSearch] = useState(values.site ? siteLabel(values.site) : "");
  // Picking an option writes its label into the box; that label is not a search.
  const typed = values.site && search === siteLabel(values.site) ? "" : search;
  const sites = useSiteSearch(typed);
  const options = useMemo(() => {
    const found = sites.data ?? [];
    const chosen = values.site;
    return chosen && !found.some((s) => s.siteId === chosen.siteId) ? [chosen, ...found] : found;
  }, [sites.data, values.site]);
  const data = useMemo<ComboboxData>(
    () =>
      options.map((site) => ({
        value: site.siteId,
        label: siteLabel(site),
        disabled: !site.inScope,
      })),
    [options],
  );
  const byId = useMemo(() => new Map(options.map((site) => [site.siteId, site])), [options]);
  return (
    <Stack gap="sm">
      <Select
        label={BULK_FIELD_LABELS.siteId}
        description="Search by site, account, territory or city. Sites outside your territories cannot be chosen."
        placeholder="Start typing…"
        data={data}
        value={values.site?.siteId ?? null}
        onChange={(id) => onChange({ site: id ? (byId.get(id) ?? null) : null }, "siteId")}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        // The core already searched: show what it found.
        filter={({ options: all }) => all}
        nothingFoundMessage={sites.isFetching ? "Searching…" : "No site matches"}
        renderOption={({ option }) => {
          const site = byId.get(option.value);
          return site ? (
            <Stack gap={0}>
              <Text size="sm">{siteLabel(site)}</Text>
              <Text size="xs" c="dimmed">
                {site.city} · {site.territory}, {site.region}
                {site.inScope ? "" : " · outside your territories"}
              </Text>
            </Stack>
          ) : (
            option.label
          );
        }}
        error={errors.siteId ?? (sites.isError ? formatIpcError(sites.error).message : undefined)}
        required
        data-autofocus
        data-testid="bulk-site"
      />
      {values.site ? (
        <Group gap={4}>
          <Text size="xs" c="dimmed" data-testid="bulk-site-territory">
            Territory: {values.site.territory} ({values.site.region})
          </Text>
        </Group>
      ) : null}
      <Select
        label={BULK_FIELD_LABELS.role}
        placeholder="Choose a role"
        data={roleOptions}
        value={values.role}
        onChange={(value) => onChange({ role: value as SiteRole | null }, "role")}
        error={errors.role}
        required
        data-testid="bulk-role"
      />
    </Stack>
  );
}
