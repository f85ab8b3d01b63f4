import type { Catalog } from './en.js';

/** Bahasa Melayu. */
export const ms: Catalog = {
  progress: '{done} daripada {total}',
  progressLabel: 'Kemajuan',
  stepsLeft: { other: '{count} langkah lagi' },
  start: 'Mula',
  skip: 'Langkau',
  optional: 'Pilihan',
  done: 'Selesai',
  notDone: 'Belum selesai',
  skipped: 'Dilangkau',
  minimize: 'Kecilkan',
  expand: 'Kembangkan',
  dismiss: 'Tutup',
  allDone: 'Semua selesai — syabas!',
};
