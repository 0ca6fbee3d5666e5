import { useCallback, useState } from "react";
import { createHashRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { StartGate } from "../modules/session/components/StartGate";
import { AppProviders } from "./AppProviders";
import { createQueryClient } from "./queryClient";
import { appRoutes } from "./routes";

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createHashRouter(appRoutes));
  // The next user starts on the contact list, not on the last user's search or contact.
  const onSessionEnd = useCallback(() => void router.navigate("/", { replace: true }), [router]);
  return (
    <AppProviders queryClient={queryClient}>
      <StartGate onSessionEnd={onSessionEnd}>
        <RouterProvider router={router} />
      </StartGate>
    </AppProviders>
  );
}
