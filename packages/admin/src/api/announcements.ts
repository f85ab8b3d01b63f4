import type { Announcement, AnnouncementInput, AnnouncementTexts } from '@hearth/schema';
import { api, call } from './client.js';

export interface AnnouncementRecord {
  announcement: Announcement;
  /** The Markdown parsed by the collector into the allowlisted tree, per locale. */
  texts: Record<string, AnnouncementTexts>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The answer of `GET /v1/admin/announcements/:id/kpis` (docs/announcements.md). */
export interface AnnouncementKpis {
  announcementId: string;
  reach: number;
  read: number;
  readRate: number | null;
  ctaClicks: number;
  ctaClickRate: number | null;
  reactions: { up: number; down: number; feedback: number };
  adoption: { days: number; lift: number | null; exposed: { rate: number | null }; control: { rate: number | null } } | null;
}

const path = (id: string) => `announcements/${encodeURIComponent(id)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const listAnnouncements = () =>
  call(() => api.get('announcements').json<{ announcements: AnnouncementRecord[] }>()).then((body) => body.announcements);
export const announcementKpis = (id: string, to?: string) =>
  call(() => api.get(`${path(id)}/kpis`, { searchParams: to ? { to } : {} }).json<AnnouncementKpis>());
export const publishAnnouncement = (id: string, version: number) =>
  call(() => api.post(`${path(id)}/publish`, { json: {}, headers: ifMatch(version) }).json<AnnouncementRecord>());
export const archiveAnnouncement = (id: string, version: number) =>
  call(() => api.post(`${path(id)}/archive`, { headers: ifMatch(version) }).json<AnnouncementRecord>());

/** Single reads and saves also say what the Markdown parse dropped, by field (`content.body`). */
export type SavedAnnouncement = AnnouncementRecord & { warnings: { path: string; message: string }[] };

export const getAnnouncement = (id: string) => call(() => api.get(path(id)).json<SavedAnnouncement>());
export const createAnnouncement = (announcement: AnnouncementInput) => call(() => api.post('announcements', { json: announcement }).json<SavedAnnouncement>());
export const updateAnnouncement = (announcement: AnnouncementInput, version: number) =>
  call(() => api.put(path(announcement.id), { json: announcement, headers: ifMatch(version) }).json<SavedAnnouncement>());
