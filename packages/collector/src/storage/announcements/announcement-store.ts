import type { Announcement, AnnouncementRecord, AnnouncementTexts, JsonValue } from '@hearth/schema';
import type { ActivityEvent } from '../../domain/announcements/activity.js';
import type { KpiSegment } from '../../kpi/segment.js';

/** Whose activity: an identified user, or a visitor whose anonymous id no user claimed. */
export type ActivitySubject = { userId: string } | { anonymousId: string };

/** One announcement event as the KPI folds it. */
export interface AnnouncementKpiEvent {
  userId: string;
  name: string;
  at: number;
  properties: Record<string, JsonValue>;
}

export interface AnnouncementKpiUserRow {
  userId: string;
  traits: Record<string, JsonValue>;
  firstSeen: number;
  lastSeen: number;
  /** First time (before `to`) the user did the feature event asked for; null when none or not asked. */
  featureFirstAt: number | null;
}

/** `store.announcements`: announcement configuration and the events its state and KPIs read. */
export interface AnnouncementStore {
  /** Every announcement of the project, newest publish time first (unpublished last). */
  list(projectId: string): Promise<AnnouncementRecord[]>;
  get(projectId: string, id: string): Promise<AnnouncementRecord | null>;
  /** Inserts version 1; null when the id is taken. */
  create(
    projectId: string,
    announcement: Announcement,
    texts: Record<string, AnnouncementTexts>,
    at: number,
  ): Promise<AnnouncementRecord | null>;
  /** Next version if the stored one is still `expectedVersion`; null when missing or changed meanwhile. */
  replace(
    projectId: string,
    announcement: Announcement,
    texts: Record<string, AnnouncementTexts>,
    expectedVersion: number,
    at: number,
  ): Promise<AnnouncementRecord | null>;
  /** True when something was deleted. */
  remove(projectId: string, id: string): Promise<boolean>;
  /** The subject's events `foldActivity` reads (`ACTIVITY_EVENT_NAMES`). */
  activity(projectId: string, subject: ActivitySubject): Promise<ActivityEvent[]>;
  /**
   * Identified users first seen before `to`: the population the KPI's control group comes from;
   * with a segment, only its users (judged at `to`).
   */
  kpiUsers(projectId: string, to: Date, featureEvent?: string, segment?: KpiSegment): Promise<AnnouncementKpiUserRow[]>;
  /**
   * Identified users' events before `to` about announcement `id`: reads, reactions and CTA clicks
   * with that `announcementId`, boosted displays (`$prompt_shown`, `kind: 'announcement'`) with
   * that `promptId`, digests whose `announcementIds` array lists it. Ids match as JSON strings only.
   * With a segment, only its users' (judged at `to`, as `kpiUsers`).
   */
  kpiAnnouncementEvents(projectId: string, id: string, to: Date, segment?: KpiSegment): Promise<AnnouncementKpiEvent[]>;
  /** Identified users' events with these names before `to` (the audience's behaviour rules); with a segment, its users'. */
  kpiEvents(projectId: string, names: readonly string[], to: Date, segment?: KpiSegment): Promise<AnnouncementKpiEvent[]>;
}
