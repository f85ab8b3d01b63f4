import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated block between the markers, leaving the hand-written prose alone. */
export function updatePerformanceDoc(file: string, markdown: string): void {
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: expected the ${START} … ${END} markers`);
  writeFileSync(file, `${doc.slice(0, start + START.length)}\n${markdown}\n${doc.slice(end)}`);
  console.log(`updated ${file}`);
}
