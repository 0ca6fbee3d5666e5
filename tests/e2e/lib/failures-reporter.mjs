// A test reporter that writes only the failed checks, one paragraph each: which spec and check,
// and the first lines of why. run.sh prints it after everything else, where a CI summary that
// keeps only the end of the output still shows it.
import path from 'node:path';

const LINES_OF_WHY = 12;

export default async function* failures(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    const error = details?.error;
    // A suite fails because a check in it failed; that check has its own paragraph.
    if (error?.failureType === 'subtestsFailed') continue;
    const cause = error?.cause ?? error;
    const why = String(cause?.stack ?? cause?.message ?? cause)
      .split('\n')
      .filter((line) => !/\(node:|at node:|^\s*$/.test(line))
      .slice(0, LINES_OF_WHY)
      .join('\n  ');
    yield `✖ ${file ? path.basename(file) : '?'}: ${name}\n  ${why}\n`;
  }
}
