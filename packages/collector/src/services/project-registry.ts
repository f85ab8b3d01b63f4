import type { ProjectConfig } from '@hearth/schema';

/**
 * The projects as they apply now: the configuration file's, with the console's stored changes on
 * top. The settings service replaces a project here when a change applies; middleware looks the
 * project up here on every request, so a change (a rotated key, a new origin) applies on the very
 * next request. Project objects are never changed in place: a request keeps the one it started with.
 */
export class ProjectRegistry {
  readonly #byId: Map<string, ProjectConfig>;
  /** Public keys are file-only settings, so this index never changes. */
  readonly #idByPublicKey: Map<string, string>;

  constructor(projects: readonly ProjectConfig[]) {
    this.#byId = new Map(projects.map((project) => [project.id, project]));
    this.#idByPublicKey = new Map(projects.map((project) => [project.publicKey, project.id]));
  }

  /** Every project, in the configuration file's order. */
  all(): ProjectConfig[] {
    return [...this.#byId.values()];
  }

  get(projectId: string): ProjectConfig | undefined {
    return this.#byId.get(projectId);
  }

  byPublicKey(key: string): ProjectConfig | undefined {
    const id = this.#idByPublicKey.get(key);
    return id === undefined ? undefined : this.#byId.get(id);
  }

  /** Puts `project` in force for its id (a project the file does not name is refused). */
  replace(project: ProjectConfig): void {
    if (!this.#byId.has(project.id)) throw new Error(`No project "${project.id}" on this collector.`);
    this.#byId.set(project.id, project);
  }
}
