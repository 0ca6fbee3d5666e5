//! Renders real routes with the real providers; only src/ipc is mocked by each test file.
import { MantineProvider } from "@mantine/core";
import { Notifications, notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type InitialEntry, type RouteObject } from "react-router";
import { theme } from "../app/theme";
import { ContactDetailPage } from "../modules/contacts/components/ContactDetailPage";
import { ContactsPage } from "../modules/contacts/components/ContactsPage";

export const contactRoutes: RouteObject[] = [
  { path: "/contacts", element: <ContactsPage /> },
  { path: "/contacts/:id", element: <ContactDetailPage /> },
];

export function renderApp(initialEntry: InitialEntry, routes: RouteObject[] = contactRoutes) {
  // The notification store is global: what an earlier test showed must not be read by this one.
  notifications.clean();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [initialEntry] });
  const user = userEvent.setup();
  const view = render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, router, user, queryClient };
}
