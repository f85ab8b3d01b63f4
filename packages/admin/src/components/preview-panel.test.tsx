import { checklistPromptSchema } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Explanation } from '../api/prompts.js';
import type { SearchParams, UserPage } from '../api/users.js';
import { checklistPreviewState } from '../preview/preview-state.js';
import type { PreviewApi } from '../preview/preview-user.js';
import { PreviewPanel } from './preview-panel.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => act(() => render(null, host)));

const prompt = checklistPromptSchema.parse({
  id: 'onboarding',
  kind: 'checklist',
  content: {
    title: 'Hi {{user.firstName | "there"}}',
    items: [{ id: 'create', title: 'Create a {{user.plan}} project', completeWhen: { type: 'event', event: 'Project Created' } }],
  },
  translations: { fr: { title: 'Salut {{user.firstName}}' } },
});
const ada = {
  userId: 'usr_ada',
  traits: { firstName: 'Ada', plan: 'team', locale: 'fr-CA' },
  firstSeen: '2026-01-01T00:00:00Z',
  lastSeen: '2026-01-02T00:00:00Z',
};

/** A collector that knows one user and explains "not shown" for anyone: records what it was asked. */
function fakeApi() {
  const searches: SearchParams[] = [];
  const explained: string[] = [];
  const api: PreviewApi = {
    search: (params) => (
      searches.push(params),
      Promise.resolve<UserPage>({ users: params.trait === 'plan:team' ? [ada] : [], nextCursor: null })
    ),
    explain: (promptId, userId) => (
      explained.push(`${promptId}:${userId}`),
      Promise.resolve<Explanation>({
        promptId,
        showing: false,
        summary: `"${promptId}" is not shown to this user because audience: plan is "team"`,
        subject: { userId },
        at: '',
        steps: [{ step: 'audience', ok: false, reason: 'plan is "team"' }],
      })
    ),
  };
  return { api, searches, explained };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !check(); i += 1) await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}
const preview = () => host.querySelector('[data-testid="preview"]')?.shadowRoot?.textContent ?? '';
const buttonNamed = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const type = (selector: string, value: string) => {
  const input = host.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
};
const submit = (selector: string) =>
  act(() => void host.querySelector(selector)!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));

describe('<PreviewPanel> for the sample or a chosen real user', () => {
  it('fills placeholders from the sample user, then from a user found by trait, in their locale, and explains it for them', async () => {
    const { api, searches, explained } = fakeApi();
    const target = (locale: string) => ({ kind: 'checklist' as const, state: checklistPreviewState(prompt, locale) });
    act(() => render(<PreviewPanel locales={['en', 'fr']} target={target} explainFor="onboarding" api={api} />, host));
    await until(() => preview().includes('Hi Sam'), 'the sample user');
    expect(preview()).toContain('Create a pro project');
    expect(host.querySelector('[data-testid="preview-user"]')?.textContent).toBe('Sample user');
    // No real user yet: nothing to explain, and the collector was not asked.
    expect(explained).toEqual([]);

    type('#preview-find', 'plan:team');
    submit('form[role="search"]');
    await until(() => buttonNamed('Preview as usr_ada') !== undefined, 'the search result');
    expect(searches).toEqual([{ trait: 'plan:team' }]);
    act(() => buttonNamed('Preview as usr_ada')!.click());

    await until(() => preview().includes('Salut Ada'), "Ada's preview in French");
    expect(preview()).toContain('Create a team project');
    expect(host.querySelector<HTMLSelectElement>('#preview-locale')?.value).toBe('fr');
    expect(host.querySelector('[data-testid="preview-user"]')?.textContent).toBe('usr_ada (Ada)');
    await until(() => host.textContent?.includes('Not shown:') ?? false, 'the explanation');
    expect(explained).toEqual(['onboarding:usr_ada']);
    expect(host.querySelector<HTMLInputElement>('#explain-user')?.value).toBe('usr_ada');
    expect(host.textContent).toContain('audience (fails): plan is "team"');

    act(() => buttonNamed('Use the sample user')!.click());
    await until(() => preview().includes('Salut Sam'), 'the sample user again');
  });

  it('names a malformed trait search at the field and does not call the collector', () => {
    const { api, searches } = fakeApi();
    act(() => render(<PreviewPanel locales={['en']} target={() => null} api={api} />, host));
    type('#preview-find', ':pro');
    submit('form[role="search"]');
    expect(host.querySelector('#preview-find-error')?.textContent).toBe('expected key:value, e.g. plan:pro');
    expect(searches).toEqual([]);
    expect(host.querySelector('#explain-user')).toBeNull();
  });
});
