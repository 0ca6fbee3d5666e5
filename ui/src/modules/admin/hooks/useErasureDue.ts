import { useQuery } from "@tanstack/react-query";
import { listErasureDue } from "../../contacts/hooks/lifecycleIpc";
import { lifecycleKeys } from "../../contacts/hooks/lifecycleKeys";

/** Archived contacts past the retention period (the read is audited: it names archived people). */
export function useErasureDue() {
  return useQuery({
    queryKey: lifecycleKeys.listErasureDue(),
    queryFn: ({ signal }) => listErasureDue({ signal }),
  });
}
