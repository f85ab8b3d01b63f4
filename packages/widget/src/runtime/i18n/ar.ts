import type { Catalog } from './en.js';

/** Arabic (Modern Standard); rendered right-to-left. */
export const ar: Catalog = {
  progress: '{done} من {total}',
  progressLabel: 'التقدم',
  // One and two are words in Arabic; the digit follows so the launcher's badge is part of its name.
  stepsLeft: {
    zero: 'لا خطوات متبقية',
    one: 'خطوة واحدة متبقية ({count})',
    two: 'خطوتان متبقيتان ({count})',
    few: '{count} خطوات متبقية',
    many: '{count} خطوة متبقية',
    other: '{count} خطوة متبقية',
  },
  start: 'ابدأ',
  skip: 'تخطَّ',
  optional: 'اختياري',
  done: 'مكتمل',
  notDone: 'غير مكتمل',
  skipped: 'تم التخطي',
  minimize: 'تصغير',
  expand: 'توسيع',
  dismiss: 'إغلاق',
  allDone: 'اكتمل كل شيء — أحسنت!',
  npsQuestion: 'ما مدى احتمال أن توصي بـ{product} لصديق أو زميل؟',
  notLikely: 'غير محتمل إطلاقًا',
  veryLikely: 'محتمل جدًا',
  unsatisfied: 'غير راضٍ إطلاقًا',
  satisfied: 'راضٍ جدًا',
  followUp: 'ما السبب الرئيسي لتقييمك؟',
  thanks: 'شكرًا على ملاحظاتك!',
  askLater: 'اسألني لاحقًا',
  send: 'إرسال',
};
