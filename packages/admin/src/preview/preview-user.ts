import type { JsonValue } from '@hearth/schema';
import { explainPrompt } from '../api/prompts.js';
import { searchUsers, type SearchParams, type UserSummary } from '../api/users.js';
import { searchParamsOf } from '../models/user-search.js';
import { pickLocale } from './preview-state.js';

/** Whose traits fill the preview's `{{user.*}}` placeholders; `userId` is null for the sample. */
export interface PreviewUser {
  userId: string | null;
  label: string;
  traits: Record<string, JsonValue>;
}

/** The collector calls the preview makes: the Users page's search and the explain endpoint. */
export interface PreviewApi {
  search: typeof searchUsers;
  explain: typeof explainPrompt;
}
export const previewApi: PreviewApi = { search: searchUsers, explain: explainPrompt };

/** Made-up traits so placeholders show filled before a real user is picked. */
export const SAMPLE_USER: PreviewUser = {
  userId: null,
  label: 'Sample user',
  traits: { firstName: 'Sam', name: 'Sam Sample', email: 'sam@example.com', plan: 'pro' },
};

const text = (value: JsonValue | undefined) => (typeof value === 'string' && value.trim() !== '' ? value : null);

export function previewUserOf(user: UserSummary): PreviewUser {
  const name = text(user.traits.name) ?? text(user.traits.firstName) ?? text(user.traits.email);
  return { userId: user.userId, label: name ? `${user.userId} (${name})` : user.userId, traits: user.traits };
}

/**
 * One search box for the preview: `key:value` searches a trait (as the Users page's trait field
 * does), anything else is an id prefix. The error names the malformed trait.
 */
export function previewSearchParams(query: string): { params: SearchParams; error?: string } {
  const trimmed = query.trim();
  return trimmed.includes(':') ? searchParamsOf('', trimmed) : searchParamsOf(trimmed, '');
}

/** The offered locale matching the user's `locale` (or `language`) trait, or null to keep the current one. */
export function localeOfUser(user: PreviewUser, locales: readonly string[]): string | null {
  const wanted = text(user.traits.locale) ?? text(user.traits.language);
  return wanted ? pickLocale(locales, wanted) : null;
}
