import { useEffect, useState } from 'preact/hooks';
import { announcementKpis, archiveAnnouncement, listAnnouncements, publishAnnouncement, type AnnouncementKpis, type AnnouncementRecord } from '../api/announcements.js';
import { ListView, type ListRow } from '../components/list-view.js';
import { StatusActions } from '../components/status-actions.js';
import { formatRate } from '../models/funnel.js';
import { projectId } from '../models/session.js';
import { href, navigate } from '../router.js';
import { KindTabs } from './kind-tabs.js';

/** Announcements with status, search, reach and read rate; publish and archive from the list. */
export function AnnouncementsPage() {
  const [records, setRecords] = useState<AnnouncementRecord[] | null>(null);
  const [figures, setFigures] = useState<Record<string, AnnouncementKpis>>({});
  const [message, setMessage] = useState('');
  const load = () =>
    listAnnouncements()
      .then(async (all) => {
        setRecords(all);
        const published = all.filter((record) => record.announcement.publishAt);
        const entries = await Promise.all(published.map(async ({ announcement }) => [announcement.id, await announcementKpis(announcement.id).catch(() => null)] as const));
        setFigures(Object.fromEntries(entries.flatMap(([id, kpi]) => (kpi ? [[id, kpi]] : []))));
      })
      .catch((failure: Error) => setMessage(failure.message));
  useEffect(() => void load(), [projectId.value]);

  const act = (run: () => Promise<AnnouncementRecord>, done: string) =>
    run().then(
      (saved) => (setMessage(`${done} “${saved.announcement.id}” (version ${saved.version}).`), load()),
      (failure: Error) => setMessage(failure.message),
    );
  const rows: ListRow[] = (records ?? []).map(({ announcement, version, updatedAt }) => {
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
    <>
      <div class="page-head">
        <h1>Announcements</h1>
        <a class="button" href={href('prompts/announcement/new')} onClick={(e) => (e.preventDefault(), navigate('prompts/announcement/new'))}>
          New announcement
        </a>
      </div>
      <KindTabs />
      <p role="status" class="message">
        {message}
      </p>
      {records === null ? (
        <p aria-busy="true">Loading announcements…</p>
      ) : (
        <ListView
          kind="Announcements"
          rows={rows}
          figureHeaders={['Reach', 'Read', 'CTA clicks']}
          emptyHint={<>Create one with “New announcement”; it stays a draft until you publish it.</>}
        />
      )}
    </>
  );
}
