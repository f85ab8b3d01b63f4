import type { AnnouncementsState } from '@hearth/schema';
import type { AnnouncementsHandle } from '../../widgets/announcements/index.js';
import type { Track, Traits } from '../state-types.js';
import type { Corner, Theme } from '../theme.js';
import type { MountLane } from './idle.js';
import { widgetSlot } from './slot.js';

export interface AnnouncementsSlotOptions {
  /** The controller's one-mount-per-task lane. */
  lane: MountLane;
  track: Track;
  doc: Document;
  /** The locale and traits as they are now (the controller keeps this object current). */
  context: { locale?: string; traits?: Traits };
  theme?: Theme;
  /** The checklist's corner; the bell takes the other side (placement.ts, in the lazy chunk). */
  corner?: Corner;
  /** The core's `/v1/state` URL; feed pages reuse its query. */
  stateUrl?: () => string;
}

/**
 * The bell and feed while `/v1/state` has announcements for this user, updated in place, taken
 * away when there are none (another user, consent denied). Inline in `[data-hearth="announcements"]`.
 */
export function announcementsSlot(options: AnnouncementsSlotOptions) {
  const { lane, doc, context, stateUrl } = options;
  const slot = widgetSlot<AnnouncementsState, AnnouncementsHandle>((first) =>
    lane('announcements', ({ mountAnnouncements, bellCorner, feedPageLoader }) =>
      mountAnnouncements({
        state: first,
        track: options.track,
        ...context,
        theme: options.theme,
        corner: bellCorner(options.corner),
        document: doc,
        container: doc.querySelector('[data-hearth="announcements"]') ?? undefined,
        ...(stateUrl ? { loadPage: feedPageLoader(stateUrl) } : {}),
      }),
    ),
  );
  return { ...slot, update: (next: AnnouncementsState | undefined) => slot.update(next?.items.length ? next : undefined) };
}
