import { z } from 'zod';
import { eventNameSchema } from './event.js';
import { UNSAFE_IN_LINK } from './absolute-url.js';
import { LINK_RULE, PROBE_BASE, resolveLink } from './links.js';
import { traitConditionSchema } from './targeting.js';

/** Ids that appear in events and URLs: short, lowercase, stable across edits. */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'ids are 1–64 lowercase letters, digits, "_" or "-"');

/** Only http(s) links and paths that stay on the host page's origin; never `javascript:`. */
const actionUrl = z
  .string()
  .max(2048)
  .refine((url) => !UNSAFE_IN_LINK.test(url) && resolveLink(url, PROBE_BASE) !== undefined, LINK_RULE);

/** What the item's button does: open a URL, or track an event the host app listens to. */
export const checklistActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url'), url: actionUrl, newTab: z.boolean().default(false) }),
  z.object({ type: z.literal('event'), name: eventNameSchema }),
]);

const propertyFilterValue = z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]);

/** The item is done once the user tracked `event` (whose properties equal every `where` entry). */
export const eventCompletionSchema = z.object({
  type: z.literal('event'),
  event: eventNameSchema,
  where: z.record(z.string().min(1).max(200), propertyFilterValue).optional(),
});

/** Either the real action (an event) or a trait condition, e.g. `{ trait: 'avatarUrl', op: 'exists' }`. */
export const completeWhenSchema = z.discriminatedUnion('type', [eventCompletionSchema, traitConditionSchema]);

export const checklistItemSchema = z.object({
  id: slugSchema,
  title: z.string().min(1, 'title must not be empty').max(200),
  description: z.string().max(2_000).optional(),
  action: checklistActionSchema.optional(),
  completeWhen: completeWhenSchema,
  /** Optional items can be skipped and do not block completion. */
  optional: z.boolean().default(false),
  points: z.number().int().nonnegative().max(1_000_000).optional(),
});

/** A checklist's content in its default locale; items show in array order. */
export const checklistContentSchema = z
  .object({
    title: z.string().min(1, 'title must not be empty').max(200),
    description: z.string().max(2_000).optional(),
    items: z.array(checklistItemSchema).min(1, 'a checklist needs at least one item').max(50),
    dismissible: z.boolean().default(true),
    hideWhenComplete: z.boolean().default(false),
    /**
     * Whose progress: the user's own (`user`), or shared by the members of the user's active
     * account (`account`): an item is done once any member's event in the account completes it
     * ("invite a teammate" once for the team), and trait items read the account's traits.
     */
    scope: z.enum(['user', 'account']).default('user'),
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate item id "${item.id}"` });
      }
      seen.add(item.id);
    });
  });

/** Texts for one locale; anything missing falls back to the default locale. */
export const checklistTranslationSchema = z.object({
  title: z.string().min(1).max(200).optional(),
  description: z.string().max(2_000).optional(),
  items: z
    .record(slugSchema, z.object({ title: z.string().min(1).max(200).optional(), description: z.string().max(2_000).optional() }))
    .optional(),
});

/**
 * Checklist events the widget tracks, besides the common prompt events (`PROMPT_EVENTS`).
 * Properties: `{ promptId, itemId }`. Skipping an optional item is a fact kept on the server so it
 * holds across devices; completion itself comes from the user's real events or traits.
 */
export const CHECKLIST_EVENTS = {
  itemCompleted: '$checklist_item_completed',
  itemSkipped: '$checklist_item_skipped',
} as const;

export type ChecklistAction = z.infer<typeof checklistActionSchema>;
export type EventCompletion = z.infer<typeof eventCompletionSchema>;
export type CompleteWhen = z.infer<typeof completeWhenSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistContent = z.infer<typeof checklistContentSchema>;
export type ChecklistTranslation = z.infer<typeof checklistTranslationSchema>;
