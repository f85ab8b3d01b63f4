import { beforeEach, describe, expect, it } from 'vitest';
import { installStub, type StubWindow } from './snippet.js';

// A stand-in document: the injected script is inspected, never fetched.
let appended: Array<Record<string, unknown>>;
let doc: Document;
beforeEach(() => {
  appended = [];
  doc = { createElement: () => ({}), head: { appendChild: (el: Record<string, unknown>) => appended.push(el) } } as unknown as Document;
});

describe('snippet stub', () => {
  it('queues calls in order and injects the core as an async module script', () => {
    const w: StubWindow = {};
    installStub(w, doc, 'https://c.test/sdk/hearth.js');
    w.Hearth?.('init', { projectKey: 'pk_test_1234' });
    w.Hearth?.('track', 'clicked', { n: 1 });
    expect(w.Hearth?.q?.map((args) => Array.from(args as ArrayLike<unknown>))).toEqual([
      ['init', { projectKey: 'pk_test_1234' }],
      ['track', 'clicked', { n: 1 }],
    ]);
    expect(appended).toEqual([{ type: 'module', async: true, src: 'https://c.test/sdk/hearth.js' }]);
  });

  it('leaves an existing Hearth alone (pasted twice)', () => {
    const existing = Object.assign(() => {}, { q: [] });
    const w: StubWindow = { Hearth: existing };
    installStub(w, doc, 'https://c.test/sdk/hearth.js');
    expect(w.Hearth).toBe(existing);
    expect(appended).toEqual([]);
  });
});
