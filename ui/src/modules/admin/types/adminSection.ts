export type AdminSection = "users" | "organisation" | "security" | "audit" | "backups";
