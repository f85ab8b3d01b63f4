import type { AnnouncementsCatalog } from './en.js';

/** Norsk bokmål. */
export const nb: AnnouncementsCatalog = {
  news: 'Nyheter',
  unread: { one: '{count} ulest', other: '{count} uleste' },
  arrived: { one: '{count} ny kunngjøring', other: '{count} nye kunngjøringer' },
  isUnread: 'Ulest',
  close: 'Lukk',
  more: 'Vis mer',
  helpful: 'Nyttig',
  notHelpful: 'Ikke nyttig',
  feedback: 'Fortell oss mer (valgfritt)',
  open: 'Les mer',
  away: 'Mens du var borte',
  new: 'Nytt',
  improved: 'Forbedret',
  fixed: 'Rettet',
  empty: 'Ingen nyheter ennå.',
};
