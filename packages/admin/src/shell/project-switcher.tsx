import { chooseProject, project, projectId, session } from '../models/session.js';

/**
 * The project the console works on, with the person's role in it. The collector lists only the
 * projects they have a role in, so the switcher offers nothing else.
 */
export function ProjectSwitcher() {
  const projects = session.value?.projects ?? [];
  if (projects.length < 2) {
    return (
      <p class="hint">
        {project.value?.name} ({project.value?.role})
      </p>
    );
  }
  return (
    <div class="field">
      <label for="project-switcher">Project</label>
      <select id="project-switcher" value={projectId.value} onChange={(e) => chooseProject(e.currentTarget.value)}>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.role})
          </option>
        ))}
      </select>
    </div>
  );
}
