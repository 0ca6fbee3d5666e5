import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SavedViewInput } from "../../../ipc/bindings";
import { saveView } from "./ipc";
import { listQueryKeys } from "./queryKeys";

/** Creates a view, or renames/changes one of the user's own. */
export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedViewInput) => saveView(view),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listQueryKeys.listSavedViews() }),
  });
}
