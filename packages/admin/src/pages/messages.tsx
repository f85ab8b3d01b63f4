import type { EmailKpis, EmailMessage, EmailMessageRecord, PromptStatus } from '@hearth/schema';
import { createEmailMessage, emailKpis, getEmailMessage, listEmailMessages, setEmailStatus } from '../api/email.js';
import type { ListRow } from '../components/list-view.js';
import { ListPage } from './list-page.js';
import { useRecordList, type RecordListApi } from './use-record-list.js';

/** What each kind sends, for the list's name column. */
export const EMAIL_KIND_LABELS: Record<EmailMessage['kind'], string> = {
  digest: 'What’s new digest',
  onboarding: 'Onboarding rule',
  nps: 'NPS by email',
};

/** A paused message sends nothing, as a draft does: the lists' status filter knows draft, live and archived. */
export const listStatusOf = (message: EmailMessage): PromptStatus => (message.status === 'paused' ? 'draft' : message.status);

export const messageRoute = (id: string) => `messages/${encodeURIComponent(id)}`;

/** Archives one message after reading its current version, for the bulk action; answers whether it existed. */
async function archiveById(id: string): Promise<boolean> {
  const record = await getEmailMessage(id).catch(() => null);
  if (!record) return false;
  if (record.message.status !== 'archived') await setEmailStatus(record, 'archived');
  return true;
}

const kind: RecordListApi<EmailMessageRecord, EmailKpis> = {
  list: listEmailMessages,
  idOf: (record) => record.message.id,
  statusOf: (record) => listStatusOf(record.message),
  kpisOf: (record) => emailKpis(record.message.id),
  publish: (record) => setEmailStatus(record, 'live'),
  // As prompts do, pausing goes back to draft: nothing more is planned, history and figures stay.
  pause: (record) => setEmailStatus(record, 'draft'),
  archive: (record) => setEmailStatus(record, 'archived'),
  duplicate: ({ message }, id) => createEmailMessage({ ...message, id, name: `Copy of ${message.name ?? message.id}`, status: 'draft' }),
  archiveMany: async (ids) => {
    const found = await Promise.all(ids.map(async (id) => [id, await archiveById(id)] as const));
    return { archived: found.filter(([, ok]) => ok).map(([id]) => id), notFound: found.filter(([, ok]) => !ok).map(([id]) => id) };
  },
  editorOf: (record) => messageRoute(record.message.id),
};

/** Lifecycle emails (digest, onboarding rules, NPS by email) with status, figures and each row's actions. */
export function MessagesPage() {
  const { records, figures, message, actionsOf, archiveMany } = useRecordList(kind);
  const rows = records?.map((record): ListRow => {
    const { message: m, version, updatedAt } = record;
    const kpi = figures[m.id];
    return {
      id: m.id,
      link: messageRoute(m.id),
      name: `${m.name ?? m.content.subject} · ${EMAIL_KIND_LABELS[m.kind]}`,
      status: listStatusOf(m),
      updatedAt,
      version,
      figures: [String(kpi?.delivered ?? '—'), String(kpi?.clicked ?? '—'), String(kpi?.reactivated ?? '—')],
      actions: actionsOf(record),
    };
  });
  return (
    <ListPage
      kind="Messages"
      newRoute="messages/new"
      newLabel="New message"
      message={message}
      rows={rows ?? null}
      figureHeaders={['Delivered', 'Clicked', 'Reactivated (7 days)']}
      onArchiveSelected={archiveMany}
      emptyHint={
        <>
          Create one with “New message”: a digest for the inactive, an onboarding rule or NPS by email. It stays a draft until you publish
          it.
        </>
      }
    />
  );
}
