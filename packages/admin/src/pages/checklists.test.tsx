import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '../models/session.js';
import { ChecklistsPage } from './checklists.js';

/**
 * The list against a stand-in for the collector's prompt and KPI routes: it records what the
 * page sends and answers as the collector does (the routes themselves are proven against the
 * real app in the collector's admin-prompts tests).
 */
const record = (id: string, kind: string, status: string, version: number) => ({
  prompt: { id, kind, status, name: id },
  version,
  origin: 'api',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
});
const stored = [record('welcome', 'checklist', 'draft', 2), record('tour', 'checklist', 'live', 5), record('nps', 'survey', 'live', 1)];

const signedInAs = (role: 'editor' | 'viewer') =>
  startSession({
    signedIn: true,
    csrfToken: 'csrf',
    expiresAt: '2026-11-03T00:00:00.000Z',
    user: { id: 'acc_1', email: 'ed@acme.test', name: 'Ed' },
    projects: [{ id: 'acme', name: 'Acme', role }],
  });

let sent: { method: string; path: string; ifMatch: string | null }[] = [];
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => {
  sent = [];
  // An editor: the row actions are for people whose role may change prompts.
  signedInAs('editor');
  vi.stubGlobal('fetch', async (request: Request) => {
    const path = new URL(request.url).pathname;
    sent.push({ method: request.method, path, ifMatch: request.headers.get('If-Match') });
    if (path === '/v1/admin/prompts') return json({ prompts: stored });
    if (path.startsWith('/v1/admin/kpi/checklists/')) return json({ shown: 12, completionRate: 0.25 });
    const action = /^\/v1\/admin\/prompts\/([^/]+)\/(publish|pause|archive)$/.exec(path);
    if (action) return json(record(action[1]!, 'checklist', { publish: 'live', pause: 'draft', archive: 'archived' }[action[2]!]!, 3));
    if (path === '/v1/admin/prompts/archive') return json({ archived: ['welcome', 'tour'], notFound: [] });
    return new Response(null, { status: 404 });
  });
});
afterEach(() => {
  act(() => render(null, host));
  vi.unstubAllGlobals();
});

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));
const rowOf = (id: string) => [...host.querySelectorAll('tbody tr')].find((row) => row.querySelector('.hint')?.textContent === id);
const buttonsOf = (id: string) => [...(rowOf(id)?.querySelectorAll('button') ?? [])].map((button) => button.textContent);

describe('<ChecklistsPage>', () => {
  it('lists only checklists, each with publish or pause, duplicate and archive for its status', async () => {
    act(() => render(<ChecklistsPage />, host));
    await settle();
    await settle();
    expect([...host.querySelectorAll('tbody tr .hint')].map((cell) => cell.textContent).sort()).toEqual(['tour', 'welcome']);
    expect(buttonsOf('welcome')).toEqual(['Publish welcome', 'Duplicate welcome', 'Archive welcome']);
    expect(buttonsOf('tour')).toEqual(['Pause tour', 'Duplicate tour', 'Archive tour']);
    expect(rowOf('tour')?.textContent).toContain('25');
  });

  it('publishes from the list, conditional on the listed version, and says so', async () => {
    act(() => render(<ChecklistsPage />, host));
    await settle();
    await settle();
    sent = [];
    act(() => rowOf('welcome')!.querySelector('button')!.click());
    await settle();
    await settle();
    expect(sent[0]).toEqual({ method: 'POST', path: '/v1/admin/prompts/welcome/publish', ifMatch: '"2"' });
    expect(host.querySelector('[role="status"].message')?.textContent).toBe('Published “welcome” (version 3).');
  });

  it('archives the ticked rows in one request', async () => {
    act(() => render(<ChecklistsPage />, host));
    await settle();
    await settle();
    const archiveSelected = () => [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Archive selected'))!;
    expect(archiveSelected().disabled).toBe(true);
    act(() => (host.querySelector('input[aria-label="Select all checklists shown"]') as HTMLInputElement).click());
    expect(archiveSelected().textContent).toBe('Archive selected (2)');
    sent = [];
    act(() => archiveSelected().click());
    await settle();
    await settle();
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/v1/admin/prompts/archive' });
    expect(host.querySelector('[role="status"].message')?.textContent).toBe('Archived 2 of 2.');
  });

  it('offers a viewer no row actions (the collector would refuse them)', async () => {
    signedInAs('viewer');
    act(() => render(<ChecklistsPage />, host));
    await settle();
    await settle();
    expect(buttonsOf('welcome')).toEqual([]);
    expect(buttonsOf('tour')).toEqual([]);
  });
});
