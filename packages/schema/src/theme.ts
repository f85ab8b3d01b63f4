import { z } from 'zod';
import { localeTagSchema } from './targeting.js';

/**
 * The project's widget theme, set in the console or hearth.config.json and sent with
 * `GET /v1/state`. Values are validated tightly because they end up in CSS custom properties on
 * every host page: a colour must be a hex colour, a font list only names and quotes, so a console
 * user cannot inject other CSS (`url(…)`, `;`, braces) into customers' pages.
 */
export const themeSchema = z
  .strictObject({
    brandColor: z
      .string()
      .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'brandColor must be a hex colour such as #4f46e5')
      .optional()
      .describe('Buttons, progress and accents, as a CSS hex colour (`#4f46e5`).'),
    radius: z
      .number({ error: 'radius must be a number of pixels' })
      .int('radius must be a whole number of pixels')
      .min(0, 'radius must be 0 px or more')
      .max(32, 'radius must be at most 32 px')
      .optional()
      .describe('Corner radius of cards and buttons, in px (0–32).'),
    font: z
      .string()
      .trim()
      .min(1, 'font must not be empty')
      .max(200, 'font must be at most 200 characters')
      .regex(/^[A-Za-z0-9 ,'"_-]+$/, 'font may hold only font names, spaces, commas, quotes, "-" and "_"')
      .optional()
      .describe('A CSS `font-family` list, e.g. `Inter, system-ui, sans-serif`.'),
    mode: z
      .enum(['light', 'dark', 'auto'], { error: 'mode must be light, dark or auto' })
      .optional()
      .describe("`auto` follows the user's `prefers-color-scheme`."),
  })
  .describe("The widget theme; the host's `init({ theme })` and `--hearth-*` properties override it per field.");

/**
 * The languages the product is offered in. When set, `GET /v1/state` serves a user whose locale
 * matches none of `supported` (exactly or by language) in `default`, and users who send no locale
 * too; without it, each prompt falls back to its own default locale.
 */
export const projectLocalesSchema = z
  .object({
    default: localeTagSchema.describe('Served to users whose locale is unknown or not supported.'),
    supported: z
      .array(localeTagSchema)
      .min(1, 'list at least one supported locale')
      .max(50, 'at most 50 supported locales')
      .describe('Every locale the product is offered in, the default included.'),
  })
  .superRefine((locales, ctx) => {
    const seen = new Set<string>();
    locales.supported.forEach((tag, index) => {
      if (seen.has(tag.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['supported', index], message: `${tag} is listed twice` });
      seen.add(tag.toLowerCase());
    });
    if (!seen.has(locales.default.toLowerCase()))
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'the default locale must be one of the supported locales' });
  })
  .describe('The languages the product is offered in.');

export type Theme = z.infer<typeof themeSchema>;
export type ColorMode = NonNullable<Theme['mode']>;
export type ProjectLocales = z.infer<typeof projectLocalesSchema>;
