/**
 * The per-user state the UI runtime renders, from @hearth/schema (types only: the widget never
 * ships zod). `/v1/state` already picks each prompt's translation for the user's locale, so
 * widgets only personalize and render.
 */
import type { JsonValue } from '@hearth/schema';

export type { ChecklistItemState, ChecklistAction, ChecklistState } from '@hearth/schema';

export type Traits = Record<string, JsonValue | undefined>;
export type TrackProperties = Record<string, JsonValue>;
/** How a widget reports an event: the core's `track`, so consent and the outbox apply. */
export type Track = (name: string, properties?: TrackProperties) => void;
