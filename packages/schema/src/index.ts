export { JSON_LIMITS, propertiesSchema, type JsonValue } from './json.js';
export {
  messageIdSchema,
  eventNameSchema,
  pageContextSchema,
  trackEventSchema,
  pageEventSchema,
  identifyEventSchema,
  eventSchema,
  type TrackEvent,
  type PageEvent,
  type IdentifyEvent,
  type HearthEvent,
  type PageContext,
} from './event.js';
export {
  MAX_BATCH_EVENTS,
  MAX_BATCH_BYTES,
  MAX_EVENT_BYTES,
  batchSchema,
  batchResultSchema,
  type Batch,
  type BatchResult,
} from './batch.js';
export { errorIssueSchema, errorBodySchema, toErrorIssues, type ErrorIssue, type ErrorBody } from './error-body.js';
export {
  publicKeySchema,
  secretKeySchema,
  originSchema,
  projectConfigSchema,
  rateLimitSchema,
  collectorConfigSchema,
  type ProjectConfig,
  type CollectorConfig,
  type CollectorConfigInput,
} from './project-config.js';
