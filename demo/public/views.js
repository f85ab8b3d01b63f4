/* global document, localStorage, setTimeout, clearTimeout, FormData, fetch */
import { hearth } from './hearth.js';
import { signIn } from './session.js';

let toastTimer;
function announce(message) {
  const toast = document.getElementById('toast');
  toast.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.textContent = ''), 4000);
}

/** Wires a form: the handler gets its values; the form resets after success. */
function onSubmit(root, id, handler) {
  const form = root.querySelector(`#${id}`);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    await handler(Object.fromEntries(new FormData(form)), form);
  });
}

export function renderSignedOut(root, { onSignedIn }) {
  const email = root.querySelector('#sign-in-email');
  for (const button of root.querySelectorAll('[data-fill-email]')) {
    button.addEventListener('click', () => {
      email.value = button.dataset.fillEmail;
      email.focus();
    });
  }
  onSubmit(root, 'sign-in-form', async (values) => {
    const error = root.querySelector('#sign-in-error');
    error.textContent = '';
    try {
      onSignedIn(await signIn(values.email));
    } catch (failure) {
      error.textContent = failure.message;
    }
  });
  onSubmit(root, 'request-demo-form', (values, form) => {
    hearth('track', 'Demo Requested', { company: values.company });
    announce(`Thanks! We will reach out to ${values.company}.`);
    form.reset();
  });
}

/** Projects are kept per user in this browser: the fake app has no database of its own. */
const projectsKey = (user) => `acme.projects.${user.id}`;
const loadProjects = (user) => JSON.parse(localStorage.getItem(projectsKey(user)) ?? '[]');

function listProjects(root, user) {
  const projects = loadProjects(user);
  const list = root.querySelector('#project-list');
  list.replaceChildren(
    ...projects.map((project) => {
      const item = document.createElement('li');
      const detail = document.createElement('small');
      item.textContent = project.name;
      detail.textContent = `${project.template} · created ${new Date(project.createdAt).toLocaleDateString()}`;
      item.append(detail);
      return item;
    }),
  );
  root.querySelector('#project-empty').hidden = projects.length > 0;
}

export function renderProjects(root, { user }) {
  listProjects(root, user);
  onSubmit(root, 'new-project-form', async (values, form) => {
    // The backend vouches for it to Hearth (points, referrals) before the browser tracks it, so the
    // state refresh that follows the tracked event already shows the points.
    await fetch('/api/projects', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: values.template }),
    }).catch(() => undefined);
    const projects = loadProjects(user);
    const project = { name: values.name.trim(), template: values.template, createdAt: new Date().toISOString() };
    localStorage.setItem(projectsKey(user), JSON.stringify([...projects, project]));
    hearth('track', 'Project Created', { projectName: project.name, template: project.template, projectCount: projects.length + 1 });
    announce(`Project "${project.name}" created.`);
    form.reset();
    listProjects(root, user);
  });
  onSubmit(root, 'invite-form', (values, form) => {
    // Only the domain goes to analytics: the teammate has not agreed to anything yet.
    const inviteeDomain = values.email.split('@').pop();
    hearth('track', 'Teammate Invited', { role: values.role, inviteeDomain });
    announce(`Invitation sent to ${values.email}.`);
    form.reset();
  });
}

export function renderReports(root) {
  const fileName = root.querySelector('#export-file-name');
  const suggestName = () => {
    fileName.value = `${root.querySelector('#export-report').value}-${new Date().toISOString().slice(0, 10)}`;
  };
  suggestName();
  root.querySelector('#export-report').addEventListener('change', suggestName);
  onSubmit(root, 'export-form', (values) => {
    hearth('track', 'Report Exported', { report: values.report, format: values.format, fileName: values.fileName });
    announce(`Exported ${values.fileName}.${values.format}`);
  });
}
