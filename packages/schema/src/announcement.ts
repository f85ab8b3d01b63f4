import { z } from 'zod';
import { slugSchema } from './checklist.js';
import { contentTreeSchema } from './content-tree.js';
import { eventNameSchema } from './event.js';
import { UNSAFE_IN_LINK } from './absolute-url.js';
import { LINK_RULE, PROBE_BASE, resolveLink } from './links.js';
import { promptStatusSchema } from './prompt.js';
import { audienceSchema, localeTagSchema } from './targeting.js';

/**
 * "What's new" announcements. Admins write Markdown; the collector parses it when the
 * announcement is saved and keeps the allowlisted tree (content-tree.ts) next to the source, so the
 * state API and the public changelog only ever serve the tree.
 */

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset' });

/** The built-in categories; any other slug works too, shown with its `categoryLabel`. */
export const ANNOUNCEMENT_CATEGORIES = ['new', 'improved', 'fixed'] as const;

/** CTA URLs: absolute http(s), or a path on the host app (`/settings`), never `javascript:`. */
const ctaUrl = z
  .string()
  .max(2_048)
  .refine((url) => !UNSAFE_IN_LINK.test(url) && resolveLink(url, PROBE_BASE) !== undefined, LINK_RULE);

/** The call to action: open a URL, or track an event the host app listens to. */
export const announcementCtaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url'), label: z.string().min(1).max(80), url: ctaUrl }),
  z.object({ type: z.literal('event'), label: z.string().min(1).max(80), name: eventNameSchema }),
]);

export const announcementImageSchema = z.object({
  url: z
    .string()
    .max(2_048)
    .refine((url) => /^https?:\/\//i.test(url), 'image url must be absolute http(s)'),
  /** Required: an image without alt text is invisible to screen-reader users. */
  alt: z.string().max(300),
});

/** The texts of one locale, as written by the admin. */
export const announcementContentSchema = z.object({
  title: z.string().min(1, 'title must not be empty').max(200),
  /** Markdown: headings, lists, emphasis, links, images, code. Raw HTML is not kept. */
  body: z.string().max(20_000).default(''),
  categoryLabel: z.string().min(1).max(40).optional(),
  image: announcementImageSchema.optional(),
  cta: announcementCtaSchema.optional(),
});

/** Another locale's texts; anything missing falls back to the default locale's. */
export const announcementTranslationSchema = z.object({
  title: z.string().min(1).max(200).optional(),
  body: z.string().max(20_000).optional(),
  categoryLabel: z.string().min(1).max(40).optional(),
  imageAlt: z.string().max(300).optional(),
  ctaLabel: z.string().min(1).max(80).optional(),
});

/** What the admin API accepts (`POST`/`PUT /v1/admin/announcements`). */
export const announcementInputSchema = z
  .object({
    id: slugSchema,
    /** Label for admins; never sent to browsers. */
    name: z.string().max(200).optional(),
    status: promptStatusSchema.default('draft'),
    /** When it appears; absent on publish means "now". `scheduled` needs it. */
    publishAt: instant.optional(),
    /** After this instant it leaves the feed (exclusive). It stays on the changelog if public. */
    expiresAt: instant.optional(),
    category: slugSchema.default('new'),
    /** Who may see it; absent means every user the `visitors` setting lets in. */
    audience: audienceSchema.optional(),
    /**
     * Whether visitors who have not identified (a signed-out sign-in page) see it too. Off unless
     * said: an announcement is for the product's users, not for anyone who loads a page.
     */
    visitors: z
      .enum(['identified', 'everyone'])
      .default('identified')
      .describe('`identified`: only users the host identified; `everyone`: anonymous visitors too.'),
    /** Shown once as a toast or modal, inside the project's fatigue budget, then lives in the feed. */
    boosted: z.boolean().default(false),
    boostStyle: z.enum(['toast', 'modal']).default('toast'),
    /** Listed on the public changelog page and feed. */
    public: z.boolean().default(true),
    /** The feature's event, for "adoption after announcement". */
    featureEvent: eventNameSchema.optional(),
    /** Part of "since you were away" digests; `audience` narrows it to, e.g., lapsed trial users. */
    digest: z.object({ include: z.boolean().default(true), audience: audienceSchema.optional() }).default({ include: true }),
    defaultLocale: localeTagSchema.default('en'),
    content: announcementContentSchema,
    translations: z.record(localeTagSchema, announcementTranslationSchema).default({}),
  })
  .superRefine((a, ctx) => {
    if (a.status === 'scheduled' && !a.publishAt) {
      ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'a scheduled announcement needs publishAt' });
    }
    if (a.publishAt && a.expiresAt && Date.parse(a.expiresAt) <= Date.parse(a.publishAt)) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expiresAt must be after publishAt' });
    }
  });

/**
 * What `POST /v1/admin/announcements` accepts at `now`: the input, with an `expiresAt` still ahead.
 * An announcement created already expired could never be published (publishing stamps
 * `publishAt` with the current time, which must come before `expiresAt`).
 */
export function announcementCreateSchema(now: number) {
  return announcementInputSchema.superRefine((a, ctx) => {
    if (a.expiresAt && Date.parse(a.expiresAt) <= now) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: `expiresAt is already past (now is ${new Date(now).toISOString()}); set a later time or leave it out`,
      });
    }
  });
}

/** The parsed texts of one locale, as stored and served. */
export const announcementTextsSchema = z.object({
  title: z.string(),
  body: contentTreeSchema,
  categoryLabel: z.string().optional(),
  image: announcementImageSchema.optional(),
  cta: announcementCtaSchema.optional(),
});

/**
 * One announcement in a user's feed (`/v1/state` → `announcements.items`), already localized.
 * Texts may hold `{{user.trait}}` placeholders: the widget fills them with text, then re-checks URLs.
 */
export const announcementItemSchema = announcementTextsSchema.extend({
  id: slugSchema,
  category: slugSchema,
  publishedAt: instant,
  locale: localeTagSchema,
  read: z.boolean(),
  reaction: z.enum(['up', 'down']).optional(),
});

/** The announcements part of `/v1/state`: only what this user may see. */
export const announcementsStateSchema = z.object({
  /** Unread among everything the user may see (not only this page). */
  unread: z.number().int().nonnegative(),
  /** Newest first, one page. */
  items: z.array(announcementItemSchema),
  /** Pass as `?before=` to `/v1/announcements` for the next page; absent on the last page. */
  nextCursor: z.string().optional(),
  /** Show this one now as a toast or modal (fatigue budget already applied); it may be past the first page. */
  boosted: z.object({ style: z.enum(['toast', 'modal']), item: announcementItemSchema }).optional(),
  /** "Since you were away": a compact list to show once, then track `$announcement_digest_shown`. */
  digest: z
    .object({
      /** The user's last activity before this visit. */
      since: instant,
      entries: z
        .array(announcementItemSchema.pick({ id: true, title: true, category: true, categoryLabel: true, publishedAt: true }))
        .min(1),
    })
    .optional(),
});

/**
 * Events the announcement widget tracks (besides `$prompt_shown` `{ promptId, kind: 'announcement' }`
 * for a boosted display, which the fatigue budget counts). Read state is derived from them on the
 * server, so it is the same on every device and tab.
 */
export const ANNOUNCEMENT_EVENTS = {
  read: '$announcement_read',
  reacted: '$announcement_reacted',
  ctaClicked: '$announcement_cta_clicked',
  digestShown: '$announcement_digest_shown',
} as const;

export type AnnouncementCta = z.infer<typeof announcementCtaSchema>;
export type AnnouncementImage = z.infer<typeof announcementImageSchema>;
export type AnnouncementContent = z.infer<typeof announcementContentSchema>;
export type AnnouncementTranslation = z.infer<typeof announcementTranslationSchema>;
export type AnnouncementInput = z.input<typeof announcementInputSchema>;
export type Announcement = z.infer<typeof announcementInputSchema>;
export type AnnouncementTexts = z.infer<typeof announcementTextsSchema>;
export type AnnouncementItem = z.infer<typeof announcementItemSchema>;
export type AnnouncementsState = z.infer<typeof announcementsStateSchema>;

/**
 * An announcement as the collector stores it and its admin API answers: the admin's source plus the
 * compiled, allowlisted texts per locale.
 */
export interface AnnouncementRecord {
  announcement: Announcement;
  /** Keyed by locale tag; always holds `announcement.defaultLocale`. */
  texts: Record<string, AnnouncementTexts>;
  /** 1 on creation, +1 on every change (optimistic concurrency for the admin API). */
  version: number;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}
