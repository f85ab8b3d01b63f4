import type { AnnouncementsCatalog } from './en.js';

/** Bahasa Indonesia. */
export const id: AnnouncementsCatalog = {
  news: 'Yang baru',
  unread: '{count} belum dibaca',
  arrived: '{count} pengumuman baru',
  isUnread: 'Belum dibaca',
  close: 'Tutup',
  more: 'Tampilkan lebih banyak',
  helpful: 'Membantu',
  notHelpful: 'Tidak membantu',
  feedback: 'Ceritakan lebih lanjut (opsional)',
  open: 'Baca selengkapnya',
  away: 'Selama Anda tidak ada',
  new: 'Baru',
  improved: 'Ditingkatkan',
  fixed: 'Diperbaiki',
  empty: 'Belum ada yang baru.',
};
