import type { VNode } from 'preact';
import { AccountPage } from '../pages/accounts/account-page.js';
import { AccountsPage } from '../pages/accounts/accounts-page.js';
import { AnnouncementEditor } from '../pages/announcement-editor.js';
import { AnnouncementsPage } from '../pages/announcements.js';
import { ChecklistEditor } from '../pages/checklist-editor.js';
import { ChecklistsPage } from '../pages/checklists.js';
import { DashboardPage } from '../pages/dashboard.js';
import { MessageEditor } from '../pages/message-editor.js';
import { MessagesPage } from '../pages/messages.js';
import { RewardsPage } from '../pages/rewards.js';
import { SettingsPage } from '../pages/settings.js';
import { SurveyEditor } from '../pages/survey-editor.js';
import { SurveysPage } from '../pages/surveys.js';
import { UserDetailPage } from '../pages/users/user-detail-page.js';
import { AuditPage } from '../pages/team/audit-page.js';
import { TeamPage } from '../pages/team/team-page.js';
import { UsersPage } from '../pages/users/users-page.js';
import { isOwner } from '../models/session.js';
import { TemplateEditor } from '../templates/template-editor.js';
import { TemplatesPage } from '../templates/templates-page.js';
import { SECTIONS, type SectionId } from './sections.js';

/** One console page: the routes it answers (its capture groups, decoded, are `params`) and its sidebar section. */
export interface ConsoleRoute {
  section: SectionId;
  match: RegExp;
  render: (params: string[]) => VNode;
  /** Whether the signed-in person's role may open it (absent: every role); others never see it. */
  allowed?: () => boolean;
}

/** `new` opens an editor on a fresh record; anything else is a record's id. */
const recordId = (id: string) => (id === 'new' ? null : id);

/** The console's pages. The first route whose pattern matches the whole path wins. */
export const ROUTES: readonly ConsoleRoute[] = [
  { section: 'dashboard', match: /^dashboard$/, render: () => <DashboardPage /> },
  { section: 'templates', match: /^templates$/, render: () => <TemplatesPage /> },
  { section: 'templates', match: /^templates\/([^/]+)$/, render: ([id = '']) => <TemplateEditor templateId={id} /> },
  { section: 'checklists', match: /^(?:prompts)?$/, render: () => <ChecklistsPage /> },
  { section: 'checklists', match: /^prompts\/checklist\/([^/]+)$/, render: ([id = '']) => <ChecklistEditor id={recordId(id)} /> },
  { section: 'surveys', match: /^prompts\/surveys$/, render: () => <SurveysPage /> },
  { section: 'surveys', match: /^prompts\/survey\/([^/]+)$/, render: ([id = '']) => <SurveyEditor id={recordId(id)} /> },
  { section: 'announcements', match: /^prompts\/announcements$/, render: () => <AnnouncementsPage /> },
  {
    section: 'announcements',
    match: /^prompts\/announcement\/([^/]+)$/,
    render: ([id = '']) => <AnnouncementEditor id={recordId(id)} />,
  },
  { section: 'rewards', match: /^prompts\/rewards$/, render: () => <RewardsPage /> },
  { section: 'messages', match: /^messages$/, render: () => <MessagesPage /> },
  { section: 'messages', match: /^messages\/([^/]+)$/, render: ([id = '']) => <MessageEditor id={recordId(id)} /> },
  { section: 'users', match: /^users$/, render: () => <UsersPage /> },
  { section: 'users', match: /^users\/([^/]+)$/, render: ([userId = '']) => <UserDetailPage userId={userId} /> },
  { section: 'accounts', match: /^accounts$/, render: () => <AccountsPage /> },
  { section: 'accounts', match: /^accounts\/([^/]+)$/, render: ([accountId = '']) => <AccountPage accountId={accountId} /> },
  { section: 'settings', match: /^settings$/, render: () => <SettingsPage /> },
  { section: 'team', match: /^team$/, render: () => <TeamPage /> },
  { section: 'audit', match: /^audit$/, render: () => <AuditPage />, allowed: () => isOwner.value },
];

const open = (route: ConsoleRoute) => route.allowed?.() ?? true;

/** The route answering `path` and its decoded parameters; unknown paths show the checklists. */
export function resolve(path: string): { route: ConsoleRoute; params: string[] } {
  for (const route of ROUTES.filter(open)) {
    const found = route.match.exec(path);
    if (found) return { route, params: found.slice(1).map((part) => decodeURIComponent(part ?? '')) };
  }
  return { route: ROUTES.find((route) => route.section === 'checklists') ?? ROUTES[0]!, params: [] };
}

/** The sections that have pages, in sidebar order. */
export const sidebarSections = () =>
  (Object.keys(SECTIONS) as SectionId[])
    .filter((id) => ROUTES.some((route) => route.section === id && open(route)))
    .map((id) => ({ id, ...SECTIONS[id] }));
