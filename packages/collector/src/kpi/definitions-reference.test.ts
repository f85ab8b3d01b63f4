import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const REFERENCE = 'docs/reference/kpi-definitions.md';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist', '.tsbuild'].includes(entry.name) ? [] : files(path, ext);
    return ext.test(entry.name) ? [path] : [];
  });
}

const THIS_FILE = 'packages/collector/src/kpi/definitions-reference.test.ts';
const sources = [
  ...files('packages/schema/src', /\.tsx?$/),
  ...files('packages/collector/src', /\.tsx?$/),
  ...files('docs', /\.md$/),
].filter((file) => file !== THIS_FILE);
const headings = new Set(
  readFileSync(join(ROOT, REFERENCE), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3)),
);

describe('the KPI definitions live in the repository', () => {
  it('every citation of kpi-definitions.md names the reference page, which exists', () => {
    expect(existsSync(join(ROOT, REFERENCE))).toBe(true);
    const stray = sources.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          [...line.matchAll(/[\w./-]*kpi-definitions\.md/g)]
            .filter(([cited]) => !file.startsWith('docs/') && cited !== REFERENCE)
            .map(([cited]) => `${file}:${index + 1}: ${cited}`),
        ),
    );
    expect(stray).toEqual([]);
  });

  it('docs link it by a relative path that resolves, and never a path outside the repository', () => {
    const problems = files('docs', /\.md$/).flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const outside = /\/work\/|\.\.\/shared|`shared\//.test(text) ? [`${file}: cites a path outside the repository`] : [];
      const broken = [...text.matchAll(/\]\(([^)#\s]*kpi-definitions\.md)[^)]*\)/g)]
        .filter(([, target]) => resolve(ROOT, dirname(file), target ?? '') !== resolve(ROOT, REFERENCE))
        .map(([link]) => `${file}: ${link}`);
      return [...outside, ...broken];
    });
    expect(problems).toEqual([]);
  });

  it('each section an API answer cites is a heading of the page', () => {
    const cited = sources
      .filter((file) => file.startsWith('packages/'))
      .flatMap((file) => [
        ...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:'docs\/reference\/kpi-definitions\.md: |definition\(')([^'→,]+)/g),
      ])
      .map(([, section]) => section?.trim() ?? '');
    expect(cited.length).toBeGreaterThan(3);
    for (const section of cited)
      expect(
        [...headings].some((heading) => heading.startsWith(section)),
        section,
      ).toBe(true);
  });
});
