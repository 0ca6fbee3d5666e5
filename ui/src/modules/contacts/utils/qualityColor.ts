/** The colour of a data-quality score out of 100, the same on the dashboard and a contact's page. */
export function qualityColor(score: number): string {
  if (score >= 80) return "teal";
  if (score >= 50) return "yellow";
  return "red";
}
