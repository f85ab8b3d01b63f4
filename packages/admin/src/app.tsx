import { useEffect } from 'preact/hooks';
import { canEdit, chooseProject, isOwner, project, projectId, restoreSession, session, signOut } from './models/session.js';
import { AnnouncementEditor } from './pages/announcement-editor.js';
import { ChecklistEditor } from './pages/checklist-editor.js';
import { DashboardPage } from './pages/dashboard.js';
import { AnnouncementsPage } from './pages/announcements.js';
import { ChecklistsPage } from './pages/checklists.js';
import { RewardsPage } from './pages/rewards.js';
import { SettingsPage } from './pages/settings.js';
import { SignInPage } from './pages/sign-in.js';
import { SurveyEditor } from './pages/survey-editor.js';
import { SurveysPage } from './pages/surveys.js';
import { UserDetailPage } from './pages/users/user-detail-page.js';
import { UsersPage } from './pages/users/users-page.js';
import { AuditPage } from './pages/team/audit-page.js';
import { InvitePage } from './pages/team/invite-page.js';
import { TeamPage } from './pages/team/team-page.js';
import { href, navigate, route } from './router.js';

/** Each kind's editor, by the kind in its route (`prompts/<kind>/<id>`, `new` for a new one). */
const editors = { checklist: ChecklistEditor, survey: SurveyEditor, announcement: AnnouncementEditor };

function Page() {
  const path = route.value;
  const [, kind, id = ''] = /^prompts\/(checklist|survey|announcement)\/([^/]+)$/.exec(path) ?? [];
  const Editor = editors[kind as keyof typeof editors] as (typeof editors)[keyof typeof editors] | undefined;
  if (Editor) return <Editor key={path} id={id === 'new' ? null : decodeURIComponent(id)} />;
  if (path === 'prompts/rewards') return <RewardsPage key={projectId.value} />;
  if (path === 'settings') return <SettingsPage key={projectId.value} />;
  if (path === 'dashboard') return <DashboardPage key={projectId.value} />;
  if (path === 'users') return <UsersPage key={projectId.value} />;
  if (path === 'team') return <TeamPage key={projectId.value} />;
  if (path === 'audit' && isOwner.value) return <AuditPage key={projectId.value} />;
  const user = /^users\/([^/]+)$/.exec(path)?.[1];
  if (user) return <UserDetailPage key={`${projectId.value}/${user}`} userId={decodeURIComponent(user)} />;
  if (path === 'prompts/surveys') return <SurveysPage key={projectId.value} />;
  if (path === 'prompts/announcements') return <AnnouncementsPage key={projectId.value} />;
  return <ChecklistsPage key={projectId.value} />;
}

function NavLink({ to, label }: { to: string; label: string }) {
  const current = route.value === to || route.value.startsWith(`${to}/`) || (to === 'prompts' && route.value.startsWith('prompts'));
  return (
    <a href={href(to)} aria-current={current ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(to))}>
      {label}
    </a>
  );
}

export function App() {
  useEffect(() => void restoreSession(), []);
  const info = session.value;
  // An invitation link works signed in or not: it is about someone else's account.
  if (route.value === 'invite') return <InvitePage />;
  if (info === undefined) return <p aria-busy="true">Loading…</p>;
  if (info === null) return <SignInPage />;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <strong>Hearth admin</strong>
        <nav aria-label="Console">
          <NavLink to="prompts" label="Prompts" />
          <NavLink to="dashboard" label="Dashboard" />
          <NavLink to="users" label="Users" />
          <NavLink to="settings" label="Settings" />
          <NavLink to="team" label="Team" />
          {isOwner.value && <NavLink to="audit" label="Audit log" />}
        </nav>
        {info.projects.length > 1 ? (
          <label>
            Project{' '}
            <select value={projectId.value} onChange={(e) => chooseProject(e.currentTarget.value)}>
              {info.projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.role})
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span>
            {project.value?.name} ({project.value?.role})
          </span>
        )}
        <span class="hint">{info.user.email}</span>
        <button type="button" class="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {!canEdit.value && (
          <p class="hint" role="note">
            You are a viewer in {project.value?.name}: you can look at everything, but not publish, change or delete.
          </p>
        )}
        {info.projects.length === 0 ? <p>You have no role in any project yet: ask an owner to invite you.</p> : <Page />}
      </main>
    </>
  );
}
