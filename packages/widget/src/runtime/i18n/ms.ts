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
  npsQuestion: 'Sejauh manakah anda akan mengesyorkan {product} kepada rakan atau rakan sekerja?',
  notLikely: 'Sangat tidak mungkin',
  veryLikely: 'Sangat mungkin',
  unsatisfied: 'Sangat tidak berpuas hati',
  satisfied: 'Sangat berpuas hati',
  followUp: 'Apakah sebab utama skor anda?',
  thanks: 'Terima kasih atas maklum balas anda!',
  askLater: 'Tanya saya kemudian',
  send: 'Hantar',
};
