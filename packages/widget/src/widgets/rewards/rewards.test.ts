import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rewardsFixture } from './fixtures.js';
import { mountRewards, type MountRewardsOptions, type RedeemOutcome } from './index.js';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

async function setup(options: Partial<MountRewardsOptions> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const redeem = vi.fn(async (): Promise<RedeemOutcome> => ({ ok: true, balance: 450 }));
  const copy = vi.fn(async () => undefined);
  let handle!: Awaited<ReturnType<typeof mountRewards>>;
  await act(async () => {
    handle = await mountRewards({ container, state: rewardsFixture(), locale: 'en', redeem, copy, ...options });
  });
  const root = () => ('container' in options && !options.container ? document.querySelector('hearth-root')! : container).shadowRoot!;
  const $ = (selector: string) => root().querySelector<HTMLElement>(selector);
  const button = (name: string) =>
    [...root().querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  return { handle, redeem, copy, root, $, button };
}

const flush = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));

describe('rewards widget', () => {
  it('shows balance, tier progress, badges, ways to earn and history with locale numbers', async () => {
    const { $, root } = await setup();
    expect($('.balance')?.textContent).toBe('1,250 points');
    expect($('.tier')?.textContent).toBe('Tier: Silver');
    expect($('progress')?.getAttribute('value')).toBe('400');
    expect($('progress')?.getAttribute('max')).toBe('1000');
    expect($('.count')?.textContent).toBe('600 points to Gold');
    expect([...root().querySelectorAll('.badges li')].map((li) => li.getAttribute('data-earned'))).toEqual(['true', 'false']);
    expect($('.badges li[data-earned=false]')?.textContent).toContain('1/3');
    expect($('.badges li[data-earned=false]')?.textContent).toContain('locked');
    expect([...root().querySelectorAll('ol.rows .pts')].map((el) => el.textContent)).toEqual(['−500', '+1,750']);
  });

  it('speaks Norwegian in nb, with Norwegian numbers', async () => {
    const { $, button } = await setup({ locale: 'nb' });
    expect($('.root')?.getAttribute('dir')).toBe('ltr');
    expect($('.title')?.textContent).toBe('Belønninger');
    expect($('.balance')?.textContent?.replace(/\s/g, ' ')).toBe('1 250 poeng');
    expect($('.count')?.textContent).toBe('600 poeng til Gold');
    expect(button('Løs inn: T-shirt')).toBeDefined();
  });

  it('renders right-to-left in Arabic with Arabic strings and plurals', async () => {
    const { $, handle } = await setup({ locale: 'ar' });
    const arabic = new Intl.NumberFormat('ar');
    expect($('.root')?.getAttribute('dir')).toBe('rtl');
    expect($('.rw')?.getAttribute('dir')).toBe('rtl');
    expect($('.title')?.textContent).toBe('المكافآت');
    expect($('.balance')?.textContent).toBe(`${arabic.format(1250)} نقطة`);
    act(() => handle.update(rewardsFixture({ balance: 1 })));
    expect($('.balance')?.textContent).toBe('نقطة واحدة');
    act(() => handle.update(rewardsFixture({ balance: 2 })));
    expect($('.balance')?.textContent).toBe('نقطتان');
  });

  it('falls back to English for a locale it does not ship', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    const { $ } = await setup({ locale: 'tlh' });
    expect($('.root')?.getAttribute('lang')).toBe('en');
    expect($('.title')?.textContent).toBe('Rewards');
  });

  it('takes the browser language when no locale is given, and relocalizes on setContext', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nb-NO', 'en']);
    const { $, handle } = await setup({ locale: undefined });
    expect($('.title')?.textContent).toBe('Belønninger');
    await act(() => handle.setContext({ locale: 'id' }));
    expect($('.title')?.textContent).toBe('Hadiah');
    expect($('.balance')?.textContent).toBe(`${new Intl.NumberFormat('id').format(1250)} poin`);
  });

  it('updates in place when new state arrives', async () => {
    const { handle, $ } = await setup();
    const balance = $('.balance');
    act(() => handle.update(rewardsFixture({ balance: 1270 })));
    expect($('.balance')).toBe(balance);
    expect(balance?.textContent).toBe('1,270 points');
  });

  it('redeems after a confirm step, once per confirm, and announces the outcome', async () => {
    const { button, redeem, $, root } = await setup();
    act(() => button('Redeem: T-shirt')!.click());
    expect(redeem).not.toHaveBeenCalled();
    expect($('[role=group]')?.textContent).toContain('Redeem T-shirt for 800 points?');
    expect(root().activeElement).toBe(button('Confirm'));
    act(() => button('Confirm')!.click());
    await flush();
    expect(redeem).toHaveBeenCalledTimes(1);
    const [itemId, requestId] = redeem.mock.calls[0] as unknown as [string, string];
    expect(itemId).toBe('tee');
    expect(requestId).toMatch(/.{8,}/);
    expect($('[role=status].out')?.textContent).toContain('T-shirt redeemed');
    expect($('.balance')?.textContent).toBe('450 points');
    expect(button('Confirm')).toBeUndefined();
  });

  it('cancels the confirm step and shows a refusal as an alert', async () => {
    const refused = vi.fn(async (): Promise<RedeemOutcome> => ({ ok: false, code: 'out_of_stock' }));
    const { button, $ } = await setup({ redeem: refused });
    act(() => button('Redeem: T-shirt')!.click());
    act(() => button('Cancel')!.click());
    expect(button('Confirm')).toBeUndefined();
    act(() => button('Redeem: T-shirt')!.click());
    act(() => button('Confirm')!.click());
    await flush();
    expect($('[role=alert]')?.textContent).toBe('Could not redeem T-shirt: out of stock.');
  });

  it('offers no redeem button for a blocked item and says why', async () => {
    const { button, root } = await setup();
    expect(button('Redeem: Car')).toBeUndefined();
    expect(root().textContent).toContain('Not enough points');
  });

  it('copies the referral link', async () => {
    const { button, copy, $ } = await setup();
    expect($('input')?.getAttribute('aria-label')).toBe('Your referral link');
    await act(async () => button('Copy link')!.click());
    await flush();
    expect(copy).toHaveBeenCalledWith('https://acme.test/join?ref=ABCD2345');
    expect($('.ref + [role=status]')?.textContent).toBe('Link copied');
  });

  it('floats behind a launcher naming the balance, and Escape closes the panel', async () => {
    const { root } = await setup({ container: undefined });
    const launcher = root().querySelector<HTMLButtonElement>('.launcher')!;
    expect(launcher.getAttribute('aria-label')).toBe('Rewards: 1,250 points');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(root().querySelector('.badge')?.textContent).toBe('1.3K');
    act(() => launcher.click());
    const panel = root().querySelector<HTMLElement>('#hearth-rewards')!;
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    act(() => void panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(root().querySelector('#hearth-rewards')).toBeNull();
  });

  it('uses real buttons with names for every control', async () => {
    const { root } = await setup();
    for (const control of root().querySelectorAll('button')) {
      expect(control.getAttribute('type')).toBe('button');
      expect(control.getAttribute('aria-label') ?? control.textContent?.trim()).toBeTruthy();
    }
  });
});

describe('rewards keyboard, focus and right-to-left', () => {
  const settle = () => act(async () => await Promise.resolve());
  const escape = (target: Element) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));

  it('floating: opening moves focus into the panel, which follows the launcher in the DOM', async () => {
    const { root } = await setup({ container: undefined });
    const launcher = root().querySelector<HTMLButtonElement>('.launcher')!;
    launcher.focus();
    act(() => launcher.click());
    const panel = root().querySelector<HTMLElement>('#hearth-rewards')!;
    expect(panel.contains(root().activeElement)).toBe(true);
    expect(launcher.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('floating: Escape closes the panel and gives focus back to the launcher, from the launcher too', async () => {
    const { root } = await setup({ container: undefined });
    const launcher = root().querySelector<HTMLButtonElement>('.launcher')!;
    act(() => launcher.click());
    escape(root().querySelector('#hearth-rewards h2')!);
    expect(root().querySelector('#hearth-rewards')).toBeNull();
    expect(root().activeElement).toBe(launcher);
    act(() => launcher.click());
    launcher.focus();
    escape(launcher);
    expect(root().querySelector('#hearth-rewards')).toBeNull();
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('after a confirmed redemption focus stays in the widget', async () => {
    const { root, button } = await setup();
    act(() => button('Redeem: T-shirt')!.click());
    button('Confirm')!.focus();
    act(() => button('Confirm')!.click());
    await flush();
    await settle();
    expect(root().activeElement).not.toBeNull();
    expect(document.activeElement).not.toBe(document.body);
  });

  it('shows the balance in a neutral chip under its own icon, not the checklist badge', async () => {
    const { root } = await setup({ container: undefined });
    const path = root().querySelector('.launcher path')?.getAttribute('d');
    expect(path).toBeTruthy();
    expect(path).not.toBe('M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2');
    const chip = [...root().adoptedStyleSheets.at(-1)!.cssRules].find((rule) => rule.cssText.startsWith('.badge'));
    expect(chip?.cssText).toMatch(/background: var\(--h-bg\)/);
  });

  it('Arabic: the referral URL reads left to right and server strings are isolated', async () => {
    const { root, $ } = await setup({ locale: 'ar' });
    expect($('.ref input')?.getAttribute('dir')).toBe('ltr');
    const row = root().querySelector('ol.rows li')!;
    expect(row.querySelector('bdi')?.textContent).toBe('Redeemed mug');
    expect(row.querySelector('bdi time')).not.toBeNull();
    expect(row.querySelector('.pts')?.getAttribute('dir')).toBe('ltr');
    for (const name of ['T-shirt', 'Exporter', 'Export a report']) {
      expect(
        [...root().querySelectorAll('bdi')].some((bdi) => bdi.textContent === name),
        name,
      ).toBe(true);
    }
  });
});
