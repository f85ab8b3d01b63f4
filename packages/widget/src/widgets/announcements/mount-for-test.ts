import { act } from 'preact/test-utils';
import { vi, type Mock } from 'vitest';
import { stateFixture } from './fixtures.js';
import { mountAnnouncements, type MountAnnouncementsOptions } from './index.js';

/** Mounts the widget as the controller would (default: the two-item fixture state) with query helpers into its shadow root. */
export async function mountForTest(options: Partial<MountAnnouncementsOptions> = {}) {
  const track: Mock<MountAnnouncementsOptions['track']> = vi.fn();
  let handle!: Awaited<ReturnType<typeof mountAnnouncements>>;
  await act(async () => {
    handle = await mountAnnouncements({ state: stateFixture(), locale: 'en', track, ...options });
  });
  const root = () => document.querySelector('hearth-root')!.shadowRoot!;
  const $ = (selector: string) => root().querySelector<HTMLElement>(selector);
  const $$ = (selector: string) => [...root().querySelectorAll<HTMLElement>(selector)];
  const titles = () => $$('.item h3').map((h) => h.textContent);
  return { track, handle, root, $, $$, titles, bell: () => $('.launcher')! };
}
