/** Whose interactions a timeline shows: one contact's, or everyone's at an account's sites. */
export type TimelineSource = { kind: "contact"; id: string } | { kind: "account"; id: string };
