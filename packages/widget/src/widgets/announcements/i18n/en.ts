import type { Message } from '../../../runtime/i18n/index.js';

/**
 * The announcement widget's English messages, the reference every other locale matches key for
 * key. `new`, `improved` and `fixed` name the built-in categories. They ship in the announcements
 * chunk, not the runtime catalog, so pages without announcements never pay for them.
 */
export const en = {
  news: "What's new",
  unread: '{count} unread',
  arrived: { one: '{count} new announcement', other: '{count} new announcements' },
  isUnread: 'Unread',
  close: 'Close',
  more: 'Show more',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedback: 'Tell us more (optional)',
  open: 'Read more',
  away: 'While you were away',
  new: 'New',
  improved: 'Improved',
  fixed: 'Fixed',
  empty: 'Nothing new yet.',
};

export type AnnouncementsCatalog = Record<keyof typeof en, Message>;
