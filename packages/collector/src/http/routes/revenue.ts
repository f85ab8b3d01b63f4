import { revenueFactSchema, type ProjectConfig } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import Stripe from 'stripe';
import { RevenueError } from '../../domain/revenue/revenue-fact.js';
import { stripeEventFact, type StripeEventLike } from '../../domain/revenue/stripe-facts.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import { recordRevenueFact, revenueConfigOf, revenueKpisFor, segmentCustomerIds } from '../../services/revenue.js';
import type { RevenueStore } from '../../storage/revenue/revenue-store.js';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { HttpError, type ErrorStatus } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import { echoedSegment, querySegment, readKpiQuery, segmentShape } from '../kpi-query.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';
import { secretKeyAuth } from './server-api-auth.js';

export interface RevenueRouteDeps {
  revenue: RevenueStore;
  /** The KPIs' segment filter (`segment=`). */
  kpi: Store['kpi'];
  projects: ProjectRegistry;
  clock: () => number;
}

/** Stripe events are small; a full subscription with many items stays far below this. */
const MAX_STRIPE_BYTES = 256 * 1024;
/** Stripe's own default: a signature older than five minutes is a replay. */
const STRIPE_TOLERANCE_S = 300;

const STATUS: Record<RevenueError['code'], ErrorStatus> = {
  currency_mismatch: 422,
  revenue_not_configured: 404,
  idempotency_conflict: 409,
};

/** A refused fact as an error body naming the field. */
async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RevenueError)) throw error;
    throw new HttpError(STATUS[error.code], error.code, error.message, error.field ? [{ path: error.field, message: error.message }] : []);
  }
}

/**
 * Revenue: facts from the host's backend (`POST /v1/server/revenue`, secret key), Stripe's
 * webhook (`POST /v1/integrations/stripe`, Stripe's signature) and the revenue KPIs.
 */
export function revenueRoutes({ revenue, kpi, projects, clock }: RevenueRouteDeps) {
  const app = new Hono<AppEnv>();

  // The server API's `/v1/server/*` middleware has already limited and read the body.
  app.use('/v1/server/revenue', secretKeyAuth(projects));
  app.post('/v1/server/revenue', async (c) => {
    const fact = parseJsonBody(c.var.body, revenueFactSchema, {
      code: 'invalid_request',
      message: 'The revenue fact is invalid; see issues.',
    });
    const result = await refusals(() => recordRevenueFact(revenue, c.var.project, fact, clock()));
    return c.json(result, result.status === 'created' ? 201 : 200);
  });

  app.post('/v1/integrations/stripe', bodyLimit({ maxBytes: MAX_STRIPE_BYTES }), async (c) => {
    const signature = c.req.header('Stripe-Signature');
    if (!signature)
      throw new HttpError(400, 'missing_signature', 'Stripe webhooks carry a Stripe-Signature header; this request has none.');
    const { project, event } = verifiedStripeEvent(projects.all(), c.var.body, signature, clock());
    const mapped = stripeEventFact(event);
    if ('ignored' in mapped) return c.json({ id: event.id, status: 'ignored', reason: mapped.ignored });
    const parsed = revenueFactSchema.safeParse(mapped.fact);
    if (!parsed.success)
      return c.json({ id: event.id, status: 'ignored', reason: parsed.error.issues[0]?.message ?? 'not a revenue fact' });
    const result = await refusals(() => recordRevenueFact(revenue, project, parsed.data, clock()));
    return c.json({ id: event.id, status: result.status });
  });

  // The console reads the KPIs with its session (or a secret key), the host's backend with its key.
  // `segment=` (kpi-query.ts) keeps the segment's customers at `to`: services/revenue.ts, segmentCustomerIds.
  app.use('/v1/admin/kpi/revenue', secretKey(projects));
  app.get('/v1/admin/kpi/revenue', (c) => kpisAnswer(c));
  app.use('/v1/server/revenue/kpis', secretKeyAuth(projects));
  app.get('/v1/server/revenue/kpis', (c) => kpisAnswer(c));
  async function kpisAnswer(c: Context<AppEnv>) {
    const query = readKpiQuery(c, segmentShape, clock());
    const { range } = query;
    const project = c.var.project;
    const period = { from: range.from.getTime(), to: range.to.getTime() };
    const segment = querySegment(project, query);
    const customers = segment && (await segmentCustomerIds({ kpi }, project.id, segment, range.to));
    const kpis = await refusals(() => revenueKpisFor(revenue, project, period, customers));
    return c.json({
      definition: 'docs/reference/kpi-definitions.md: Revenue and customer lifetime value (CLV)',
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      segment: echoedSegment(query),
      currency: revenueConfigOf(project).currency,
      ...kpis,
    });
  }

  return app;
}

/**
 * The project whose Stripe signing secret verifies the payload, and the event. Every secret of
 * every project is tried (a Stripe endpoint URL names no project); none matching is a 400, as
 * Stripe expects for a signature it must not retry.
 */
function verifiedStripeEvent(
  projects: readonly ProjectConfig[],
  payload: string,
  signature: string,
  now: number,
): { project: ProjectConfig; event: StripeEventLike } {
  for (const project of projects) {
    for (const secret of project.revenue?.stripeWebhookSecrets ?? []) {
      try {
        const event = Stripe.webhooks.constructEvent(payload, signature, secret, STRIPE_TOLERANCE_S, undefined, now);
        return { project, event: event as unknown as StripeEventLike };
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      }
    }
  }
  throw new HttpError(
    400,
    'invalid_signature',
    'The Stripe-Signature does not verify with any configured Stripe webhook secret (or is older than five minutes).',
  );
}
