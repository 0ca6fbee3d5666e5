export type AdminSection = "users" | "organisation" | "security" | "contacts" | "import" | "kinds" | "escalation" | "audit" | "backups";
