import { HttpError } from './http-utils.js';

/**
 * Ways to serve the same app, chosen by query flags so the SPA's routes stay the same:
 * - `?csp=strict`: a strict Content-Security-Policy with Trusted Types (see csp.ts);
 * - `?styles=hostile`: a host stylesheet that attacks everything it can reach (hostile.css);
 * - `?locale=ar`: `init` with that locale, to see the widget in another language.
 * SPA navigation keeps the document, so a variant lasts until the next full load.
 */
export type PageVariant = { strictCsp: boolean; hostileStyles: boolean; locale?: string };

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function flag(params: URLSearchParams, name: string, on: string): boolean {
  const value = params.get(name);
  if (value === null) return false;
  if (value !== on) throw new HttpError(400, 'invalid_query', `${name}: expected "${on}", got "${value}"`);
  return true;
}

export function readPageVariant(params: URLSearchParams): PageVariant {
  const locale = params.get('locale') ?? undefined;
  if (locale !== undefined && !LOCALE.test(locale)) {
    throw new HttpError(400, 'invalid_query', `locale: expected a language tag like "ar" or "nb-NO", got "${locale}"`);
  }
  return { strictCsp: flag(params, 'csp', 'strict'), hostileStyles: flag(params, 'styles', 'hostile'), ...(locale ? { locale } : {}) };
}
