import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '../models/session.js';
import { navigate, route } from '../router.js';
import { AnnouncementEditor } from './announcement-editor.js';
import { ChecklistEditor } from './checklist-editor.js';

/**
 * What the editors can express beyond typing a name, against a stand-in for the collector's admin
 * routes that records what the console sends (the routes themselves are proven against the real
 * app in the collector's tests).
 */
const VOCABULARY = {
  events: ['Project Created', 'Teammate Invited'],
  traits: ['plan', 'role'],
  accountTraits: ['plan', 'region', 'seats'],
};
const PARSED_BODY = [{ type: 'paragraph', children: [{ type: 'text', value: 'Switch it on in Settings.' }] }];

let sent: { method: string; path: string; body: unknown }[] = [];
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const host = document.createElement('div');
document.body.append(host);

beforeEach(() => {
  sent = [];
  startSession({
    signedIn: true,
    csrfToken: 'csrf',
    expiresAt: '2026-11-03T00:00:00.000Z',
    user: { id: 'acc_1', email: 'ed@acme.test', name: 'Ed' },
    projects: [{ id: 'acme', name: 'Acme', role: 'editor' }],
  });
  vi.stubGlobal('fetch', async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'GET' ? null : await request.json();
    sent.push({ method: request.method, path, body });
    if (path === '/v1/admin/vocabulary') return json(VOCABULARY);
    if (path === '/v1/admin/announcements/preview') {
      const { content } = body as { content: { title: string } };
      return json({ texts: { en: { title: content.title, body: PARSED_BODY } }, warnings: [] });
    }
    if (path === '/v1/admin/prompts' && request.method === 'POST') {
      const prompt = body as { id: string };
      return json({ prompt: { ...prompt, status: 'draft' }, version: 1, origin: 'api', createdAt: '', updatedAt: '' }, 201);
    }
    return new Response(null, { status: 404 });
  });
});
afterEach(() => {
  act(() => render(null, host));
  vi.unstubAllGlobals();
});

const $ = <E extends Element = HTMLInputElement>(selector: string) => host.querySelector<E>(selector);
const fill = (selector: string, value: string) => {
  const input = $<HTMLInputElement | HTMLSelectElement>(selector);
  if (!input) throw new Error(`no ${selector}`);
  input.value = value;
  act(() => void input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true })));
};
const click = (text: string) => {
  const button = [...host.querySelectorAll('button')].find((candidate) => candidate.textContent === text);
  if (!button) throw new Error(`no button "${text}"`);
  act(() => button.click());
};
const settle = (ms = 0) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const submit = () => act(() => void $('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));

describe('checklist items complete on more than a typed event name', () => {
  it('an event with a property condition, or a trait condition, is what the collector receives', async () => {
    act(() => render(<ChecklistEditor id={null} />, host));
    fill('#id', 'admin-setup');
    fill('#title', 'Set up your workspace');
    fill('#item-0-title', 'Invite an admin');
    fill('#item-0-event', 'Teammate Invited');
    click('Add property');
    fill('#rw-item-0-where-0-property', 'role');
    fill('#rw-item-0-where-0-value', 'admin');
    click('Add item');
    fill('#item-1-title', 'Choose a plan');
    fill('#item-1-done-by', 'trait');
    fill('#item-1-trait', 'plan');
    fill('#item-1-trait-op', 'equals');
    fill('#item-1-trait-value', 'pro');
    await submit();
    await settle();

    const created = sent.find((call) => call.method === 'POST' && call.path === '/v1/admin/prompts');
    const items = (created?.body as { content: { items: { completeWhen: unknown }[] } }).content.items;
    expect(items.map((item) => item.completeWhen)).toEqual([
      { type: 'event', event: 'Teammate Invited', where: { role: 'admin' } },
      { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
    ]);
  });

  it('event and trait names are suggested from what the project has received', async () => {
    act(() => render(<ChecklistEditor id={null} />, host));
    await settle();
    const options = (list: string) => [...host.querySelectorAll(`datalist#${list} option`)].map((option) => option.getAttribute('value'));
    expect(options('known-events')).toEqual(VOCABULARY.events);
    expect(options('known-traits')).toEqual(VOCABULARY.traits);
    expect($('#item-0-event')!.getAttribute('list')).toBe('known-events');
    fill('#item-0-done-by', 'trait');
    expect($('#item-0-trait')!.getAttribute('list')).toBe('known-traits');
    // Account trait keys come from the same server vocabulary, not from a page of accounts.
    expect(options('known-account-traits')).toEqual(VOCABULARY.accountTraits);
    expect(sent.map((call) => call.path)).not.toContain('/v1/admin/accounts');
  });
});

describe('checklist holdout', () => {
  it('sends the control group percent, none when empty, and names the field when it is out of bounds', async () => {
    const created = () => sent.filter((call) => call.method === 'POST' && call.path === '/v1/admin/prompts').map((call) => call.body);
    act(() => render(<ChecklistEditor id={null} />, host));
    fill('#id', 'admin-setup');
    fill('#title', 'Set up your workspace');
    fill('#item-0-title', 'Create a project');
    fill('#item-0-event', 'Project Created');
    fill('#holdout-percent', '60');
    await submit();
    await settle();
    expect(created()).toEqual([]);
    expect($('#holdout-percent')!.getAttribute('aria-invalid')).toBe('true');
    expect(host.textContent).toContain('holdout.percent must be at most 50');

    fill('#holdout-percent', '10');
    await submit();
    await settle();
    expect(created()).toMatchObject([{ id: 'admin-setup', holdout: { percent: 10 } }]);
  });

  it('sends no holdout when the field is empty', async () => {
    act(() => render(<ChecklistEditor id={null} />, host));
    fill('#id', 'plain-setup');
    fill('#title', 'Set up');
    fill('#item-0-title', 'Create a project');
    fill('#item-0-event', 'Project Created');
    await submit();
    await settle();
    const [body] = sent.filter((call) => call.method === 'POST' && call.path === '/v1/admin/prompts').map((call) => call.body);
    expect(body).toMatchObject({ id: 'plain-setup' });
    expect(body).not.toHaveProperty('holdout');
  });
});

describe('announcement editor', () => {
  it('previews the unsaved draft with the text the collector parsed, before the first save', async () => {
    act(() => render(<AnnouncementEditor id={null} />, host));
    fill('#id', 'dark-mode');
    fill('#title', 'Dark mode is here');
    fill('#body', 'Switch it on in **Settings**.');
    // The draft goes to the collector once typing pauses; nothing is stored.
    await settle(400);
    await settle();
    expect(sent.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/v1/admin/announcements/preview']);
    const preview = $<HTMLElement>('[data-testid="preview"]')!;
    // The widget's feed mounts in the preview box once its code has loaded.
    await vi.waitFor(() => expect(preview.shadowRoot?.textContent ?? '').toContain('Dark mode is here'), { timeout: 5000 });
    expect(preview.shadowRoot?.textContent).toContain('Switch it on in Settings.');
    expect($('.error-summary')).toBeNull();
  });
});

describe('unsaved-change guard', () => {
  it('asks before leaving an edited draft, stays when the person says no, and does not ask for an untouched one', () => {
    const asked: string[] = [];
    let answer = false;
    vi.stubGlobal('confirm', (question: string) => (asked.push(question), answer));
    act(() => navigate('templates/onboarding-by-role'));
    act(() => render(<ChecklistEditor id={null} />, host));

    act(() => navigate('prompts'));
    expect(asked).toEqual([]);
    expect(route.value).toBe('prompts');

    // A fresh editor, as the console mounts one per visit.
    act(() => render(null, host));
    act(() => render(<ChecklistEditor id={null} />, host));
    fill('#title', 'Half-written');
    act(() => navigate('prompts/surveys'));
    expect(asked).toEqual(['This page has unsaved changes. Leave without saving them?']);
    expect(route.value).toBe('prompts');

    answer = true;
    act(() => navigate('prompts/surveys'));
    expect(route.value).toBe('prompts/surveys');
  });
});
