import { announcementKpis, archiveAnnouncement, listAnnouncements, publishAnnouncement } from '../api/announcements.js';
import type { ListRow } from '../components/list-view.js';
import { StatusActions } from '../components/status-actions.js';
import { formatRate } from '../models/funnel.js';
import { ListPage } from './list-page.js';
import { useRecordList } from './use-record-list.js';

/** Announcements with status, search, reach and read rate; publish and archive from the list. */
export function AnnouncementsPage() {
  const { records, figures, message, act } = useRecordList({
    list: listAnnouncements,
    idOf: (record) => record.announcement.id,
    kpisOf: ({ announcement }) => (announcement.publishAt ? announcementKpis(announcement.id) : null),
  });
  const rows = records?.map(({ announcement, version, updatedAt }): ListRow => {
    const kpi = figures[announcement.id];
    return {
      id: announcement.id,
      link: `prompts/announcement/${announcement.id}`,
      name: announcement.name ?? announcement.content.title,
      status: announcement.status,
      updatedAt,
      version,
      figures: [String(kpi?.reach ?? '—'), formatRate(kpi?.readRate ?? null), formatRate(kpi?.ctaClickRate ?? null)],
      actions: (
        <StatusActions
          id={announcement.id}
          status={announcement.status}
          onPublish={() => act(() => publishAnnouncement(announcement.id, version), 'Published')}
          onArchive={() => act(() => archiveAnnouncement(announcement.id, version), 'Archived')}
        />
      ),
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
      emptyHint={<>Create one with “New announcement”; it stays a draft until you publish it.</>}
    />
  );
}
