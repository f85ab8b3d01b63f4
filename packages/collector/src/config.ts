import { readFileSync } from 'node:fs';
import { collectorConfigSchema, parseWire, type CollectorConfig, type CollectorConfigInput } from '@hearth/schema';
import { webhookTargetIssues } from './net/webhook-target.js';

/** A configuration problem; the message lists every failing field as `path: reason`. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates a configuration object; also refuses ids and public keys used by two projects, and
 * webhook URLs pointing inside the network unless their project allows private targets.
 */
export function parseConfig(input: CollectorConfigInput | CollectorConfig, source = 'configuration'): CollectorConfig {
  const parsed = parseWire(collectorConfigSchema, input);
  const problems = parsed.success
    ? [...duplicates(parsed.data), ...privateTargets(parsed.data), ...emailProblems(parsed.data), ...oidcProblems(parsed.data)]
    : parsed.issues.map((i) => `${i.path}: ${i.message}`);
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`Invalid ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return parsed.data;
}

/** Reads and validates a JSON configuration file (`hearth.config.json`). */
export function loadConfig(path: string): CollectorConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the configuration file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`The configuration file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(json as CollectorConfigInput, `configuration file ${path}`);
}

function privateTargets(config: CollectorConfig): string[] {
  return config.projects.flatMap((project, index) =>
    webhookTargetIssues(project).map((issue) => `projects.${index}.${issue.path}: ${issue.message}`),
  );
}

/** Every link in an email is absolute, so sending needs the collector's public URL. */
function emailProblems(config: CollectorConfig): string[] {
  return config.email && !config.publicUrl
    ? ['publicUrl: required when email is configured (links in emails must be absolute, e.g. "https://hearth.example.com/")']
    : [];
}

/** The role mapping may only name configured projects (a typo would silently grant nothing). */
function oidcProblems(config: CollectorConfig): string[] {
  const ids = new Set(config.projects.map((project) => project.id));
  return Object.entries(config.admin.oidc?.roleMapping ?? {}).flatMap(([value, roles]) =>
    Object.keys(roles)
      .filter((projectId) => !ids.has(projectId))
      .map((projectId) => `admin.oidc.roleMapping.${value}.${projectId}: no project "${projectId}" is configured`),
  );
}

function duplicates(config: CollectorConfig): string[] {
  const problems: string[] = [];
  for (const field of ['id', 'publicKey'] as const) {
    const seen = new Map<string, number>();
    config.projects.forEach((project, index) => {
      const first = seen.get(project[field]);
      if (first === undefined) seen.set(project[field], index);
      else problems.push(`projects.${index}.${field}: already used by projects.${first}`);
    });
  }
  return problems;
}

/** Settings the environment may give (env wins over nothing, explicit options win over env). */
export interface EnvSettings {
  port?: number;
  host?: string;
  databaseUrl?: string;
  configPath?: string;
  sqliteFile?: string;
}

export function envSettings(env: Record<string, string | undefined> = process.env): EnvSettings {
  const settings: EnvSettings = {};
  if (env.PORT) {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`PORT: expected a port number, got "${env.PORT}"`);
    settings.port = port;
  }
  if (env.HOST) settings.host = env.HOST;
  if (env.DATABASE_URL) settings.databaseUrl = env.DATABASE_URL;
  if (env.HEARTH_CONFIG) settings.configPath = env.HEARTH_CONFIG;
  if (env.HEARTH_SQLITE_FILE) settings.sqliteFile = env.HEARTH_SQLITE_FILE;
  return settings;
}
