import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One fenced code block of a doc, with the `<!-- sample: … -->` marker just above it, if any. */
export interface Sample {
  /** `docs/quickstart.md:71`, the fence's line. */
  where: string;
  lang: string;
  code: string;
  /** `skip: why`, `run`, `collector-config`, `announcement`, `prompt`; null without a marker. */
  marker: string | null;
}

const FENCE = /^(\s*)```(\S*)\s*$/;
const MARKER = /^\s*<!--\s*sample:\s*(.+?)\s*-->\s*$/;

export function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Every fenced block with a language; the fence's indentation is removed from its lines. */
export function samplesOf(file: string, root: string): Sample[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const samples: Sample[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? '');
    if (!open) continue;
    const [, indent = '', lang = ''] = open;
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && !/^\s*```\s*$/.test(lines[index] ?? ''); index += 1)
      body.push((lines[index] ?? '').slice(indent.length));
    if (!lang) continue;
    const above =
      lines
        .slice(0, start)
        .reverse()
        .find((line) => line.trim() !== '') ?? '';
    samples.push({ where: `${relative(root, file)}:${start + 1}`, lang, code: body.join('\n'), marker: MARKER.exec(above)?.[1] ?? null });
  }
  return samples;
}
