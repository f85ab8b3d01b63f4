/* global document, window, history, sessionStorage, HashChangeEvent, URLSearchParams */
import { restoreSession, signOut } from './session.js';
import { renderProjects, renderReports, renderSignedOut } from './views.js';

/** Client-side routes. Hearth records each navigation itself (it watches pushState/popstate). */
const routes = {
  '/projects': { title: 'Projects', template: 'view-projects', render: renderProjects },
  '/reports': { title: 'Reports', template: 'view-reports', render: renderReports },
};

const state = { user: null };

// A referral link (`/?ref=CODE`): kept until the next sign-in, which the backend reports to Hearth.
const referral = new URLSearchParams(window.location.search).get('ref');
if (referral) sessionStorage.setItem('acme.ref', referral);
const main = document.getElementById('main');

function render() {
  const route = routes[window.location.pathname];
  if (state.user && !route) return navigate('/projects', { replace: true });
  const view = state.user ? route : { title: 'Sign in', template: 'view-signed-out', render: renderSignedOut };
  main.replaceChildren(document.getElementById(view.template).content.cloneNode(true));
  view.render(main, { user: state.user, onSignedIn });
  document.title = `${view.title} · Acme Projects`;
  document.getElementById('main-nav').hidden = !state.user;
  document.getElementById('account').hidden = !state.user;
  document.getElementById('sidebar').hidden = !state.user;
  document.getElementById('account-name').textContent = state.user ? `${state.user.name} (${state.user.plan})` : '';
  for (const link of document.querySelectorAll('nav a')) {
    if (link.pathname === window.location.pathname) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function navigate(path, { replace = false } = {}) {
  if (path !== window.location.pathname) history[replace ? 'replaceState' : 'pushState'](null, '', path);
  render();
  main.focus();
}

function onSignedIn(user) {
  state.user = user;
  navigate(routes[window.location.pathname] ? window.location.pathname : '/projects');
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.pathname);
});
window.addEventListener('popstate', render);
// Clicking the link again leaves the hash as it is, so no hashchange: tell Hearth ourselves.
document.getElementById('whats-new').addEventListener('click', () => {
  if (window.location.hash === '#hearth-news') window.dispatchEvent(new HashChangeEvent('hashchange'));
});
document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut();
  state.user = null;
  navigate('/');
});

// A failed session check (backend down) leaves the app usable, signed out.
state.user = await restoreSession().catch(() => null);
render();
