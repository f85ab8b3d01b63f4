import type { RewardsState } from '@hearth/schema';
import type { RedeemOutcome } from './model.js';

/** A `/v1/rewards…` URL carrying the state URL's key and identity (the token proves the user). */
const rewardsUrl = (stateUrl: string, path: string) => {
  const url = new URL(stateUrl);
  url.pathname = url.pathname.replace(/\/v1\/state$/, path);
  return url;
};

/**
 * `POST /v1/rewards/redeem` (text/plain: no preflight), then the fresh rewards state, so the new
 * balance and the history line show at once. The collector decides; the widget only asks.
 */
export function redeemer(stateUrl: () => string, refreshed: (state: RewardsState) => void) {
  return async (itemId: string, requestId: string): Promise<RedeemOutcome> => {
    const url = rewardsUrl(stateUrl(), '/v1/rewards/redeem');
    const query = url.searchParams;
    const body = JSON.stringify({ userId: query.get('userId'), userToken: query.get('userToken'), itemId, requestId });
    url.search = `key=${encodeURIComponent(query.get('key') ?? '')}`;
    const response = await fetch(url.href, {
      method: 'POST',
      body,
      credentials: 'omit',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    const answer = (await response.json().catch(() => ({}))) as { balance?: number; error?: { code?: string } };
    if (!response.ok || typeof answer.balance !== 'number') return { ok: false, code: answer.error?.code ?? 'network' };
    // The redemption stands whatever happens to this refresh; the next state brings the history anyway.
    fetch(rewardsUrl(stateUrl(), '/v1/rewards').href, { credentials: 'omit', cache: 'no-store' })
      .then(async (fresh) => fresh.ok && refreshed((await fresh.json()) as RewardsState))
      .catch(() => undefined);
    return { ok: true, balance: answer.balance };
  };
}
