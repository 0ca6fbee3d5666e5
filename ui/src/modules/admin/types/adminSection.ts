export type AdminSection = "users" | "organisation" | "security" | "contacts" | "import" | "escalation" | "audit" | "backups";
