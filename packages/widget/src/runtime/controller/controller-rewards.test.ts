import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunks, createChunkLoader } from '../../core/registry.js';
import { rewardsFixture } from '../../widgets/rewards/fixtures.js';
import { createController, type ControllerOptions } from './index.js';

const STATE_URL = 'https://hearth.test/v1/state?key=pk_test&anonymousId=a1&userId=ada&userToken=tok';

let active: ReturnType<typeof createController> | undefined;
afterEach(() => {
  active?.destroy();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function setup() {
  const container = document.createElement('div');
  container.dataset.hearth = 'rewards';
  document.body.append(container);
  const load = createChunkLoader(chunks) as ControllerOptions['load'];
  active = createController({ load, track: vi.fn(), post: vi.fn(), path: '/', stateUrl: () => STATE_URL });
  const balance = () => container.shadowRoot?.querySelector('.balance')?.textContent;
  return { controller: active, container, balance };
}

describe('prompt controller: rewards', () => {
  it('mounts the rewards panel inline, updates the balance in place, and takes it away when rewards are gone', async () => {
    const { controller, container, balance } = setup();
    controller.update({ prompts: [], rewards: rewardsFixture() });
    await vi.waitFor(() => expect(balance()).toBe('1,250 points'));
    const panel = container.shadowRoot!.querySelector('section');
    controller.update({ prompts: [], rewards: { ...rewardsFixture(), balance: 1_300 } });
    await vi.waitFor(() => expect(balance()).toBe('1,300 points'));
    expect(container.shadowRoot!.querySelector('section')).toBe(panel);
    controller.update({ prompts: [] });
    await vi.waitFor(() => expect(container.shadowRoot?.querySelector('section') ?? null).toBeNull());
  });

  it('moves the panel into a rewards mount point rendered again by a single-page app', async () => {
    const { controller, container } = setup();
    controller.update({ prompts: [], rewards: rewardsFixture() });
    await vi.waitFor(() => expect(container.shadowRoot?.querySelector('.balance')?.textContent).toBe('1,250 points'));
    container.remove();
    const back = document.body.appendChild(document.createElement('div'));
    back.dataset.hearth = 'rewards';
    await vi.waitFor(() => expect(back.shadowRoot?.querySelector('.balance')?.textContent).toBe('1,250 points'));
  });

  it("redeems with the state URL's key and identity as text/plain, then shows the fresh rewards state", async () => {
    const fresh = {
      ...rewardsFixture(),
      balance: 750,
      history: [{ id: 'redeem:r1', amount: -500, reason: 'Redeemed: Mug', at: '2026-11-22T12:00:00.000Z' }],
    };
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === 'POST' ? Response.json({ status: 'created', balance: 750 }, { status: 201 }) : Response.json(fresh),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { controller, container, balance } = setup();
    controller.update({ prompts: [], rewards: rewardsFixture() });
    await vi.waitFor(() => expect(balance()).toBe('1,250 points'));
    const buttons = () => [...container.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
    buttons()
      .find((b) => b.getAttribute('aria-label')?.startsWith('Redeem:') && !b.disabled)!
      .click();
    await vi.waitFor(() => expect(buttons().some((b) => b.textContent === 'Confirm')).toBe(true));
    buttons()
      .find((b) => b.textContent === 'Confirm')!
      .click();
    await vi.waitFor(() => expect(container.shadowRoot!.textContent).toContain('Redeemed: Mug'));
    expect(balance()).toBe('750 points');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://hearth.test/v1/rewards/redeem?key=pk_test');
    expect(init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
    expect(JSON.parse(String(init?.body))).toMatchObject({
      userId: 'ada',
      userToken: 'tok',
      itemId: expect.any(String),
      requestId: expect.any(String),
    });
    expect(fetchMock.mock.calls[1]![0]).toBe('https://hearth.test/v1/rewards?key=pk_test&anonymousId=a1&userId=ada&userToken=tok');
  });
});
