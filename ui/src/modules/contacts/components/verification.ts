//! The verification methods a user picks from, and the text stored for each.

export type VerificationChoice = "phone" | "email" | "in_person" | "other";

export const VERIFICATION_METHODS: { value: VerificationChoice; label: string }[] = [
  { value: "phone", label: "Phone call" },
  { value: "email", label: "Email reply" },
  { value: "in_person", label: "In person" },
  { value: "other", label: "Other" },
];

/** The method as stored: the choice's label, or what the user typed for "other". */
export function verificationMethod(choice: VerificationChoice, other: string): string {
  if (choice === "other") return other.trim();
  return VERIFICATION_METHODS.find((method) => method.value === choice)?.label ?? "";
}
