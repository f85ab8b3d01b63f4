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
};
