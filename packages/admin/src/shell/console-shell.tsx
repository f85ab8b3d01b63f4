import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Toasts } from '../components/toasts.js';
import { projectId, signOut } from '../models/session.js';
import { route } from '../router.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { watchPageHeading } from './page-heading.js';
import { ProjectSwitcher } from './project-switcher.js';
import { resolve } from './routes.js';
import { SidebarNav } from './sidebar.js';

const APP_NAME = 'Hearth admin';

/**
 * The signed-in console: sidebar (sections, project, sign out), top bar with breadcrumbs, the page,
 * and the toast region. Below tablet width the sidebar opens from the top bar's Menu button; Escape
 * or choosing a page closes it and gives focus back to the button.
 */
export function ConsoleShell() {
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const sidebar = useRef<HTMLElement>(null);
  useEffect(() => (main.current ? watchPageHeading(main.current, APP_NAME) : undefined), []);
  useEffect(() => {
    if (menuOpen) sidebar.current?.querySelector<HTMLElement>('a, button, select')?.focus();
  }, [menuOpen]);
  const closeMenu = () => {
    if (!menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  const path = route.value;
  const { route: page, params } = resolve(path);
  return (
    <div class={`shell${menuOpen ? ' shell--menu-open' : ''}`}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <aside id="sidebar" class="sidebar" ref={sidebar} aria-label="Sidebar" onKeyDown={(e) => e.key === 'Escape' && closeMenu()}>
        <div class="brand">{APP_NAME}</div>
        <SidebarNav onNavigate={closeMenu} />
        <div class="sidebar-foot">
          <ProjectSwitcher />
          <button type="button" class="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </aside>
      <div class="shell-main">
        <header class="topbar">
          <button
            type="button"
            class="secondary menu-button"
            ref={menuButton}
            aria-expanded={menuOpen}
            aria-controls="sidebar"
            onClick={() => (menuOpen ? closeMenu() : setMenuOpen(true))}
          >
            Menu
          </button>
          <Breadcrumbs />
        </header>
        <main id="main" tabIndex={-1} ref={main}>
          <Fragment key={`${projectId.value}/${path}`}>{page.render(params)}</Fragment>
        </main>
      </div>
      <Toasts />
    </div>
  );
}
