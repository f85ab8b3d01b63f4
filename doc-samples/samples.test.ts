import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  announcementCreateSchema,
  collectorConfigSchema,
  parseWire,
  promptSchema,
  revenueConfigSchema,
  revenueFactSchema,
  rewardsConfigSchema,
} from '@hearth/schema';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownFiles, samplesOf, type Sample } from './extract.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const samples = markdownFiles(join(root, 'docs')).flatMap((file) => samplesOf(file, root));
const ofLang = (...langs: string[]) => samples.filter((sample) => langs.includes(sample.lang) && !sample.marker?.startsWith('skip'));

/** What a JSON sample is, by its marker: checked against that schema, as the collector would. */
const JSON_SCHEMAS: Record<string, (value: unknown) => string[]> = {
  'collector-config': (value) => issues(parseWire(collectorConfigSchema, value)),
  announcement: (value) => issues(parseWire(announcementCreateSchema(Date.now()), value)),
  prompt: (value) => issues(parseWire(promptSchema, value)),
  'rewards-program': (value) => issues(parseWire(rewardsConfigSchema, value)),
  'revenue-config': (value) => issues(parseWire(revenueConfigSchema, value)),
  'revenue-fact': (value) => issues(parseWire(revenueFactSchema, value)),
};
/** How a JSON sample is written: one value, one value per line (`lines`), or object members (`fragment`). */
const values = (sample: Sample): unknown[] => {
  if (sample.marker === 'lines')
    return sample.code
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  return [JSON.parse(sample.marker === 'fragment' ? `{${sample.code}}` : sample.code)];
};
function issues(parsed: { success: true } | { success: false; issues: { path: string; message: string }[] }): string[] {
  return parsed.success ? [] : parsed.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('every code sample in docs/ runs as written', () => {
  it('finds the samples', () => expect(samples.length).toBeGreaterThan(50));

  it('JSON samples parse, and marked ones pass their schema', () => {
    const problems = ofLang('json').flatMap((sample) => {
      let parsed: unknown[];
      try {
        parsed = values(sample);
      } catch (error) {
        return [`${sample.where}: ${(error as Error).message}`];
      }
      if (!sample.marker || sample.marker === 'lines' || sample.marker === 'fragment') return [];
      const check = JSON_SCHEMAS[sample.marker];
      if (!check) return [`${sample.where}: unknown marker "${sample.marker}"`];
      return parsed.flatMap(check).map((problem) => `${sample.where}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  describe('TypeScript and JavaScript samples type-check against the workspace packages', () => {
    const folder = mkdtempSync(join(here, '.checking-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    /** Each sample as a module of its own; the diagnostics of the samples only, not of the packages. */
    function problemsOf(langs: string[], options: ts.CompilerOptions): string[] {
      const files = new Map<string, Sample>();
      ofLang(...langs).forEach((sample, index) => {
        const file = join(folder, `sample-${index}.${sample.lang}`);
        writeFileSync(file, sample.code);
        files.set(file, sample);
      });
      const program = ts.createProgram([...files.keys(), join(here, 'reader.d.ts')], {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        moduleDetection: ts.ModuleDetectionKind.Force,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        types: ['node'],
        jsx: ts.JsxEmit.ReactJSX,
        skipLibCheck: true,
        noEmit: true,
        ...options,
      });
      return [...files].flatMap(([file, sample]) =>
        ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => {
          const line =
            diagnostic.file && diagnostic.start !== undefined
              ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
              : 0;
          return `${sample.where} (+${line}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
        }),
      );
    }

    it('TypeScript, strict', () => expect(problemsOf(['ts', 'tsx'], { strict: true })).toEqual([]));

    // Plain JavaScript has no annotations: checked for unknown modules, names and API misuse.
    it('JavaScript', () => expect(problemsOf(['js'], { allowJs: true, checkJs: true })).toEqual([]));
  });

  it('every shell sample is marked: run (and it runs, from the repository root) or skip with the reason', () => {
    const shell = samples.filter((sample) => sample.lang === 'sh');
    expect(
      shell.filter((sample) => !(sample.marker === 'run' || /^skip: \S/.test(sample.marker ?? ''))).map((sample) => sample.where),
    ).toEqual([]);
    for (const sample of shell.filter((candidate) => candidate.marker === 'run')) {
      expect(
        () => execFileSync('sh', ['-e', '-c', sample.code], { cwd: root, stdio: 'pipe', timeout: 60_000 }),
        sample.where,
      ).not.toThrow();
    }
  });
});
