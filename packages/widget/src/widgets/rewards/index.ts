/**
 * The rewards chunk's face, for the core's widget registry
 * (`rewards: () => import('../widgets/rewards/index.js')`).
 */
import type { RewardsState } from '@hearth/schema';
import { h } from 'preact';
import { loadI18n, localeFor, mount, type Corner, type Theme } from '../../runtime/index.js';
import { REWARDS_CATALOGS } from './i18n/index.js';
import { createRewardsModel, type RewardsModelOptions } from './model.js';
import { RewardsView } from './rewards.js';
import { rewardsSheet } from './styles.js';

export type { RedeemOutcome } from './model.js';
export { redeemer } from './redeem.js';

export interface MountRewardsOptions extends Omit<RewardsModelOptions, 'i18n'> {
  /** Inline mount point (`<div data-hearth="rewards">`); absent: a launcher showing the balance. */
  container?: Element;
  document?: Document;
  /** From `init`/`identify`; resolved against the browser's languages, falling back to English. */
  locale?: string;
  theme?: Theme;
  corner?: Corner;
}

export interface RewardsHandle {
  /** Fresh rewards state (for example right after a checklist item paid points): updates in place. */
  update(state: RewardsState): void;
  setContext(context: { locale?: string }): Promise<void>;
  unmount(): void;
}

export async function mountRewards(options: MountRewardsOptions): Promise<RewardsHandle> {
  const { container, theme = {}, corner = 'bottom-right' } = options;
  const doc = options.document ?? globalThis.document;
  const model = createRewardsModel({ ...options, i18n: await loadI18n(localeFor(options.locale, doc), REWARDS_CATALOGS) });
  const unmount = mount({
    container,
    corner: container ? undefined : corner,
    document: doc,
    sheets: [rewardsSheet()],
    view: h(RewardsView, { model, theme, corner, floating: !container }),
  });
  let latest = 0;
  return {
    update: model.actions.update,
    async setContext({ locale }) {
      const request = ++latest;
      const i18n = await loadI18n(localeFor(locale, doc), REWARDS_CATALOGS);
      if (request === latest) model.actions.setI18n(i18n);
    },
    unmount,
  };
}
