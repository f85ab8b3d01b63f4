import type { AnnouncementsCatalog } from './en.js';

/** Bahasa Melayu. */
export const ms: AnnouncementsCatalog = {
  news: 'Apa yang baharu',
  unread: '{count} belum dibaca',
  arrived: '{count} pengumuman baharu',
  isUnread: 'Belum dibaca',
  close: 'Tutup',
  more: 'Tunjukkan lagi',
  helpful: 'Membantu',
  notHelpful: 'Tidak membantu',
  feedback: 'Beritahu kami lebih lanjut (pilihan)',
  open: 'Baca lagi',
  away: 'Semasa anda tiada',
  new: 'Baharu',
  improved: 'Dipertingkat',
  fixed: 'Dibaiki',
  empty: 'Belum ada yang baharu.',
};
