/**
 * The announcement widget's own strings. English and Arabic ship in the chunk (a few hundred
 * bytes); other locales fall back to English until these keys join the runtime's catalogs.
 */
const en = {
  news: "What's new",
  unread: '{count} unread',
  isUnread: 'Unread',
  close: 'Close',
  more: 'Show more',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedback: 'Tell us more (optional)',
  send: 'Send',
  thanks: 'Thanks for the feedback!',
  open: 'Read more',
  away: 'While you were away',
  new: 'New',
  improved: 'Improved',
  fixed: 'Fixed',
  empty: 'Nothing new yet.',
};

const ar: Strings = {
  news: 'ما الجديد',
  unread: '{count} غير مقروءة',
  isUnread: 'غير مقروء',
  close: 'إغلاق',
  more: 'عرض المزيد',
  helpful: 'مفيد',
  notHelpful: 'غير مفيد',
  feedback: 'أخبرنا بالمزيد (اختياري)',
  send: 'إرسال',
  thanks: 'شكرًا على ملاحظاتك!',
  open: 'اقرأ المزيد',
  away: 'أثناء غيابك',
  new: 'جديد',
  improved: 'محسّن',
  fixed: 'تم الإصلاح',
  empty: 'لا جديد بعد.',
};

export type Strings = typeof en;
export type StringKey = keyof Strings;

export const stringsFor = (locale: string): Strings => (locale === 'ar' ? ar : en);
