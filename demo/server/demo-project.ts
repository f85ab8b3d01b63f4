import { loadConfig } from '@hearth/collector';
import type { ProjectConfig } from '@hearth/schema';
import { demoPaths } from './paths.js';

/** The `acme` project from demo/hearth.config.json: its keys feed the snippet and token minting. */
export function loadDemoProject(configPath = demoPaths.configFile): { project: ProjectConfig; secret: string } {
  const config = loadConfig(configPath);
  const project = config.projects.find((candidate) => candidate.id === 'acme');
  const secret = project?.secretKeys[0];
  if (!project || !secret) throw new Error(`${configPath}: projects: expected a project with id "acme" and a secret key`);
  return { project, secret };
}
