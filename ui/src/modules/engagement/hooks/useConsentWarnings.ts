import { useQuery } from "@tanstack/react-query";
import type { Direction, InteractionChannel } from "../../../ipc/bindings";
import { interactionConsent } from "../../../ipc/engagement";
import { needsConsent } from "../utils/labels";
import { engagementKeys } from "../utils/queryKeys";

/** Asked again whenever the channel, direction or people change, so the warning shows before saving. */
export function useConsentWarnings(contactIds: string[], channel: InteractionChannel, direction: Direction) {
  return useQuery({
    queryKey: engagementKeys.interactionConsent(contactIds, channel, direction),
    queryFn: ({ signal }) => interactionConsent(contactIds, channel, direction, { signal }),
    enabled: contactIds.length > 0 && needsConsent(channel, direction),
  });
}
