import type { RewardsState } from '@hearth/schema';
import type { RedeemOutcome, RewardsHandle } from '../../widgets/rewards/index.js';
import type { Corner, Theme } from '../theme.js';
import type { MountLane } from './idle.js';
import { widgetSlot } from './slot.js';

export interface RewardsSlotOptions {
  /** The controller's one-mount-per-task lane. */
  lane: MountLane;
  doc: Document;
  /** The locale as it is now (the controller keeps this object current). */
  context: { locale?: string };
  theme?: Theme;
  corner?: Corner;
  /** The core's `/v1/state` URL: its key, user id and token are what redeeming needs. */
  stateUrl?: () => string;
}

/** The balance launcher goes on the same side as the checklist's, at the other edge. */
const launcherCorner = (corner: Corner = 'bottom-right'): Corner =>
  (corner.startsWith('bottom') ? corner.replace('bottom', 'top') : corner.replace('top', 'bottom')) as Corner;

/**
 * The rewards panel while `/v1/state` carries rewards (a verified user in a project with a program):
 * points just earned show without reload. Inline in `[data-hearth="rewards"]`, else a launcher
 * showing the balance.
 */
export function rewardsSlot(options: RewardsSlotOptions) {
  const { lane, doc, context, stateUrl } = options;
  const noRedeem = async (): Promise<RedeemOutcome> => ({ ok: false, code: 'unavailable' });
  const slot = widgetSlot<RewardsState, RewardsHandle>((first) =>
    lane('rewards', ({ mountRewards, redeemer }) =>
      mountRewards({
        state: first,
        redeem: stateUrl ? redeemer(stateUrl, (fresh) => slot.apply(fresh)) : noRedeem,
        locale: context.locale,
        theme: options.theme,
        corner: launcherCorner(options.corner),
        document: doc,
        container: doc.querySelector('[data-hearth="rewards"]') ?? undefined,
      }),
    ),
  );
  return { ...slot, update: (next: RewardsState | null | undefined) => slot.update(next ?? undefined) };
}
