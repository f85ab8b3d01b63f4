import { errorBodySchema } from '@hearth/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { seedPrompts } from '../../seed-prompts.js';
import type { Store } from '../../storage/store.js';
import { bothStores } from '../../test-support/both-stores.js';
import { NOW, ORIGIN, PUBLIC_KEY, SECRET, batch, post, testApp, testConfig, trackEvent } from '../../test-support/http.js';
import { npsInput } from '../../test-support/surveys.js';
import { NO_DNS, PROGRAM } from '../../test-support/rewards-test-app.js';
import { TARGETS, type HostileTarget } from './hostile-targets.js';
import { HOSTILE_KEYS, HOSTILE_VALUES, hostileUriComponent, type HostileValue } from './hostile-values.js';

// Identity enforcement is set explicitly (the suite is about storage, not identity), and rate
// limits are out of the way: every hostile request must reach validation and the store.
const config = testConfig(
  { prompts: [npsInput()], rewards: PROGRAM, identityVerification: { enforce: false } },
  { rateLimit: { perProjectPerSecond: 1e9, perClientPerSecond: 1e9 } },
);

const kinds = bothStores('hearth_hostile');
const apps: { name: string; store: Store; app: ReturnType<typeof testApp>['app']; validIds: string[] }[] = [];

beforeAll(async () => {
  for (const kind of kinds) {
    const store = await kind.open();
    await seedPrompts(store, parseConfig(config), NOW);
    const { app } = testApp({ store, config, webhookDelivery: NO_DNS });
    apps.push({ name: kind.name, store, app, validIds: [] });
  }
});

const stringOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function setAt(root: Record<string, unknown>, field: string, value: unknown, asKey: boolean) {
  const keys = field === '(root)' ? [] : field.split('.');
  const last = asKey ? null : keys.pop()!;
  let node: Record<string, unknown> = root;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  // defineProperty: a plain assignment of "__proto__" would set the prototype, not a key.
  Object.defineProperty(node, asKey ? String(value) : last!, {
    value: asKey ? 'v' : value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The request `target` makes with `value` injected, identical for both stores. */
function hostileRequest(target: HostileTarget, value: unknown, id: string): { url: string; init: RequestInit } {
  const { route } = target;
  const body = route.body?.(id);
  const query: Record<string, string> = { ...(route.auth === 'public' ? { key: PUBLIC_KEY } : {}), ...route.query?.(id) };
  const params: Record<string, string> = { project: 'acme', userId: `user-${id}`, promptId: 'nps' };
  if (target.in === 'body' || target.in === 'key') setAt(body!, target.field, value, target.in === 'key');
  if (target.in === 'query') query[target.field] = stringOf(value);
  if (target.in === 'path') params[target.field] = stringOf(value);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => hostileUriComponent(params[name]!));
  const search = Object.entries(query)
    .map(([k, v]) => `${hostileUriComponent(k)}=${hostileUriComponent(v)}`)
    .join('&');
  const headers: Record<string, string> =
    route.auth === 'public'
      ? { Origin: ORIGIN, 'Content-Type': 'text/plain;charset=UTF-8' }
      : { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' };
  return {
    url: search ? `${path}?${search}` : path,
    init: { method: route.method, headers, ...(body ? { body: JSON.stringify(body) } : {}) },
  };
}

/** Where the issue naming the injected field must point. */
function expectedIssuePath(target: HostileTarget, value: unknown): (path: string) => boolean {
  if (target.in === 'path') return (path) => path === '(path)';
  if (target.in === 'query') return (path) => path === target.field;
  if (target.in === 'body') return (path) => path === target.field;
  const prefix = target.field === '(root)' ? '' : `${target.field}.`;
  return (path) => path.startsWith(prefix) && path.length > prefix.length && String(value).length > 0;
}

/** Unstorable text survives only where percent-decoding can produce it: a NUL, not a lone surrogate. */
const mustRefuse = (target: HostileTarget, hostile: HostileValue) =>
  hostile.unstorable === true && (target.in === 'body' || target.in === 'key' || String(hostile.value).includes('\u0000'));

let sequence = 0;

describe.each(TARGETS.map((target) => ({ target, title: `${target.route.name} ${target.in} ${target.field}` })))(
  'hostile input: $title',
  ({ target }) => {
    const values = target.in === 'key' ? HOSTILE_KEYS : HOSTILE_VALUES;
    it('gets the same answer from both stores, never a 5xx; unstorable text is refused naming the field; valid requests alongside are stored', async () => {
      for (const hostile of values) {
        const id = `h${(sequence++).toString().padStart(5, '0')}`;
        const answers = await Promise.all(
          apps.map(async (entry) => {
            const { url, init } = hostileRequest(target, hostile.value, id);
            const valid = trackEvent({ messageId: `msg_valid_${id}`, anonymousId: `valid-${id}` });
            const [res, alongside] = await Promise.all([entry.app.request(url, init), post(entry.app, batch([valid]))]);
            expect(alongside.status, `${entry.name}: a valid batch next to ${hostile.name}`).toBe(200);
            entry.validIds.push(valid.messageId);
            const text = await res.text();
            return { status: res.status, body: res.status >= 300 ? text : '' };
          }),
        );
        const [sqlite, postgres] = answers as [{ status: number; body: string }, { status: number; body: string }];
        const label = `${hostile.name} → sqlite ${sqlite.status} ${sqlite.body.slice(0, 300)}`;
        expect(sqlite.status, label).toBeLessThan(500);
        expect(postgres, `${hostile.name}: postgres differs`).toEqual(sqlite);
        if (mustRefuse(target, hostile)) {
          expect(sqlite.status, label).toBe(400);
          const issues = errorBodySchema.parse(JSON.parse(sqlite.body)).error.issues ?? [];
          expect(
            issues.some((issue) => expectedIssuePath(target, hostile.value)(issue.path)),
            label,
          ).toBe(true);
        }
      }
    });
  },
);

describe('after the hostile corpus', () => {
  it('every valid batch sent alongside is stored in both stores, and no prototype was polluted', async () => {
    for (const { name, store, validIds } of apps) {
      const stored = new Set((await store.listEvents('acme')).map((event) => event.messageId));
      expect(
        validIds.filter((id) => !stored.has(id)),
        name,
      ).toEqual([]);
      expect(validIds.length, name).toBeGreaterThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
