import { rewardsConfigSchema, type RewardsConfig } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RewardsPage } from './rewards.js';

/**
 * The page against a stand-in for the collector's `/v1/admin/rewards-program`: it records every
 * request exactly as sent and answers as the collector does (the route's own behaviour is proven
 * against the real app in the collector's admin-rewards-program tests).
 */
const stored = rewardsConfigSchema.parse({
  rules: [
    { id: 'export', title: 'Export a report', on: { type: 'event', event: 'report_exported' }, points: 50 },
    { id: 'login', title: 'Log in', on: { type: 'event', event: 'logged_in', source: 'client' }, points: 5, caps: { perDay: 1 } },
  ],
  tiers: [{ id: 'bronze', name: 'Bronze', minPoints: 0 }],
  catalog: [{ id: 'tee', name: 'T-shirt', cost: 80, stock: 10 }],
});

interface Sent {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

let sent: Sent[] = [];
let answerPut: (body: unknown) => Response;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const record = (program: RewardsConfig | null, version: number) => ({ program, version, updatedAt: null, updatedBy: null });

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => {
  sent = [];
  answerPut = (body) => json(200, record(rewardsConfigSchema.parse(body), 4));
  vi.stubGlobal('fetch', async (request: Request) => {
    const text = await request.text();
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname,
      ifMatch: request.headers.get('If-Match'),
      body: text ? JSON.parse(text) : undefined,
    });
    return request.method === 'PUT' ? answerPut(JSON.parse(text)) : json(200, record(stored, 3));
  });
});
afterEach(() => {
  act(() => render(null, host));
  vi.unstubAllGlobals();
});

/** Lets the fake collector answer and the page re-render. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
async function open() {
  act(() => render(<RewardsPage />, host));
  await settle();
  await settle();
}
function type(id: string, text: string) {
  const input = host.querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`no #${id}`);
  input.value = text;
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}
async function click(name: string) {
  const button = [...host.querySelectorAll('button')].find((candidate) => candidate.textContent === name);
  if (!button) throw new Error(`no button "${name}"`);
  act(() => button.click());
  await settle();
  await settle();
}
const status = () => host.querySelector('[role="status"].message')?.textContent;

describe('<RewardsPage>', () => {
  it('loads the program, and a valid edit sends exactly the edited program with the loaded version', async () => {
    await open();
    expect(sent).toEqual([{ method: 'GET', path: '/v1/admin/rewards-program', ifMatch: null, body: undefined }]);
    expect(host.textContent).toContain(
      'Saved program: 2 earning rules · 0 badges · 1 tier · 1 catalog item · referrals off · points never expire.',
    );
    type('rw-rules-0-points', '75');
    await click('Add catalog item');
    type('rw-catalog-1-id', 'mug');
    type('rw-catalog-1-name', 'Mug');
    type('rw-catalog-1-cost', '40');
    await click('Save program');
    const expected = JSON.parse(JSON.stringify(stored));
    expected.rules[0].points = 75;
    expected.catalog.push({ id: 'mug', name: 'Mug', cost: 40 });
    expect(sent[1]).toStrictEqual({ method: 'PUT', path: '/v1/admin/rewards-program', ifMatch: '"3"', body: expected });
    expect(status()).toBe('Saved (settings version 4). The new program applies from the next request: no restart needed.');
  });

  it('sends nothing while the schema refuses a field, and lists each problem with a link to it', async () => {
    await open();
    type('rw-rules-0-points', '-1');
    type('rw-catalog-0-stock', '-3');
    await click('Save program');
    expect(sent.map((request) => request.method)).toEqual(['GET']);
    expect(host.querySelector('#rw-rules-0-points-error')?.textContent).toBe('points must be greater than 0');
    expect(host.querySelector('#rw-catalog-0-stock-error')?.textContent).toMatch(/>=0/);
    expect(document.activeElement?.id).toBe('rw-errors-title');
    expect(status()).toBe('Not saved: fix the 2 problems listed above the form.');
    act(() => host.querySelector<HTMLAnchorElement>('.error-summary a')?.click());
    expect(document.activeElement?.id).toBe('rw-rules-0-points');
  });

  it("shows the collector's field errors at the field when it refuses the program", async () => {
    answerPut = () =>
      json(400, {
        error: {
          code: 'invalid_rewards_program',
          message: 'The rewards program is not valid; see issues.',
          issues: [{ path: 'catalog.0.name', message: 'already sold out elsewhere' }],
        },
      });
    await open();
    await click('Save program');
    expect(host.querySelector('#rw-catalog-0-name-error')?.textContent).toBe('already sold out elsewhere');
    expect(status()).toBe('Not saved: The rewards program is not valid; see issues.');
  });

  it('on 409 says someone changed it meanwhile and offers to reload', async () => {
    answerPut = () =>
      json(409, {
        error: {
          code: 'version_conflict',
          message: 'The settings changed meanwhile (now version 5); reload them and apply your change again.',
        },
      });
    await open();
    type('rw-rules-0-points', '99');
    await click('Save program');
    expect(status()).toContain('Not saved: The settings changed meanwhile (now version 5)');
    expect(status()).toContain('Reload to see the current program');
    await click('Reload the program');
    expect(sent.map((request) => request.method)).toEqual(['GET', 'PUT', 'GET']);
    expect(host.querySelector<HTMLInputElement>('#rw-rules-0-points')?.value).toBe('50');
    expect([...host.querySelectorAll('button')].some((button) => button.textContent === 'Reload the program')).toBe(false);
  });

  it('offers to create a program when the project has none', async () => {
    vi.stubGlobal('fetch', async () => json(200, record(null, 0)));
    await open();
    expect(host.textContent).toContain('No rewards program');
    await click('Create a rewards program');
    expect(host.querySelector('form.rewards-editor')).not.toBeNull();
    expect(host.textContent).toContain('No earning rules: nobody earns points yet.');
  });
});
