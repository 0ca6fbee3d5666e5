//! The core words a field's problem to follow the field's name ("needs a domain with a dot after
//! the @"), or as a sentence of its own ("choose a site"). This puts the two together.

const FOLLOWS_NAME =
  /^(is|are|must|needs?|has|have|contains?|starts?|ends?|cannot|can't|should|was|were|looks?|does|doesn't)\b/;

export function problemText(label: string, message: string): string {
  const text = message.trim();
  if (!text) return label;
  if (FOLLOWS_NAME.test(text)) return `${label} ${text}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
