export type AdminSection = "users" | "organisation" | "security" | "contacts" | "import" | "audit" | "backups";
