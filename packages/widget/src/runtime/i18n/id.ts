import type { Catalog } from './en.js';

/** Bahasa Indonesia. */
export const id: Catalog = {
  progress: '{done} dari {total}',
  progressLabel: 'Kemajuan',
  stepsLeft: { other: '{count} langkah lagi' },
  start: 'Mulai',
  skip: 'Lewati',
  optional: 'Opsional',
  done: 'Selesai',
  notDone: 'Belum selesai',
  skipped: 'Dilewati',
  minimize: 'Perkecil',
  expand: 'Perluas',
  dismiss: 'Tutup',
  allDone: 'Semua selesai — kerja bagus!',
  npsQuestion: 'Seberapa besar kemungkinan Anda merekomendasikan {product} kepada teman atau kolega?',
  notLikely: 'Sangat tidak mungkin',
  veryLikely: 'Sangat mungkin',
  unsatisfied: 'Sangat tidak puas',
  satisfied: 'Sangat puas',
  followUp: 'Apa alasan utama Anda memberi skor ini?',
  thanks: 'Terima kasih atas masukan Anda!',
  askLater: 'Tanyakan nanti',
  send: 'Kirim',
};
