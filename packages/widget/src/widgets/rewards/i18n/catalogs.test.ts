import { describe, expect, it } from 'vitest';
import { catalogProblems } from '../../../runtime/i18n/catalog-problems.js';
import { LOCALES, type Locale } from '../../../runtime/index.js';
import { REWARDS_CATALOGS } from './index.js';
import type { RewardsCatalog } from './en.js';

describe('rewards catalogs', () => {
  it('give every shipped locale exactly the English keys, its plural forms and the English slots', async () => {
    const loaded = Object.fromEntries(
      await Promise.all(LOCALES.map(async (locale) => [locale, await REWARDS_CATALOGS[locale]()] as const)),
    );
    expect(Object.keys(loaded).sort()).toEqual([...LOCALES].sort());
    expect(catalogProblems(loaded as Record<Locale, RewardsCatalog>)).toEqual([]);
  });
});
