//! Renders the whole window as App does: the start gate around the real routes, with the real
//! query client (so session errors route as in the app). Only src/ipc is mocked by each test file.
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type InitialEntry } from "react-router";
import { createQueryClient } from "../app/queryClient";
import { appRoutes } from "../app/routes";
import { theme } from "../app/theme";
import { StartGate } from "../modules/session/components/StartGate";

export function renderGate(initialEntry: InitialEntry = "/contacts") {
  const queryClient = createQueryClient();
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false, gcTime: Infinity } });
  const router = createMemoryRouter(appRoutes, { initialEntries: [initialEntry] });
  const onSessionEnd = () => void router.navigate("/", { replace: true });
  const user = userEvent.setup();
  const view = render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={queryClient}>
        <StartGate onSessionEnd={onSessionEnd}>
          <RouterProvider router={router} />
        </StartGate>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, router, user, queryClient };
}
