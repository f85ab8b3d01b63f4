import { batch, computed, signal } from '@preact/signals';
import type { RewardsState } from '@hearth/schema';
import type { RewardsI18n, RewardsKey } from './i18n/index.js';

/** What the core answers for a redemption: the new balance, or the collector's error code. */
export type RedeemOutcome = { ok: true; balance: number } | { ok: false; code: string };

export interface RewardsModelOptions {
  state: RewardsState;
  /** From `loadI18n(locale, REWARDS_CATALOGS)`: the runtime's and the panel's messages, direction, `Intl` formats. */
  i18n: RewardsI18n;
  /** Posts `/v1/rewards/redeem` with the user's token; the same `requestId` redeems once, however often sent. */
  redeem: (itemId: string, requestId: string) => Promise<RedeemOutcome>;
  open?: boolean;
  /** Defaults to the async clipboard API. */
  copy?: (text: string) => Promise<void>;
}

export type Outcome = { ok: boolean; text: string };
export type RewardsModel = ReturnType<typeof createRewardsModel>;

/** Readable reasons for the collector's refusals (docs/rewards.md lists the codes). */
const REASONS: Record<string, RewardsKey> = {
  insufficient_points: 'blockedPoints',
  out_of_stock: 'blockedStock',
  limit_reached: 'blockedLimit',
};

const newRequestId = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function createRewardsModel(options: RewardsModelOptions) {
  const state = signal(options.state);
  const i18n = signal(options.i18n);
  const open = signal(options.open ?? false);
  /** The item awaiting confirmation, with the request id its confirm click will use. */
  const confirming = signal<{ itemId: string; requestId: string } | null>(null);
  const busy = signal(false);
  const outcome = signal<Outcome | null>(null);
  const copied = signal(false);
  /** A message with its slots filled and plural chosen for the current locale. */
  const t: RewardsI18n['t'] = (key, params) => i18n.value.t(key, params);
  const points = (count: number) => t('points', { count });

  const tierProgress = computed(() => {
    const { lifetime, tier, nextTier } = state.value;
    if (!nextTier) return null;
    const from = tier?.minPoints ?? 0;
    return { value: lifetime - from, max: nextTier.minPoints - from, left: nextTier.minPoints - lifetime, name: nextTier.name };
  });
  const itemName = (itemId: string) => state.value.catalog.find((item) => item.id === itemId)?.name ?? itemId;

  const actions = {
    /** Fresh state (a refresh after points arrived): updates in place. */
    update(next: RewardsState) {
      state.value = next;
    },
    setI18n(next: RewardsI18n) {
      i18n.value = next;
    },
    toggle() {
      open.value = !open.value;
    },
    ask(itemId: string) {
      batch(() => {
        outcome.value = null;
        confirming.value = { itemId, requestId: newRequestId() };
      });
    },
    cancel() {
      confirming.value = null;
    },
    async confirm() {
      const pending = confirming.value;
      if (!pending || busy.value) return;
      busy.value = true;
      const name = itemName(pending.itemId);
      const result = await options.redeem(pending.itemId, pending.requestId).catch((): RedeemOutcome => ({ ok: false, code: 'network' }));
      batch(() => {
        busy.value = false;
        confirming.value = null;
        if (result.ok) state.value = { ...state.value, balance: result.balance };
        const reason = result.ok ? '' : t(REASONS[result.code] ?? 'failedRetry').toLocaleLowerCase(i18n.value.locale);
        outcome.value = result.ok ? { ok: true, text: t('redeemed', { name }) } : { ok: false, text: t('failed', { name, reason }) };
      });
    },
    async copy() {
      const link = state.value.referral?.link;
      if (!link) return;
      await (options.copy ?? ((text: string) => navigator.clipboard.writeText(text)))(link).then(
        () => (copied.value = true),
        () => (copied.value = false),
      );
    },
  };

  return { state, i18n, open, confirming, busy, outcome, copied, tierProgress, t, points, actions };
}
