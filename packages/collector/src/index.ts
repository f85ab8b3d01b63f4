export { createApp, type AppOptions } from './app.js';
export { startCollector, type StartOptions, type RunningCollector } from './server.js';
export { loadConfig, parseConfig, envSettings, ConfigError, type EnvSettings } from './config.js';
export { openStore, type StoreOptions } from './storage/open-store.js';
export type { Store, NewEvent, StoredEvent, StoredUser, WriteResult, EventFilter } from './storage/store.js';
export type { GroupCommitOptions } from './storage/group-commit.js';
export { HttpError } from './http/http-error.js';
export { seedPrompts } from './seed-prompts.js';
export type { PromptStore, PromptRecord, PromptOrigin, SeedResult } from './storage/prompts/prompt-store.js';
