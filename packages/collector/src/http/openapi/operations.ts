import {
  adminSessionSchema,
  announcementListSchema,
  announcementSavedSchema,
  announcementsStateSchema,
  announcementInputSchema,
  announcementKpisAnswerSchema,
  balanceSchema,
  batchResultSchema,
  batchSchema,
  checklistKpisAnswerSchema,
  explainAnswerSchema,
  healthSchema,
  kpiInstantSchema,
  pointsRequestSchema,
  pointsResultSchema,
  projectSettingsPatchSchema,
  promptListSchema,
  promptRecordSchema,
  promptSchema,
  promptVersionListSchema,
  redeemRequestSchema,
  redemptionFailureSchema,
  referralAttachSchema,
  referralSchema,
  rewardsConfigSchema,
  rewardsKpisAnswerSchema,
  rewardsProgramRecordSchema,
  rewardsStateSchema,
  serverEventsRequestSchema,
  serverEventsResultSchema,
  serverLedgerEntrySchema,
  serverRedemptionSchema,
  settingsChangeSchema,
  surveyResponseSchema,
  trustedTraitsRequestSchema,
  userStateSchema,
} from '@hearth/schema';
import { z } from 'zod';
import { traitShape } from '../kpi-query.js';
import { adoptionShape, queryShape } from '../routes/admin-kpi-retention.js';
import { explainQuerySchema } from '../routes/admin-prompts.js';
import { rollbackSchema } from '../routes/admin-prompt-versions.js';
import { signInSchema } from '../routes/admin-session.js';
import { webhookRefSchema } from '../routes/admin-settings.js';
import { csvShape, surveyKpiShape } from '../routes/admin-surveys.js';
import { searchQuerySchema } from '../routes/admin-users.js';
import { publishBodySchema } from '../routes/announcements-admin.js';
import { feedQuerySchema } from '../routes/announcements-feed.js';
import { kpiQuerySchema } from '../routes/announcements-kpi.js';
import { stateQuerySchema } from '../routes/state.js';

/**
 * Who may call an operation: `public` (a page, with the project's public key in `?key=`), `server`
 * (a backend, with a secret key), `admin` (a secret key or the console's session), `open` (anyone).
 */
export type Access = 'public' | 'server' | 'admin' | 'open';

/** One answer: JSON checked against a schema, another media type, or no body. */
export type Answer = { json: z.ZodType } | { media: 'text/csv' | 'text/html' | 'application/atom+xml' | 'text/javascript' } | { empty: true };

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template: `/v1/admin/prompts/{id}`. */
  path: string;
  summary: string;
  access: Access;
  tag: 'Public' | 'Server' | 'Admin' | 'Collector';
  query?: z.ZodObject;
  /** A JSON request body. */
  body?: z.ZodType;
  bodyOptional?: true;
  answers: Partial<Record<200 | 201 | 204 | 304 | 308, Answer>>;
}

/**
 * A JSON answer not yet described field by field by a schema in @hearth/schema (KPI reports,
 * user search and detail): the document promises an object and names its definition.
 */
const report = (what: string) => z.looseObject({}).describe(what);

const kpiRange = { from: kpiInstantSchema.optional(), to: kpiInstantSchema.optional() };
const kpiQuery = (shape: z.ZodRawShape) => z.object({ ...kpiRange, ...shape });
const redeemAnswer = z.object({
  status: z.enum(['created', 'duplicate']),
  redemption: z.object({ id: z.string(), itemId: z.string(), cost: z.number().int(), status: z.string() }),
  balance: z.number().int(),
});
const erased = z.object({ userId: z.string(), removed: z.record(z.string(), z.number().int().nonnegative()) });
const json = (schema: z.ZodType): Answer => ({ json: schema });

/** Every route of the collector, with the zod schemas of its query, body and answers. */
export const OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/healthz', tag: 'Collector', access: 'open', summary: 'Liveness: the store kind and events waiting to be written', answers: { 200: json(healthSchema) } },
  { method: 'get', path: '/openapi.json', tag: 'Collector', access: 'open', summary: 'This document', answers: { 200: json(report('OpenAPI 3.1 document')) } },

  // Pages (public key)
  { method: 'post', path: '/v1/batch', tag: 'Public', access: 'public', summary: 'Store a batch of events exactly once', body: batchSchema, answers: { 200: json(batchResultSchema) } },
  { method: 'get', path: '/v1/state', tag: 'Public', access: 'public', summary: 'What to show one user now', query: stateQuerySchema, answers: { 200: json(userStateSchema), 304: { empty: true } } },
  { method: 'get', path: '/v1/announcements', tag: 'Public', access: 'public', summary: 'One page of the announcements feed', query: feedQuerySchema, answers: { 200: json(announcementsStateSchema.pick({ items: true, nextCursor: true })), 304: { empty: true } } },
  { method: 'post', path: '/v1/responses', tag: 'Public', access: 'public', summary: 'One survey answer', body: surveyResponseSchema, answers: { 200: json(z.object({ outcome: z.string(), cycle: z.number().int() })) } },
  { method: 'get', path: '/v1/rewards', tag: 'Public', access: 'public', summary: "A verified user's points, tier, badges and catalog", query: z.object({ key: z.string(), userId: z.string(), userToken: z.string(), locale: z.string().optional() }), answers: { 200: json(rewardsStateSchema) } },
  { method: 'post', path: '/v1/rewards/redeem', tag: 'Public', access: 'public', summary: 'Redeem a catalog item (idempotent by requestId)', body: redeemRequestSchema, answers: { 200: json(redeemAnswer), 201: json(redeemAnswer) } },
  { method: 'get', path: '/changelog/{project}', tag: 'Public', access: 'open', summary: 'Public changelog page', answers: { 200: { media: 'text/html' } } },
  { method: 'get', path: '/changelog/{project}/feed.xml', tag: 'Public', access: 'open', summary: 'Public changelog as Atom', answers: { 200: { media: 'application/atom+xml' } } },
  { method: 'get', path: '/sdk/{file}', tag: 'Public', access: 'open', summary: "The widget's files (hearth.js, snippet.min.js, chunks/…)", answers: { 200: { media: 'text/javascript' } } },

  // Backends (secret key)
  { method: 'post', path: '/v1/server/events', tag: 'Server', access: 'server', summary: 'Trusted events from a backend (idempotent by id)', body: serverEventsRequestSchema, answers: { 200: json(serverEventsResultSchema) } },
  { method: 'post', path: '/v1/server/points', tag: 'Server', access: 'server', summary: 'Grant or deduct points (idempotent by idempotencyKey)', body: pointsRequestSchema, answers: { 200: json(pointsResultSchema), 201: json(pointsResultSchema) } },
  { method: 'put', path: '/v1/server/users/{userId}/traits', tag: 'Server', access: 'server', summary: "Set a user's trusted traits", body: trustedTraitsRequestSchema, answers: { 200: json(z.object({ userId: z.string(), traits: z.record(z.string(), z.unknown()) })) } },
  { method: 'get', path: '/v1/server/users/{userId}/balance', tag: 'Server', access: 'server', summary: "A user's points balance", answers: { 200: json(balanceSchema.extend({ userId: z.string() })) } },
  { method: 'get', path: '/v1/server/users/{userId}/ledger', tag: 'Server', access: 'server', summary: "A user's ledger, newest first", query: z.object({ limit: z.coerce.number().int().min(1).max(1_000).optional() }), answers: { 200: json(z.object({ userId: z.string(), entries: z.array(serverLedgerEntrySchema) })) } },
  { method: 'post', path: '/v1/server/redemptions/{id}/{outcome}', tag: 'Server', access: 'server', summary: 'Settle a redemption: outcome is fulfilled or failed', body: redemptionFailureSchema, bodyOptional: true, answers: { 200: json(serverRedemptionSchema) } },
  { method: 'post', path: '/v1/server/referrals', tag: 'Server', access: 'server', summary: 'Attach a referral code to a new user', body: referralAttachSchema, answers: { 201: json(referralSchema) } },
  { method: 'post', path: '/v1/server/rewards/expire', tag: 'Server', access: 'server', summary: "Expire points older than the program's expiryMonths", answers: { 200: json(z.object({ expired: z.number().int().nonnegative() })) } },
  { method: 'get', path: '/v1/server/rewards/kpis', tag: 'Server', access: 'server', summary: 'Rewards KPIs', query: kpiQuery({}), answers: { 200: json(rewardsKpisAnswerSchema) } },
  { method: 'get', path: '/v1/server/users/{userId}/export', tag: 'Server', access: 'server', summary: 'Everything Hearth holds about a user', answers: { 200: json(report('The user export: docs/privacy.md')) } },
  { method: 'delete', path: '/v1/server/users/{userId}', tag: 'Server', access: 'server', summary: 'Erase a user', answers: { 200: json(erased) } },

  // Console and admin API (secret key or console session)
  { method: 'post', path: '/v1/admin/session', tag: 'Admin', access: 'open', summary: 'Sign in to the console', body: signInSchema, answers: { 201: json(adminSessionSchema) } },
  { method: 'get', path: '/v1/admin/session', tag: 'Admin', access: 'open', summary: 'The current console session', answers: { 200: json(adminSessionSchema) } },
  { method: 'delete', path: '/v1/admin/session', tag: 'Admin', access: 'open', summary: 'Sign out', answers: { 204: { empty: true } } },
  { method: 'get', path: '/v1/admin/prompts', tag: 'Admin', access: 'admin', summary: 'Every prompt', answers: { 200: json(promptListSchema) } },
  { method: 'post', path: '/v1/admin/prompts', tag: 'Admin', access: 'admin', summary: 'Create a prompt', body: promptSchema, answers: { 201: json(promptRecordSchema) } },
  { method: 'get', path: '/v1/admin/prompts/{id}', tag: 'Admin', access: 'admin', summary: 'One prompt', answers: { 200: json(promptRecordSchema) } },
  { method: 'put', path: '/v1/admin/prompts/{id}', tag: 'Admin', access: 'admin', summary: 'Replace a prompt (If-Match: its version)', body: promptSchema, answers: { 200: json(promptRecordSchema) } },
  { method: 'post', path: '/v1/admin/prompts/{id}/publish', tag: 'Admin', access: 'admin', summary: 'Publish (live, or scheduled until startAt)', answers: { 200: json(promptRecordSchema) } },
  { method: 'post', path: '/v1/admin/prompts/{id}/archive', tag: 'Admin', access: 'admin', summary: 'Archive', answers: { 200: json(promptRecordSchema) } },
  { method: 'get', path: '/v1/admin/prompts/{id}/explain', tag: 'Admin', access: 'admin', summary: 'Why a user does or does not see the prompt', query: explainQuerySchema, answers: { 200: json(explainAnswerSchema) } },
  { method: 'get', path: '/v1/admin/prompts/{id}/versions', tag: 'Admin', access: 'admin', summary: 'Saved versions', answers: { 200: json(promptVersionListSchema) } },
  { method: 'post', path: '/v1/admin/prompts/{id}/rollback', tag: 'Admin', access: 'admin', summary: "Save an old version's configuration as a new version", body: rollbackSchema, answers: { 200: json(promptRecordSchema) } },
  { method: 'get', path: '/v1/admin/announcements', tag: 'Admin', access: 'admin', summary: 'Every announcement', answers: { 200: json(announcementListSchema) } },
  { method: 'post', path: '/v1/admin/announcements', tag: 'Admin', access: 'admin', summary: 'Create an announcement (expiresAt must be ahead)', body: announcementInputSchema, answers: { 201: json(announcementSavedSchema) } },
  { method: 'get', path: '/v1/admin/announcements/{id}', tag: 'Admin', access: 'admin', summary: 'One announcement', answers: { 200: json(announcementSavedSchema) } },
  { method: 'put', path: '/v1/admin/announcements/{id}', tag: 'Admin', access: 'admin', summary: 'Replace an announcement (status and publishAt kept when left out)', body: announcementInputSchema, answers: { 200: json(announcementSavedSchema) } },
  { method: 'delete', path: '/v1/admin/announcements/{id}', tag: 'Admin', access: 'admin', summary: 'Delete an announcement', answers: { 204: { empty: true } } },
  { method: 'post', path: '/v1/admin/announcements/{id}/publish', tag: 'Admin', access: 'admin', summary: 'Publish now, or schedule with `at`', body: publishBodySchema, answers: { 200: json(announcementSavedSchema) } },
  { method: 'post', path: '/v1/admin/announcements/{id}/archive', tag: 'Admin', access: 'admin', summary: 'Take it out of the feed and the changelog', answers: { 200: json(announcementSavedSchema) } },
  { method: 'get', path: '/v1/admin/announcements/{id}/kpis', tag: 'Admin', access: 'admin', summary: 'Reach, read rate, CTA clicks, adoption', query: kpiQuerySchema, answers: { 200: json(announcementKpisAnswerSchema) } },
  { method: 'get', path: '/v1/admin/settings', tag: 'Admin', access: 'admin', summary: 'Project settings (secrets as fingerprints)', answers: { 200: json(settingsChangeSchema) } },
  { method: 'patch', path: '/v1/admin/settings', tag: 'Admin', access: 'admin', summary: 'Change project settings (If-Match: settings version)', body: projectSettingsPatchSchema, answers: { 200: json(settingsChangeSchema) } },
  { method: 'post', path: '/v1/admin/settings/keys/rotate', tag: 'Admin', access: 'admin', summary: 'Add a new secret key', answers: { 200: json(settingsChangeSchema) } },
  { method: 'post', path: '/v1/admin/settings/keys/finish-rotation', tag: 'Admin', access: 'admin', summary: 'Retire the old secret key', answers: { 200: json(settingsChangeSchema) } },
  { method: 'post', path: '/v1/admin/settings/webhooks/rotate', tag: 'Admin', access: 'admin', summary: "Add a new signing secret to a webhook", body: webhookRefSchema, answers: { 200: json(settingsChangeSchema) } },
  { method: 'post', path: '/v1/admin/settings/webhooks/finish-rotation', tag: 'Admin', access: 'admin', summary: "Retire a webhook's old signing secret", body: webhookRefSchema, answers: { 200: json(settingsChangeSchema) } },
  { method: 'get', path: '/v1/admin/rewards-program', tag: 'Admin', access: 'admin', summary: 'The rewards program', answers: { 200: json(rewardsProgramRecordSchema) } },
  { method: 'put', path: '/v1/admin/rewards-program', tag: 'Admin', access: 'admin', summary: 'Replace the rewards program (If-Match: settings version)', body: rewardsConfigSchema, answers: { 200: json(rewardsProgramRecordSchema) } },
  { method: 'get', path: '/v1/admin/kpi/checklists/{id}', tag: 'Admin', access: 'admin', summary: 'Checklist funnel and completion', query: kpiQuery(traitShape), answers: { 200: json(checklistKpisAnswerSchema) } },
  { method: 'get', path: '/v1/admin/kpi/surveys/{id}', tag: 'Admin', access: 'admin', summary: 'NPS, CLI and CSAT', query: kpiQuery(surveyKpiShape), answers: { 200: json(report('Survey KPIs: docs/kpis.md')) } },
  { method: 'get', path: '/v1/admin/surveys/{id}/responses.csv', tag: 'Admin', access: 'admin', summary: 'Survey answers as CSV', query: kpiQuery(csvShape), answers: { 200: { media: 'text/csv' } } },
  { method: 'get', path: '/v1/admin/kpi/active-users', tag: 'Admin', access: 'admin', summary: 'Daily, weekly and monthly active users', query: kpiQuery(queryShape), answers: { 200: json(report('Active users: docs/kpis.md')) } },
  { method: 'get', path: '/v1/admin/kpi/churn', tag: 'Admin', access: 'admin', summary: 'Churn and retention rate', query: kpiQuery(queryShape), answers: { 200: json(report('Churn: docs/kpis.md')) } },
  { method: 'get', path: '/v1/admin/kpi/cohorts', tag: 'Admin', access: 'admin', summary: 'Retention cohorts', query: kpiQuery(queryShape), answers: { 200: json(report('Cohorts: docs/kpis.md')) } },
  { method: 'get', path: '/v1/admin/kpi/drop-off', tag: 'Admin', access: 'admin', summary: 'Early drop-off', query: kpiQuery(queryShape), answers: { 200: json(report('Drop-off: docs/kpis.md')) } },
  { method: 'get', path: '/v1/admin/kpi/adoption', tag: 'Admin', access: 'admin', summary: 'Feature adoption rate', query: kpiQuery(adoptionShape), answers: { 200: json(report('Adoption: docs/kpis.md')) } },
  { method: 'get', path: '/v1/admin/kpi/usage', tag: 'Admin', access: 'admin', summary: 'Usage frequency', query: kpiQuery(queryShape), answers: { 200: json(report('Usage: docs/kpis.md')) } },
  { method: 'get', path: '/v1/admin/kpi/rewards', tag: 'Admin', access: 'admin', summary: 'Rewards KPIs', query: kpiQuery({}), answers: { 200: json(rewardsKpisAnswerSchema) } },
  { method: 'get', path: '/v1/admin/users', tag: 'Admin', access: 'admin', summary: 'Find users by id prefix or trait', query: searchQuerySchema, answers: { 200: json(z.object({ users: z.array(report('A user found')), nextCursor: z.string().nullable() })) } },
  { method: 'get', path: '/v1/admin/users/{userId}', tag: 'Admin', access: 'admin', summary: "A user's traits, events, progress, answers and points", answers: { 200: json(report('User detail: docs/admin-console.md')) } },
  { method: 'get', path: '/v1/admin/users/{userId}/export', tag: 'Admin', access: 'admin', summary: 'Everything Hearth holds about a user', answers: { 200: json(report('The user export: docs/privacy.md')) } },
  { method: 'delete', path: '/v1/admin/users/{userId}', tag: 'Admin', access: 'admin', summary: 'Erase a user', answers: { 200: json(erased) } },
  { method: 'get', path: '/admin', tag: 'Admin', access: 'open', summary: 'Redirects to /admin/', answers: { 308: { empty: true } } },
  { method: 'get', path: '/admin/{file}', tag: 'Admin', access: 'open', summary: 'The admin console', answers: { 200: { media: 'text/html' } } },
];

