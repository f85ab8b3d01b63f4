import type { AnnouncementInput, AnnouncementRecord } from '@hearth/schema';
import {
  announcementKpis,
  archiveAnnouncement,
  archiveAnnouncements,
  createAnnouncement,
  listAnnouncements,
  pauseAnnouncement,
  publishAnnouncement,
} from '../api/announcements.js';
import type { ListRow } from '../components/list-view.js';
import { formatRate } from '../models/funnel.js';
import { ListPage } from './list-page.js';
import { useRecordList, type RecordListApi } from './use-record-list.js';

/** A copy starts as an unpublished draft: no status or publication time carried over. */
function draftCopy({ announcement }: AnnouncementRecord, id: string): AnnouncementInput {
  const { publishAt: _published, ...rest } = announcement;
  return { ...rest, id, name: `Copy of ${announcement.name ?? announcement.content.title}`, status: 'draft' };
}

const kind: RecordListApi<AnnouncementRecord, Awaited<ReturnType<typeof announcementKpis>>> = {
  list: listAnnouncements,
  idOf: (record) => record.announcement.id,
  statusOf: (record) => record.announcement.status,
  kpisOf: ({ announcement }) => (announcement.publishAt ? announcementKpis(announcement.id) : null),
  publish: (record) => publishAnnouncement(record.announcement.id, record.version),
  pause: (record) => pauseAnnouncement(record.announcement.id, record.version),
  archive: (record) => archiveAnnouncement(record.announcement.id, record.version),
  duplicate: (record, id) => createAnnouncement(draftCopy(record, id)),
  archiveMany: archiveAnnouncements,
  editorOf: (record) => `prompts/announcement/${record.announcement.id}`,
};

/** Announcements with status, search, reach and read rate; every row has its actions. */
export function AnnouncementsPage() {
  const { records, figures, message, actionsOf, archiveMany } = useRecordList(kind);
  const rows = records?.map((record): ListRow => {
    const { announcement, version, updatedAt } = record;
    const kpi = figures[announcement.id];
    return {
      id: announcement.id,
      link: `prompts/announcement/${announcement.id}`,
      name: announcement.name ?? announcement.content.title,
      status: announcement.status,
      updatedAt,
      version,
      figures: [String(kpi?.reach ?? '—'), formatRate(kpi?.readRate ?? null), formatRate(kpi?.ctaClickRate ?? null)],
      actions: actionsOf(record),
    };
  });
  return (
    <ListPage
      kind="Announcements"
      newRoute="prompts/announcement/new"
      newLabel="New announcement"
      message={message}
      rows={rows ?? null}
      figureHeaders={['Reach', 'Read', 'CTA clicks']}
      onArchiveSelected={archiveMany}
      emptyHint={<>Create one with “New announcement”; it stays a draft until you publish it.</>}
    />
  );
}
