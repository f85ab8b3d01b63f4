import { describe, expect, it } from 'vitest';
import { catalogProblems } from '../../../runtime/i18n/catalog-problems.js';
import { LOCALES, type Locale } from '../../../runtime/index.js';
import { ANNOUNCEMENTS_CATALOGS } from './index.js';
import type { AnnouncementsCatalog } from './en.js';

describe('announcement catalogs', () => {
  it('give every shipped locale exactly the English keys, its plural forms and the English slots', async () => {
    const loaded = Object.fromEntries(
      await Promise.all(LOCALES.map(async (locale) => [locale, await ANNOUNCEMENTS_CATALOGS[locale]()] as const)),
    );
    expect(Object.keys(loaded).sort()).toEqual([...LOCALES].sort());
    expect(catalogProblems(loaded as Record<Locale, AnnouncementsCatalog>)).toEqual([]);
  });
});
