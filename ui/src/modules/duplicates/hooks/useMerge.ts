import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import type { DuplicateScan, MergeInput } from "../../../ipc/bindings";
import { mergeContacts, mergePreview, recentMerges, unmergeContacts } from "../../../ipc/duplicates";
import { LAST_SCAN } from "./useDuplicateScan";
import type { FinishedScan } from "./useDuplicateScan";

export function useMergePreview(contactIds: string[]) {
  return useQuery({
    queryKey: ["mergePreview", contactIds],
    queryFn: ({ signal }) => mergePreview(contactIds, { signal }),
    enabled: contactIds.length > 1,
    placeholderData: keepPreviousData,
  });
}

export function useRecentMerges() {
  return useQuery({ queryKey: ["recentMerges"], queryFn: ({ signal }) => recentMerges({ signal }) });
}

/**
 * A merge or its undo changes contacts everywhere (lists, pages, maps, timelines): everything is
 * read again, except the remembered scan, which has nothing to read it from.
 */
function refreshAfterMerge(client: QueryClient) {
  return client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== LAST_SCAN[0] });
}

/** Drops the groups holding a merged record from the remembered scan: they are one person now. */
function withoutMerged(scan: DuplicateScan, ids: Set<string>): DuplicateScan {
  return { ...scan, groups: scan.groups.filter((group) => !group.contacts.some((id) => ids.has(id))) };
}

export function useMergeContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => mergeContacts(input),
    onSuccess: (outcome) => {
      const involved = new Set([outcome.survivorId, ...outcome.merged]);
      client.setQueryData<FinishedScan | null>(LAST_SCAN, (last) =>
        last ? { ...last, scan: withoutMerged(last.scan, involved) } : last,
      );
      return refreshAfterMerge(client);
    },
  });
}

export function useUnmergeContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => unmergeContacts(mergeId),
    onSuccess: () => refreshAfterMerge(client),
  });
}
