import { announcementInputSchema, type AnnouncementInput, type AnnouncementRecord } from '@hearth/schema';
import { compileAnnouncement } from '../../content/compile-announcement.js';
import { NOW, daysAgo } from '../test-helpers.js';

/** Tests only: a live, compiled announcement published `ageDays` before `NOW`. */
export function record(id: string, ageDays: number, overrides: Partial<AnnouncementInput> = {}): AnnouncementRecord {
  const announcement = announcementInputSchema.parse({
    id,
    status: 'live',
    publishAt: daysAgo(ageDays).toISOString(),
    content: { title: `Title ${id}`, body: `Body of **${id}**` },
    ...overrides,
  });
  const at = daysAgo(ageDays + 1).toISOString();
  return { announcement, texts: compileAnnouncement(announcement).texts, version: 1, createdAt: at, updatedAt: at };
}

export const EMPTY_ACTIVITY = { read: new Set<string>(), reactions: new Map(), boostedShown: new Set<string>(), digestsShownAt: [] };
export { NOW, daysAgo };
