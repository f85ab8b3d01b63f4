import type { Announcement } from '@hearth/schema';
import { api, call } from './client.js';

export interface AnnouncementRecord {
  announcement: Announcement;
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
