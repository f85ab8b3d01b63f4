import type { Corner } from '../../runtime/index.js';
import type { Page } from './model.js';

/**
 * The bell sits on the other side of the same edge as the checklist and survey launchers
 * (`launcher.corner`), so the two never cover each other.
 */
export const bellCorner = (corner: Corner = 'bottom-right'): Corner =>
  (corner.endsWith('right') ? corner.replace('right', 'left') : corner.replace('left', 'right')) as Corner;

/** `GET /v1/announcements` with the `/v1/state` query (key, identity, locale) plus `before`. */
export function feedPageLoader(stateUrl: () => string): (cursor: string) => Promise<Page> {
  return async (cursor) => {
    const url = new URL(stateUrl());
    url.pathname = url.pathname.replace(/\/v1\/state$/, '/v1/announcements');
    url.searchParams.set('before', cursor);
    const response = await fetch(url.href, { credentials: 'omit' });
    if (!response.ok) throw new Error(`announcements page: HTTP ${response.status}`);
    return (await response.json()) as Page;
  };
}
