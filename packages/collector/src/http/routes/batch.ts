import { MAX_BATCH_BYTES, MAX_EVENT_BYTES, batchSchema, type Batch, type BatchResult, type CollectorConfig } from '@hearth/schema';
import { Hono } from 'hono';
import { eventTimeIssues } from '../../domain/clock-skew.js';
import { canonicalJson, hashCanonical } from '../../crypto/payload-hash.js';
import { prepareEvents } from '../../domain/prepare-events.js';
import type { AccountsService } from '../../services/accounts.js';
import type { Ingest } from '../../services/ingest.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { projectCors } from '../middleware/cors.js';
import { loadShed } from '../middleware/load-shed.js';
import { projectKey } from '../middleware/project-key.js';
import type { RateLimit } from '../middleware/rate-limit.js';
import { identityNotVerified, provenUserId } from '../resolve-subject.js';

export interface BatchRouteDeps {
  ingest: Ingest;
  /** Group calls proven by their token, and the account every event carries. */
  accountsService: AccountsService;
  /** Load shedding reads how many events wait for a commit. */
  store: Pick<Store, 'pendingEvents'>;
  config: CollectorConfig;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
  /** The app's one rate limit, shared with the other public routes. */
  rateLimit: RateLimit;
}

/** `POST /v1/batch?key=<public key>`: answers `BatchResult` once the events are committed. */
export function batchRoutes({ ingest, accountsService, store, projects, config, clock, rateLimit }: BatchRouteDeps) {
  const app = new Hono<AppEnv>();
  // Cheapest refusals first: key, origin, rate, load; only then is the body read.
  app.use(
    '/v1/batch',
    projectKey(projects),
    projectCors(),
    rateLimit,
    loadShed(store, config.maxPendingEvents),
    bodyLimit({ maxBytes: MAX_BATCH_BYTES }),
  );
  app.post('/v1/batch', async (c) => {
    const receivedAt = clock();
    const project = c.var.project;
    const { batch, canonical } = parseBatch(c.var.body);
    const userId = await provenUserId(project, batch.userToken, receivedAt);
    const events = prepareEvents(batch, {
      projectId: project.id,
      receivedAt,
      verifiedUserId: userId,
      payloadHashes: canonical.map(hashCanonical),
    });
    const outOfBounds = eventTimeIssues(
      events.map((event) => event.timestamp),
      receivedAt,
    );
    if (outOfBounds.length > 0)
      throw new HttpError(400, 'invalid_batch', 'Some event times are out of bounds after clock-skew correction; see issues.', outOfBounds);
    if (project.identityVerification.enforce) {
      const unverified = events.findIndex((event) => event.userId !== null && !event.verified);
      if (unverified >= 0) {
        throw identityNotVerified(
          `events.${unverified}.userId`,
          'This project enforces identity verification: identified events need a valid userToken (HS256 JWT signed with the project secret, sub = userId, not expired).',
        );
      }
    }
    const withAccounts = await accountsService.attachBrowser(project.id, project.secretKeys, batch, events, receivedAt);
    const result: BatchResult = await ingest.commit(withAccounts);
    // Acknowledged only after the after-commit steps (rewards' earning rules), so the widget's next
    // state already shows their effect; a failing step is logged and never fails the batch.
    await ingest.afterCommit(withAccounts);
    return c.json(result);
  });
  return app;
}

function parseBatch(body: string): { batch: Batch; canonical: string[] } {
  const batch = parseJsonBody(body, batchSchema, {
    code: 'invalid_batch',
    message: 'The batch does not match the wire format; see issues.',
  });
  // Checked after validation (validated events are shallow), on the canonical JSON the payload hash
  // needs anyway: it has exactly the length of JSON.stringify(event), only its keys are sorted.
  const canonical = batch.events.map(canonicalJson);
  const oversized = canonical.flatMap((json, index) =>
    Buffer.byteLength(json, 'utf8') > MAX_EVENT_BYTES
      ? [{ path: `events.${index}`, message: `an event may be at most ${MAX_EVENT_BYTES} bytes` }]
      : [],
  );
  if (oversized.length > 0) throw new HttpError(413, 'event_too_large', 'Some events exceed the per-event size limit.', oversized);
  return { batch, canonical };
}
