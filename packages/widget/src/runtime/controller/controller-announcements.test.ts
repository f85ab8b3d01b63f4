import type { UserState } from '@hearth/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunks, createChunkLoader } from '../../core/registry.js';
import { itemFixture, stateFixture } from '../../widgets/announcements/fixtures.js';
import { checklistFixture } from '../../widgets/checklist/fixtures.js';
import { bellCorner } from '../../widgets/announcements/placement.js';
import { createController, type ControllerOptions } from './index.js';

const STATE_URL = 'https://hearth.test/v1/state?key=pk_test&anonymousId=a1&userId=u1&locale=en';

let active: ReturnType<typeof createController> | undefined;
afterEach(() => {
  active?.destroy();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function setup(options: Partial<ControllerOptions> = {}) {
  const track = vi.fn();
  const controller = createController({
    load: createChunkLoader(chunks),
    track,
    post: vi.fn(),
    path: '/',
    stateUrl: () => STATE_URL,
    ...options,
  });
  active = controller;
  return { controller, track };
}

const roots = () => [...document.querySelectorAll('hearth-root')].map((host) => host.shadowRoot!);
const bellRoot = () => roots().find((root) => root.querySelector('[aria-controls="hearth-news"]'));
const badge = () => bellRoot()?.querySelector('.badge')?.textContent ?? null;
const news = (announcements?: UserState['announcements'], prompts: UserState['prompts'] = []): UserState => ({
  prompts,
  ...(announcements ? { announcements } : {}),
});

describe('announcements in the prompt controller', () => {
  it('puts the bell on the other side of the checklist launcher, updates it in place and removes it when there is no news', async () => {
    const { controller } = setup({ corner: 'bottom-right' });
    controller.update(news(stateFixture({ unread: 2 }), [checklistFixture()]));
    await vi.waitFor(() => expect(badge()).toBe('2'));
    await vi.waitFor(() => expect(roots()).toHaveLength(2));
    const corners = roots()
      .map((root) => root.querySelector('.float')?.getAttribute('data-corner'))
      .sort();
    expect(corners).toEqual(['bottom-left', 'bottom-right']);
    expect(bellRoot()!.querySelector('.float')?.getAttribute('data-corner')).toBe('bottom-left');

    const bell = bellRoot()!.querySelector('[aria-controls="hearth-news"]');
    controller.update(news(stateFixture({ unread: 0 }), [checklistFixture()]));
    await vi.waitFor(() => expect(badge()).toBeNull());
    expect(bellRoot()!.querySelector('[aria-controls="hearth-news"]')).toBe(bell);

    controller.update(news(undefined, [checklistFixture()]));
    await vi.waitFor(() => expect(bellRoot()).toBeUndefined());
  });

  it('mirrors every corner horizontally', () => {
    expect([bellCorner('bottom-right'), bellCorner('bottom-left'), bellCorner('top-right'), bellCorner('top-left'), bellCorner()]).toEqual([
      'bottom-left',
      'bottom-right',
      'top-left',
      'top-right',
      'bottom-left',
    ]);
  });

  it('fetches the next feed page from /v1/announcements with the state query plus before', async () => {
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify({ items: [itemFixture('older', { title: 'Older news' })] })));
    vi.stubGlobal('fetch', fetch);
    const { controller } = setup();
    controller.update(news(stateFixture({ nextCursor: 'cursor-1' })));
    await vi.waitFor(() => expect(bellRoot()).toBeDefined());
    (bellRoot()!.querySelector('[aria-controls="hearth-news"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(bellRoot()!.querySelector('.more')).not.toBeNull());
    (bellRoot()!.querySelector('.more') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(bellRoot()!.textContent).toContain('Older news'));
    const url = new URL(fetch.mock.calls[0]![0]);
    expect(url.origin + url.pathname).toBe('https://hearth.test/v1/announcements');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      key: 'pk_test',
      anonymousId: 'a1',
      userId: 'u1',
      locale: 'en',
      before: 'cursor-1',
    });
  });

  it('renders the feed inside an inline [data-hearth="announcements"] mount point', async () => {
    const container = document.createElement('div');
    container.dataset.hearth = 'announcements';
    document.body.append(container);
    setup().controller.update(news(stateFixture()));
    await vi.waitFor(() => expect(container.shadowRoot?.textContent).toContain('Title b'));
    expect(document.querySelector('hearth-root')).toBeNull();
  });
});
