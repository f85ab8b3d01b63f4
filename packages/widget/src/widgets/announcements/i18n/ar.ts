import type { AnnouncementsCatalog } from './en.js';

/** Arabic (Modern Standard); rendered right-to-left. */
export const ar: AnnouncementsCatalog = {
  news: 'ما الجديد',
  unread: {
    zero: 'لا إعلانات غير مقروءة',
    one: 'إعلان واحد غير مقروء',
    two: 'إعلانان غير مقروءين',
    few: '{count} إعلانات غير مقروءة',
    many: '{count} إعلانًا غير مقروء',
    other: '{count} إعلان غير مقروء',
  },
  arrived: {
    zero: 'لا إعلانات جديدة',
    one: 'إعلان جديد واحد',
    two: 'إعلانان جديدان',
    few: '{count} إعلانات جديدة',
    many: '{count} إعلانًا جديدًا',
    other: '{count} إعلان جديد',
  },
  isUnread: 'غير مقروء',
  close: 'إغلاق',
  more: 'عرض المزيد',
  helpful: 'مفيد',
  notHelpful: 'غير مفيد',
  feedback: 'أخبرنا بالمزيد (اختياري)',
  open: 'اقرأ المزيد',
  away: 'أثناء غيابك',
  new: 'جديد',
  improved: 'محسّن',
  fixed: 'تم الإصلاح',
  empty: 'لا جديد بعد.',
};
