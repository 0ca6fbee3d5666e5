export type AdminSection = "users" | "organisation" | "security" | "contacts" | "audit" | "backups";
