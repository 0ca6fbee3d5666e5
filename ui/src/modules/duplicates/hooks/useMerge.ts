import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import type { DuplicateGroup, MergeInput, MergeOutcome } from "../../../ipc/bindings";
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

/**
 * Takes the groups holding a merged record out of the remembered scan (they are one person
 * now), keeping them aside under the merge's id in case it is undone.
 */
function withoutMerged(last: FinishedScan, outcome: MergeOutcome): FinishedScan {
  const ids = new Set([outcome.survivorId, ...outcome.merged]);
  const holds = (group: DuplicateGroup) => group.contacts.some((id) => ids.has(id));
  return {
    ...last,
    scan: { ...last.scan, groups: last.scan.groups.filter((group) => !holds(group)) },
    setAside: { ...last.setAside, [outcome.mergeId]: last.scan.groups.filter(holds) },
  };
}

/** An undone merge's groups go back in the list, in its order (best first). */
function withUnmerged(last: FinishedScan, mergeId: string): FinishedScan {
  const back = last.setAside?.[mergeId];
  if (!back) return last;
  const setAside = { ...last.setAside };
  delete setAside[mergeId];
  const groups = [...last.scan.groups, ...back].sort((a, b) => b.score - a.score);
  return { ...last, scan: { ...last.scan, groups }, setAside };
}

export function useMergeContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => mergeContacts(input),
    onSuccess: (outcome) => {
      client.setQueryData<FinishedScan | null>(LAST_SCAN, (last) => (last ? withoutMerged(last, outcome) : last));
      return refreshAfterMerge(client);
    },
  });
}

export function useUnmergeContacts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => unmergeContacts(mergeId),
    onSuccess: (_, mergeId) => {
      client.setQueryData<FinishedScan | null>(LAST_SCAN, (last) => (last ? withUnmerged(last, mergeId) : last));
      return refreshAfterMerge(client);
    },
  });
}
