import { Alert, Group, Select, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMemo } from "react";
import type { Account, Region, Site, SiteInput } from "../../../ipc/bindings";
import { formatCount } from "../../contacts/utils/formatCount";
import { useEditForm } from "../hooks/useEditForm";
import { useSaveSite } from "../hooks/useSaveSite";
import { territoryOptions } from "../utils/territoryOptions";
import { FormModal } from "./FormModal";

export type SiteFormModalProps = {
  account: Account;
  /** null: a new site of `account`. */
  site: Site | null;
  regions: Region[];
  onClose: () => void;
};

const LABELS: Record<keyof SiteInput, string> = {
  accountId: "Account",
  territoryId: "Territory",
  name: "Site name",
  line1: "Address line",
  city: "City",
  postalCode: "Postal code",
  country: "Country",
};

function territoryName(regions: Region[], id: string): string | null {
  for (const region of regions) {
    const territory = region.territories.find((t) => t.id === id);
    if (territory) return territory.name;
  }
  return null;
}

export function SiteFormModal({ account, site, regions, onClose }: SiteFormModalProps) {
  const save = useSaveSite();
  const { input, change, errors, check, submit, pending } = useEditForm<SiteInput>({
    initial: {
      accountId: account.id,
      territoryId: site?.territoryId ?? "",
      name: site?.name ?? "",
      line1: site?.line1 ?? "",
      city: site?.city ?? "",
      postalCode: site?.postalCode ?? "",
      country: site?.country ?? "",
    },
    labels: LABELS,
    save,
    onSaved: onClose,
  });
  const options = useMemo(() => territoryOptions(regions), [regions]);
  const moving = site !== null && input.territoryId !== site.territoryId;

  const onSubmit = () => {
    const ok = check({
      name: input.name.trim() ? undefined : "Enter the site's name",
      line1: input.line1.trim() ? undefined : "Enter the street address",
      city: input.city.trim() ? undefined : "Enter the city",
      country: /^[A-Za-z]{2}$/.test(input.country.trim()) ? undefined : "Enter a two-letter country code, e.g. GB",
      territoryId: input.territoryId ? undefined : "Choose a territory",
    });
    if (!ok) return;
    const payload: SiteInput = {
      ...input,
      name: input.name.trim(),
      line1: input.line1.trim(),
      city: input.city.trim(),
      postalCode: input.postalCode?.trim() || null,
      country: input.country.trim().toUpperCase(),
    };
    submit(site?.id ?? null, payload, {
      title: site ? "Site saved" : "Site created",
      message: moving
        ? `${payload.name} and its contacts are now in ${territoryName(regions, payload.territoryId) ?? "the new territory"}.`
        : `${payload.name} is saved.`,
    });
  };

  return (
    <FormModal
      title={site ? `Edit site ${site.name}` : `New site of ${account.name}`}
      testIdPrefix="site"
      size="lg"
      error={errors.general ?? errors.fields.accountId ?? null}
      submitLabel={site ? "Save changes" : "Create site"}
      pending={pending}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <TextInput
        label={LABELS.name}
        description="e.g. Head office, Leeds depot"
        value={input.name}
        onChange={(event) => change("name", event.currentTarget.value)}
        error={errors.fields.name}
        required
        maxLength={200}
        autoComplete="off"
        data-autofocus
        data-testid="site-name"
      />
      <TextInput
        label={LABELS.line1}
        value={input.line1}
        onChange={(event) => change("line1", event.currentTarget.value)}
        error={errors.fields.line1}
        required
        maxLength={200}
        autoComplete="off"
        data-testid="site-line1"
      />
      <Group grow align="flex-start">
        <TextInput
          label={LABELS.postalCode}
          value={input.postalCode ?? ""}
          onChange={(event) => change("postalCode", event.currentTarget.value)}
          error={errors.fields.postalCode}
          autoComplete="off"
          data-testid="site-postal-code"
        />
        <TextInput
          label={LABELS.city}
          value={input.city}
          onChange={(event) => change("city", event.currentTarget.value)}
          error={errors.fields.city}
          required
          maxLength={120}
          autoComplete="off"
          data-testid="site-city"
        />
        <TextInput
          label={LABELS.country}
          description="ISO code, e.g. GB, DE"
          value={input.country}
          onChange={(event) => change("country", event.currentTarget.value.toUpperCase())}
          error={errors.fields.country}
          required
          maxLength={2}
          autoComplete="off"
          spellCheck={false}
          data-testid="site-country"
        />
      </Group>
      <Select
        label={LABELS.territoryId}
        description="The site's contacts are in this territory's scope: its territory and regional managers see them. Another territory takes the contacts with the site."
        placeholder="Choose a territory"
        data={options}
        value={input.territoryId || null}
        onChange={(value) => change("territoryId", value ?? "")}
        allowDeselect={false}
        searchable
        maxDropdownHeight={280}
        nothingFoundMessage="No territory with that name"
        error={errors.fields.territoryId}
        required
        data-testid="site-territory"
      />
      {moving ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="site-move-warning">
          <Text size="sm">
            Moving the site from {site.territoryName} to{" "}
            {territoryName(regions, input.territoryId) ?? "another territory"} moves its{" "}
            {formatCount(site.contactCount)} {site.contactCount === 1 ? "contact" : "contacts"} with it: managers of{" "}
            {site.territoryName} no longer see them, managers of the new territory do.
          </Text>
        </Alert>
      ) : null}
    </FormModal>
  );
}
