/**
 * How a relationship reads from this person's side: "Reports to" for their own reports-to line,
 * "Manages" for someone reporting to them. A kind an administrator added reads as its code.
 */
const PHRASES: Record<string, [outgoing: string, incoming: string]> = {
  reports_to: ["Reports to", "Manages"],
  assistant_of: ["Assistant of", "Assisted by"],
  works_with: ["Works with", "Works with"],
  influences: ["Influences", "Influenced by"],
};

export function relationshipPhrase(kind: string, outgoing: boolean): string {
  const phrase = PHRASES[kind];
  if (phrase) return outgoing ? phrase[0] : phrase[1];
  const words = kind.replace(/_/g, " ");
  const name = words.charAt(0).toUpperCase() + words.slice(1);
  return outgoing ? name : `${name} (to them)`;
}
