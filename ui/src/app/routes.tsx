//! Route table. The desktop webview has no server, so the app uses a hash router.
import { Navigate, type RouteObject } from "react-router";
import { adminRoute } from "../modules/admin/utils/adminRoutes";
import { ContactDetailPage } from "../modules/contacts/components/ContactDetailPage";
import { ContactsPage } from "../modules/contacts/components/ContactsPage";
import { EditContactPage } from "../modules/contacts/form/components/EditContactPage";
import { NewContactPage } from "../modules/contacts/form/components/NewContactPage";
import { DuplicatesPage } from "../modules/duplicates/components/DuplicatesPage";
import { MergeReviewPage } from "../modules/duplicates/components/MergeReviewPage";
import { MyWorkPage } from "../modules/engagement/components/MyWorkPage";
import { ImportPage } from "../modules/import/components/ImportPage";
import { AccountPage } from "../modules/relationships/components/AccountPage";
import { AccountsPage } from "../modules/relationships/components/AccountsPage";
import { AppLayout } from "../modules/shell/components/AppLayout";
import { NotFoundPage } from "../modules/shell/components/NotFoundPage";
import { RouteErrorPage } from "../modules/shell/components/RouteErrorPage";

export const appRoutes: RouteObject[] = [
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <Navigate to="/contacts" replace /> },
      { path: "work", element: <MyWorkPage /> },
      { path: "contacts", element: <ContactsPage /> },
      { path: "contacts/new", element: <NewContactPage /> },
      { path: "contacts/:id/edit", element: <EditContactPage /> },
      { path: "contacts/:id", element: <ContactDetailPage /> },
      // The charts library is loaded with the dashboard only, not with the rest of the app.
      {
        path: "dashboard",
        lazy: async () => ({ Component: (await import("../modules/dashboard/components/DashboardPage")).DashboardPage }),
      },
      { path: "accounts", element: <AccountsPage /> },
      { path: "accounts/:id", element: <AccountPage /> },
      { path: "import", element: <ImportPage /> },
      { path: "duplicates", element: <DuplicatesPage /> },
      { path: "duplicates/merge", element: <MergeReviewPage /> },
      {
        path: "reports",
        lazy: async () => ({ Component: (await import("../modules/reports/components/ReportsPage")).ReportsPage }),
      },
      adminRoute(),
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
