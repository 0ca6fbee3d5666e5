import { Button, Group, Stack, Title, Tooltip } from "@mantine/core";
import { useDebouncedCallback, useHotkeys } from "@mantine/hooks";
import { IconDownload, IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { BulkSelection, ContactFilter, ContactSort } from "../../../ipc/bindings";
import { useIsSiteAdmin } from "../../admin/hooks/useIsSiteAdmin";
import { invalidate } from "../../admin/utils/invalidate";
import { useSessionUser } from "../../session/hooks/useSessionUser";
import { reachOf } from "../../session/utils/permissions";
import { ErrorState } from "../../shell/components/ErrorState";
import { isMacPlatform } from "../../shell/utils/platform";
import { useContactCount } from "../hooks/useContactCount";
import { useContactList } from "../hooks/useContactList";
import { useContactListState } from "../hooks/useContactListState";
import { useOpenContact } from "../hooks/useOpenContact";
import { useTerritories } from "../hooks/useTerritories";
import { ExportModal } from "../export/ExportModal";
import { BulkActionBar } from "../list/BulkActionBar";
import { BulkActionModal } from "../list/BulkActionModal";
import { BULK_KINDS } from "../list/bulkActions";
import type { BulkKind } from "../list/bulkFlow";
import { SavedViewsMenu } from "../list/SavedViewsMenu";
import { selectedCount, toBulkSelection } from "../list/selection";
import { SelectionBanner } from "../list/SelectionBanner";
import { useListSelection } from "../list/useListSelection";
import type { ContactListState } from "../types/contactList";
import { EMPTY_FILTER, hasActiveFilter } from "../utils/listParams";
import { ContactCountLabel } from "./ContactCountLabel";
import { ContactsEmptyState } from "./ContactsEmptyState";
import { ContactsTable } from "./ContactsTable";
import { ContactsTableSkeleton } from "./ContactsTableSkeleton";
import { ContactsToolbar } from "./ContactsToolbar";
import { SearchModeHint } from "./SearchModeHint";

/** Typing pauses shorter than this do not start a search. */
const SEARCH_DEBOUNCE_MS = 150;

const NEW_CONTACT_PATH = "/contacts/new";

type OpenBulk = { kind: BulkKind; selection: BulkSelection; count: number | null };
type OpenExport = { selection: BulkSelection; count: number | null; what: string };

export function ContactsPage() {
  const [urlState, update, view] = useContactListState();
  const { isAdmin } = useIsSiteAdmin();
  const user = useSessionUser();
  const canEdit = reachOf(user, "edit_contacts") !== "none";
  const canDeactivate = reachOf(user, "deactivate") !== "none";
  const bulkKinds = useMemo(
    () => BULK_KINDS.filter((kind) => (kind === "deactivate" ? canDeactivate : canEdit)),
    [canEdit, canDeactivate],
  );
  // The core refuses the unassigned view to other roles; a pasted link must not break their list.
  const state = useMemo(
    () => (isAdmin || !urlState.filter.unassigned ? urlState : { ...urlState, filter: { ...urlState.filter, unassigned: false } }),
    [isAdmin, urlState],
  );
  const list = useContactList(state);
  const count = useContactCount(state);
  const territories = useTerritories();
  const openContact = useOpenContact();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tableRef = useRef<HTMLDivElement>(null);

  // The input answers immediately; the URL (and so the query) follows after a short pause.
  const [searchText, setSearchText] = useState(state.search ?? "");
  const [syncedSearch, setSyncedSearch] = useState(state.search);
  // What the input itself last wrote to the URL. When that write lands, the user may already have
  // typed on (a slow machine, a fast typist): taking it back into the input would eat keystrokes.
  const [writtenSearch, setWrittenSearch] = useState<string | null | undefined>(undefined);
  if (state.search !== syncedSearch) {
    setSyncedSearch(state.search);
    if (state.search !== writtenSearch) {
      // The URL changed from elsewhere (a nav link, "clear all", a view): show what the list shows.
      setWrittenSearch(undefined);
      if ((searchText.trim() || null) !== state.search) setSearchText(state.search ?? "");
    }
  }
  const writeSearch = useDebouncedCallback((text: string) => {
    const search = text.trim() || null;
    setWrittenSearch(search);
    update((current) => ({ ...current, search }));
  }, SEARCH_DEBOUNCE_MS);

  const onSearchTextChange = (text: string) => {
    setSearchText(text);
    writeSearch(text);
  };
  const onFilterChange = (filter: ContactFilter) => update((current) => ({ ...current, filter }));
  const onSortChange = (sort: ContactSort) => update((current) => ({ ...current, sort }));
  const clearAll = () => {
    writeSearch.cancel();
    setSearchText("");
    view.setView(null, { ...urlState, search: null, filter: EMPTY_FILTER });
  };
  const applyView = (viewId: string | null, next: ContactListState) => {
    // A search still waiting for its pause must not overwrite the view's.
    writeSearch.cancel();
    view.setView(viewId, next);
  };

  useHotkeys(
    [
      [
        "mod+N",
        (event) => {
          // Not from inside a dialog: its own work comes first.
          if (!canEdit || (event.target instanceof Element && event.target.closest('[role="dialog"]'))) return;
          navigate(NEW_CONTACT_PATH);
        },
      ],
    ],
    [],
  );

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const mode = list.data?.pages[0]?.mode ?? "browse";
  const narrowed = state.search !== null || hasActiveFilter(state.filter);
  // Remount the table (scroll position, highlighted row) whenever it shows a different list; the
  // selection belongs to that list too.
  const tableKey = JSON.stringify(state);
  const selection = useListSelection(tableKey, rows);
  const total = count.data && !count.isPlaceholderData ? count.data.count : null;
  const selected = selectedCount(selection.selection, total);
  const [bulk, setBulk] = useState<OpenBulk | null>(null);

  // A count that stopped early ("10,000+") is no number to promise; the confirmation counts exactly.
  const selectedExact = selection.selection.kind === "ids" || (count.data?.exact ?? false);
  const openBulk = (kind: BulkKind) =>
    setBulk({
      kind,
      selection: toBulkSelection(selection.selection, { search: state.search, filter: state.filter }),
      count: selectedExact ? selected : null,
    });
  const [exporting, setExporting] = useState<OpenExport | null>(null);
  const exportList = () =>
    setExporting({
      selection: { kind: "query", query: { search: state.search, filter: state.filter }, except: [] },
      count: count.data?.exact && !count.isPlaceholderData ? count.data.count : null,
      what: narrowed ? "the list as filtered" : "the whole list",
    });
  const exportSelection = () =>
    setExporting({
      selection: toBulkSelection(selection.selection, { search: state.search, filter: state.filter }),
      count: selectedExact ? selected : null,
      what: "the selected contacts",
    });
  const clearSelection = selection.clear;
  const onBulkChanged = useCallback(() => {
    clearSelection();
    void invalidate(queryClient, "listContacts", "countContacts", "getContact", "contactHistory");
  }, [clearSelection, queryClient]);

  let body;
  if (list.isPending) {
    body = <ContactsTableSkeleton />;
  } else if (list.isError && !list.isFetchNextPageError) {
    body = (
      <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isRefetching} testId="contacts-error" />
    );
  } else if (rows.length === 0 && !list.isPlaceholderData) {
    const unassignedOnly =
      state.search === null && hasActiveFilter(state.filter) && !hasActiveFilter({ ...state.filter, unassigned: false });
    body = (
      <ContactsEmptyState
        narrowed={narrowed}
        unassignedOnly={unassignedOnly}
        onClear={clearAll}
        onCreate={canEdit ? () => navigate(NEW_CONTACT_PATH) : undefined}
      />
    );
  } else {
    body = (
      <ContactsTable
        key={tableKey}
        ref={tableRef}
        rows={rows}
        sort={state.sort}
        sortDisabled={state.search !== null}
        onSortChange={onSortChange}
        onOpen={openContact}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        nextPageFailed={list.isFetchNextPageError}
        onFetchNextPage={() => void list.fetchNextPage()}
        stale={list.isPlaceholderData}
        selection={
          bulkKinds.length > 0
            ? {
                selection: selection.selection,
                loaded: selection.loaded,
                onToggle: selection.toggle,
                onToggleLoaded: selection.toggleLoaded,
                onSelectLoaded: selection.selectLoaded,
                onClear: selection.clear,
              }
            : undefined
        }
      />
    );
  }

  const showSelection = bulkKinds.length > 0 && rows.length > 0 && selected !== 0;

  return (
    <Stack gap="sm" p="md" flex={1} mih={0} data-testid="contacts-page">
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Group gap="sm" align="center" wrap="nowrap" miw={0}>
          <Title order={2}>Contacts</Title>
          <ContactCountLabel count={count.data} failed={count.isError} />
          <SavedViewsMenu state={state} viewId={view.viewId} onApply={applyView} territories={territories.data} />
        </Group>
        <Group gap="md" wrap="nowrap" miw={0}>
          {mode === "substring" && state.search && rows.length > 0 ? <SearchModeHint search={state.search} /> : null}
          <Tooltip label={narrowed ? "Export the contacts this list shows" : "Export every contact you can see"}>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={exportList}
              disabled={total === 0}
              style={{ flexShrink: 0 }}
              data-testid="export-contacts"
            >
              Export
            </Button>
          </Tooltip>
          {canEdit ? (
            <Tooltip label={`New contact (${isMacPlatform() ? "⌘N" : "Ctrl+N"})`}>
              <Button
                component={Link}
                to={NEW_CONTACT_PATH}
                leftSection={<IconPlus size={16} />}
                aria-keyshortcuts={isMacPlatform() ? "Meta+N" : "Control+N"}
                style={{ flexShrink: 0 }}
                data-testid="new-contact"
              >
                New contact
              </Button>
            </Tooltip>
          ) : null}
        </Group>
      </Group>
      <ContactsToolbar
        searchText={searchText}
        onSearchTextChange={onSearchTextChange}
        onSearchSubmit={writeSearch.flush}
        onSearchLeaveDown={() => tableRef.current?.focus()}
        filter={state.filter}
        onFilterChange={onFilterChange}
        territories={territories.data}
        territoriesLoading={territories.isPending}
        narrowed={narrowed}
        onClearAll={clearAll}
        canShowUnassigned={isAdmin}
      />
      {showSelection ? (
        <Stack gap={4}>
          <BulkActionBar
            selectedCount={selected}
            exact={selectedExact}
            kinds={bulkKinds}
            onAction={openBulk}
            onExport={exportSelection}
            onClear={selection.clear}
          />
          <SelectionBanner
            selection={selection.selection}
            allLoaded={selection.loaded === "all"}
            loadedCount={rows.length}
            count={count.isPlaceholderData ? undefined : count.data}
            onSelectAllMatching={selection.selectAllMatching}
            onClear={selection.clear}
          />
        </Stack>
      ) : null}
      {body}
      {exporting ? <ExportModal {...exporting} onClose={() => setExporting(null)} /> : null}
      {bulk ? (
        <BulkActionModal
          kind={bulk.kind}
          selection={bulk.selection}
          selectedCount={bulk.count}
          onChanged={onBulkChanged}
          onClose={() => setBulk(null)}
        />
      ) : null}
    </Stack>
  );
}
