import { Navigate, type RouteObject } from "react-router";
import { EscalationPolicyPanel } from "../../engagement/components/EscalationPolicyPanel";
import { AdminPage } from "../components/AdminPage";
import { AuditPanel } from "../components/AuditPanel";
import { BackupsPanel } from "../components/BackupsPanel";
import { ContactsPolicyPanel } from "../components/ContactsPolicyPanel";
import { ImportPolicyPanel } from "../components/ImportPolicyPanel";
import { OrganisationPanel } from "../components/OrganisationPanel";
import { RelationshipKindsPanel } from "../components/RelationshipKindsPanel";
import { SecurityPanel } from "../components/SecurityPanel";
import { UsersPanel } from "../components/UsersPanel";

/** /admin and one nested route per section; `path` is relative to the parent route. */
export function adminRoute(path = "admin"): RouteObject {
  return {
    path,
    element: <AdminPage />,
    children: [
      { index: true, element: <Navigate to="users" replace /> },
      { path: "users", element: <UsersPanel /> },
      { path: "organisation", element: <OrganisationPanel /> },
      { path: "security", element: <SecurityPanel /> },
      { path: "contacts", element: <ContactsPolicyPanel /> },
      { path: "import", element: <ImportPolicyPanel /> },
      { path: "kinds", element: <RelationshipKindsPanel /> },
      { path: "escalation", element: <EscalationPolicyPanel /> },
      { path: "audit", element: <AuditPanel /> },
      { path: "backups", element: <BackupsPanel /> },
      { path: "*", element: <Navigate to="/admin/users" replace /> },
    ],
  };
}
