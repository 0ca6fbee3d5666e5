import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import { IconAlertTriangle, IconBuilding, IconLock, IconPlus, IconSearch, IconTrash } from "@tabler/icons-react";
import { memo, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { SiteOption, SiteRole } from "../../../../ipc/bindings";
import { useFormValue, type ContactFormApi } from "../hooks/useContactForm";
import { useFieldFeedback } from "../hooks/useFieldFeedback";
import { useFieldProps } from "../hooks/useFieldProps";
import { useSiteOptions } from "../hooks/useSiteOptions";
import { siteRoleOptions } from "../utils/options";
import { rememberSiteOptions, siteLabel } from "../utils/siteCache";
import classes from "./ContactForm.module.css";
import { FormGroup } from "./FormGroup";

export type SitesSectionProps = {
  form: ContactFormApi;
  /** Sites where the stored contact is the primary contact (the edit screen). */
  primarySites?: ReadonlySet<string>;
};

/** The sites the contact works at, their role and authority limit at each; a search adds more. */
export const SitesSection = memo(function SitesSection({ form, primarySites }: SitesSectionProps) {
  const { addEntry, removeEntry, setEntry } = form;
  const sites = useFormValue(form, (v) => v.sites);
  const fieldProps = useFieldProps();
  const { field } = useFieldFeedback();
  const general = field("sites", "Sites");
  const chosen = new Set(sites.map((s) => s.siteId));

  const add = (site: SiteOption) => {
    if (!site.inScope || chosen.has(site.siteId)) return;
    addEntry("sites", { siteId: site.siteId, role: "operations", authorityLimit: null });
  };

  return (
    <Stack gap="lg">
      <FormGroup legend={`Chosen sites (${sites.length})`} testId="group-chosen-sites">
        <Stack gap="xs" data-testid="chosen-sites">
          {sites.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="no-sites">
              No site chosen yet. Search below and add the sites this person works at.
            </Text>
          ) : null}
          {sites.map((entry, i) => {
            const label = siteLabel(entry.siteId);
            const name = label ? label.siteName : `Site ${entry.siteId}`;
            const site = field(`sites.${i}.siteId`, name);
            return (
              <Box key={entry.siteId || i} className={classes.siteRow} data-testid="chosen-site" data-site-id={entry.siteId}>
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                        {name}
                      </Text>
                      {primarySites?.has(entry.siteId) ? (
                        <Badge size="sm" variant="light" tt="none">
                          Primary contact
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                      {label
                        ? `${label.accountName} · ${label.territory} territory · ${label.region}`
                        : "Search for this site to see its account and territory."}
                    </Text>
                    {site.error ? (
                      <Text size="sm" c="red" role="alert">
                        {site.error}
                      </Text>
                    ) : null}
                  </Stack>
                  <Select
                    {...fieldProps(`sites.${i}.role`, "Role at this site")}
                    data={siteRoleOptions}
                    value={entry.role}
                    onChange={(value) => value && setEntry("sites", i, { role: value as SiteRole })}
                    allowDeselect={false}
                    w={170}
                  />
                  <TextInput
                    {...fieldProps(`sites.${i}.authorityLimit`, "Authority limit here")}
                    value={entry.authorityLimit ?? ""}
                    onChange={(event) => setEntry("sites", i, { authorityLimit: event.currentTarget.value })}
                    inputMode="decimal"
                    placeholder="Optional"
                    rightSection={
                      <Text size="xs" c="dimmed">
                        GBP
                      </Text>
                    }
                    rightSectionWidth={44}
                    w={170}
                    autoComplete="off"
                  />
                  <Tooltip label={`Remove ${name}`}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      mt={25}
                      onClick={() => removeEntry("sites", i)}
                      aria-label={`Remove ${name}`}
                      data-testid="remove-site"
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Box>
            );
          })}
          {general.error ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} data-testid="sites-problem">
              {general.error}
            </Alert>
          ) : null}
        </Stack>
      </FormGroup>
      <FormGroup legend="Add a site" testId="group-add-site">
        <SiteSearch chosen={chosen} onAdd={add} />
      </FormGroup>
    </Stack>
  );
});

type SiteSearchProps = { chosen: ReadonlySet<string>; onAdd: (site: SiteOption) => void };

/** Search by account, site, territory or city; arrows and Enter move through and add results. */
function SiteSearch({ chosen, onAdd }: SiteSearchProps) {
  const [text, setText] = useState("");
  const results = useSiteOptions(text);
  const options = results.data ?? [];

  useEffect(() => {
    if (results.data) rememberSiteOptions(results.data);
  }, [results.data]);

  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const enabledResults = () => [...(box.current?.querySelectorAll<HTMLButtonElement>("[data-site-result]:not(:disabled)") ?? [])];
  const focusResult = (from: HTMLButtonElement, delta: number) => {
    const buttons = enabledResults();
    const next = buttons[buttons.indexOf(from) + delta];
    if (next) next.focus();
    else if (delta < 0) input.current?.focus();
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      enabledResults()[0]?.focus();
    } else if (event.key === "Enter") {
      // Enter in the search adds the first site that can be added, instead of leaving the step.
      const first = options.find((o) => o.inScope && !chosen.has(o.siteId));
      if (text.trim() && first) {
        event.preventDefault();
        event.stopPropagation();
        onAdd(first);
      }
    }
  };

  return (
    <Stack gap="xs">
      <TextInput
        ref={input}
        placeholder="Search by account, site, territory or city"
        aria-label="Search sites"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onSearchKey}
        leftSection={<IconSearch size={16} />}
        rightSection={results.isFetching ? <Loader size={14} /> : null}
        autoComplete="off"
        data-testid="site-search"
      />
      <div ref={box} className={classes.siteResults} role="group" aria-label="Sites found" data-testid="site-results">
        {results.isError ? (
          <Text size="sm" c="red" p="xs">
            The sites could not be searched. Try again.
          </Text>
        ) : options.length === 0 && !results.isPending ? (
          <Text size="sm" c="dimmed" p="xs">
            No site matches “{text.trim()}”.
          </Text>
        ) : null}
        {options.map((site) => {
          const isChosen = chosen.has(site.siteId);
          const disabled = !site.inScope || isChosen;
          return (
            <UnstyledButton
              key={site.siteId}
              className={classes.siteResult}
              disabled={disabled}
              aria-disabled={disabled}
              onClick={() => onAdd(site)}
              onKeyDown={(event) => {
                if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                  event.preventDefault();
                  focusResult(event.currentTarget, event.key === "ArrowDown" ? 1 : -1);
                }
              }}
              data-site-result
              data-testid="site-result"
              data-site-id={site.siteId}
              data-in-scope={site.inScope}
            >
              <IconBuilding size={18} style={{ flexShrink: 0 }} aria-hidden />
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {site.siteName} <Text span c="dimmed">· {site.accountName}</Text>
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {[site.city, `${site.territory} territory`, site.region].filter(Boolean).join(" · ")}
                </Text>
              </Stack>
              {isChosen ? (
                <Badge variant="light" color="teal" tt="none">
                  Added
                </Badge>
              ) : !site.inScope ? (
                <Badge variant="light" color="gray" tt="none" leftSection={<IconLock size={12} />}>
                  Outside your territory
                </Badge>
              ) : (
                <Group gap={4} c="var(--mantine-primary-color-filled)" wrap="nowrap">
                  <IconPlus size={14} aria-hidden />
                  <Text size="sm">Add</Text>
                </Group>
              )}
            </UnstyledButton>
          );
        })}
      </div>
    </Stack>
  );
}
