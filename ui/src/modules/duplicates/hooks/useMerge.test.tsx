import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { mergeContacts, unmergeContacts } from "../../../ipc/duplicates";
import { LAST_SCAN, type FinishedScan } from "./useDuplicateScan";
import { useMergeContacts, useUnmergeContacts } from "./useMerge";

vi.mock("../../../ipc/duplicates");

const group = (contacts: string[], score: number) => ({ contacts, score, reasons: ["same email"] });

describe("the remembered scan across a merge and its undo", () => {
  it("takes the merged group out of the list and puts it back in its place when the merge is undone", async () => {
    const client = new QueryClient();
    const scan: FinishedScan = {
      scan: { groups: [group(["1", "2"], 97), group(["3", "4"], 90), group(["5", "6"], 80)], contactsScanned: 6, pairsCompared: 3 },
      minScore: 75,
      finishedAt: new Date(),
    };
    client.setQueryData(LAST_SCAN, scan);
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    vi.mocked(mergeContacts).mockResolvedValue({ mergeId: "9", survivorId: "3", merged: ["4"] });
    vi.mocked(unmergeContacts).mockResolvedValue({ mergeId: "9", survivorId: "3", merged: ["4"] });
    const merge = renderHook(() => useMergeContacts(), { wrapper });
    const unmerge = renderHook(() => useUnmergeContacts(), { wrapper });
    const listed = () => client.getQueryData<FinishedScan>(LAST_SCAN)?.scan.groups.map((g) => g.contacts.join("+"));

    await act(() => merge.result.current.mutateAsync({ contactIds: ["3", "4"], survivorId: "3", choices: {} }));
    expect(listed()).toEqual(["1+2", "5+6"]);

    await act(() => unmerge.result.current.mutateAsync("9"));
    expect(listed()).toEqual(["1+2", "3+4", "5+6"]);
    expect(client.getQueryData<FinishedScan>(LAST_SCAN)?.setAside).toEqual({});
  });
});
