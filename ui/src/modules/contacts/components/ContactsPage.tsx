import { Group, Stack, Title } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useMemo, useRef, useState } from "react";
import type { ContactFilter, ContactSort } from "../../../ipc/bindings";
import { useIsSiteAdmin } from "../../admin/hooks/useIsSiteAdmin";
import { ErrorState } from "../../shell/components/ErrorState";
import { useContactCount } from "../hooks/useContactCount";
import { useContactList } from "../hooks/useContactList";
import { useContactListState } from "../hooks/useContactListState";
import { useOpenContact } from "../hooks/useOpenContact";
import { useTerritories } from "../hooks/useTerritories";
import { EMPTY_FILTER, hasActiveFilter } from "../utils/listParams";
import { ContactCountLabel } from "./ContactCountLabel";
import { ContactsEmptyState } from "./ContactsEmptyState";
import { ContactsTable } from "./ContactsTable";
import { ContactsTableSkeleton } from "./ContactsTableSkeleton";
import { ContactsToolbar } from "./ContactsToolbar";
import { SearchModeHint } from "./SearchModeHint";

/** Typing pauses shorter than this do not start a search. */
const SEARCH_DEBOUNCE_MS = 150;

export function ContactsPage() {
  const [urlState, update] = useContactListState();
  const { isAdmin } = useIsSiteAdmin();
  // The core refuses the unassigned view to other roles; a pasted link must not break their list.
  const state = useMemo(
    () => (isAdmin || !urlState.filter.unassigned ? urlState : { ...urlState, filter: { ...urlState.filter, unassigned: false } }),
    [isAdmin, urlState],
  );
  const list = useContactList(state);
  const count = useContactCount(state);
  const territories = useTerritories();
  const openContact = useOpenContact();
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
      // The URL changed from elsewhere (a nav link, "clear all"): show what the list shows.
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
    update((current) => ({ ...current, search: null, filter: EMPTY_FILTER }));
  };

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const mode = list.data?.pages[0]?.mode ?? "browse";
  const narrowed = state.search !== null || hasActiveFilter(state.filter);
  // Remount the table (scroll position, highlighted row) whenever it shows a different list.
  const tableKey = JSON.stringify(state);

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
    body = <ContactsEmptyState narrowed={narrowed} unassignedOnly={unassignedOnly} onClear={clearAll} />;
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
      />
    );
  }

  return (
    <Stack gap="sm" p="md" flex={1} mih={0} data-testid="contacts-page">
      <Group justify="space-between" align="baseline" wrap="nowrap" gap="md">
        <Group gap="sm" align="baseline" wrap="nowrap" miw={0}>
          <Title order={2}>Contacts</Title>
          <ContactCountLabel count={count.data} failed={count.isError} />
        </Group>
        {mode === "substring" && state.search && rows.length > 0 ? <SearchModeHint search={state.search} /> : null}
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
      {body}
    </Stack>
  );
}
