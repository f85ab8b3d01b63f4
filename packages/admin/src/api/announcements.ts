import type {
  AnnouncementPreview,
  BulkArchiveResult,
  AnnouncementInput,
  AnnouncementKpisAnswer,
  AnnouncementRecord,
  AnnouncementSaved,
} from '@hearth/schema';
import { api, call } from './client.js';

const path = (id: string) => `announcements/${encodeURIComponent(id)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const listAnnouncements = () =>
  call(() => api.get('announcements').json<{ announcements: AnnouncementRecord[] }>()).then((body) => body.announcements);
/** The announcement KPI API counts from publication up to `to` (no `from`), for everyone or a `segment` judged at `to`. */
export const announcementKpis = (id: string, to?: string, segment?: string) =>
  call(() =>
    api
      .get(`${path(id)}/kpis`, { searchParams: { ...(to ? { to } : {}), ...(segment ? { segment } : {}) } })
      .json<AnnouncementKpisAnswer>(),
  );
export const publishAnnouncement = (id: string, version: number) =>
  call(() => api.post(`${path(id)}/publish`, { json: {}, headers: ifMatch(version) }).json<AnnouncementRecord>());
export const archiveAnnouncement = (id: string, version: number) =>
  call(() => api.post(`${path(id)}/archive`, { headers: ifMatch(version) }).json<AnnouncementRecord>());
export const pauseAnnouncement = (id: string, version: number) =>
  call(() => api.post(`${path(id)}/pause`, { headers: ifMatch(version) }).json<AnnouncementRecord>());
export const archiveAnnouncements = (ids: string[]) =>
  call(() => api.post('announcements/archive', { json: { ids } }).json<BulkArchiveResult>());

/** Single reads and saves also say what the Markdown parse dropped, by field (`content.body`). */
export type SavedAnnouncement = AnnouncementSaved;

export const getAnnouncement = (id: string) => call(() => api.get(path(id)).json<SavedAnnouncement>());
export const createAnnouncement = (announcement: AnnouncementInput) =>
  call(() => api.post('announcements', { json: announcement }).json<SavedAnnouncement>());
export const updateAnnouncement = (announcement: AnnouncementInput, version: number) =>
  call(() => api.put(path(announcement.id), { json: announcement, headers: ifMatch(version) }).json<SavedAnnouncement>());
/** The draft parsed as a save would parse it; nothing is stored. */
export const previewAnnouncement = (announcement: AnnouncementInput) =>
  call(() => api.post('announcements/preview', { json: announcement }).json<AnnouncementPreview>());
