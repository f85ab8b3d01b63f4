import { chooseProject, projectId, session } from '../models/session.js';

/** The project the console works on, when the session can see more than one. */
export function ProjectSwitcher() {
  const projects = session.value?.projects ?? [];
  if (projects.length < 2) return null;
  return (
    <div class="field">
      <label for="project-switcher">Project</label>
      <select id="project-switcher" value={projectId.value} onChange={(e) => chooseProject(e.currentTarget.value)}>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
