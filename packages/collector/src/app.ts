import type { AdminConfig, CollectorConfig, CollectorConfigInput } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { parseConfig } from './config.js';
import type { AppEnv } from './http/app-env.js';
import { adminAuth } from './http/middleware/admin-auth.js';
import { AdminSessions } from './http/middleware/admin-auth-sessions.js';
import { errorHandler, notFound } from './http/middleware/error-handler.js';
import { DEFAULT_OVERLOAD_LIMITS, overload, type OverloadLimits } from './http/middleware/overload.js';
import { rateLimit } from './http/middleware/rate-limit.js';
import { settingsSync } from './http/middleware/settings-sync.js';
import { storableUrl } from './http/middleware/storable-url.js';
import { adminConsoleRoutes } from './http/routes/admin-console.js';
import { adminKpiRoutes } from './http/routes/admin-kpi.js';
import { adminKpiRetentionRoutes } from './http/routes/admin-kpi-retention.js';
import { adminKpiOverviewRoutes } from './http/routes/admin-kpi-overview.js';
import { adminKpiProgramRoutes } from './http/routes/admin-kpi-program.js';
import { adminPromptRoutes } from './http/routes/admin-prompts.js';
import { adminPromptVersionRoutes } from './http/routes/admin-prompt-versions.js';
import { adminRewardsProgramRoutes } from './http/routes/admin-rewards-program.js';
import { adminSettingsRoutes } from './http/routes/admin-settings.js';
import { adminSurveyRoutes } from './http/routes/admin-surveys.js';
import { adminUserRoutes } from './http/routes/admin-users.js';
import { adminSessionRoutes } from './http/routes/admin-session.js';
import { adminOidcRoutes } from './http/routes/admin-oidc.js';
import { adminAuditRoutes } from './http/routes/admin-audit.js';
import { adminTeamRoutes, inviteAcceptRoutes } from './http/routes/admin-team.js';
import { auditTrail } from './http/middleware/audit-trail.js';
import { announcementAdminRoutes } from './http/routes/announcements-admin.js';
import { announcementFeedRoutes } from './http/routes/announcements-feed.js';
import { announcementKpiRoutes } from './http/routes/announcements-kpi.js';
import { batchRoutes } from './http/routes/batch.js';
import { changelogRoutes } from './http/routes/changelog.js';
import { healthzRoutes } from './http/routes/healthz.js';
import { openApiRoutes } from './http/openapi/openapi-route.js';
import { responseRoutes } from './http/routes/responses.js';
import { revenueRoutes } from './http/routes/revenue.js';
import { rewardsRoutes } from './http/routes/rewards.js';
import { serverApiRoutes } from './http/routes/server-api.js';
import { sdkAssetRoutes } from './http/routes/sdk-assets.js';
import { stateRoutes } from './http/routes/state.js';
import { adminEmailRoutes } from './http/routes/admin-email.js';
import { emailLinkRoutes } from './http/routes/email-links.js';
import { AuditLog } from './services/audit-log.js';
import { ConsoleSessions } from './services/console-sessions.js';
import { ConsoleTeam, type BootstrapOwner } from './services/console-team.js';
import { createEmailService, type EmailService } from './services/email/email-service.js';
import { smtpTransport, type MailTransport } from './services/email/smtp-transport.js';
import { createIngest } from './services/ingest.js';
import { SignInLimiter } from './services/sign-in-limiter.js';
import { RequestLimiter } from './services/request-limiter.js';
import { OidcSignIn, type OidcSignInOptions } from './services/oidc-sign-in.js';
import { createAccountsService } from './services/accounts.js';
import { createAccountDetails } from './services/account-details.js';
import { accountRoutes } from './http/routes/accounts.js';
import { adminKpiAccountRoutes } from './http/routes/admin-kpi-accounts.js';
import { createAccountKpis } from './services/account-kpis.js';
import { subscriptionEnds } from './services/revenue.js';
import { scheduleHousekeeping } from './services/job-housekeeping.js';
import { scheduleItemDefinitionPrune } from './services/item-definition-prune.js';
import { JobWorker, type JobWorkerOptions } from './services/job-worker.js';
import { ProjectAllowance } from './services/project-allowance.js';
import { ProjectRegistry } from './services/project-registry.js';
import { createProjectSettings } from './services/project-settings.js';
import { awardClientEvents } from './services/rewards-after-commit.js';
import { createRewardsService } from './services/rewards.js';
import { scheduleRewardsExpiry } from './services/rewards-expiry.js';
import type { Store } from './storage/store.js';
import { createWebhookJobs, type WebhookJobOptions } from './services/webhook-jobs.js';

export interface AppOptions {
  store: Store;
  config: CollectorConfig | CollectorConfigInput;
  /** Epoch milliseconds; tests pass a fake one. */
  clock?: () => number;
  /** Folder served at `/sdk/*` (the widget's `dist`); no SDK routes when absent. */
  widgetDir?: string;
  /** The caller's address for per-client rate limits; the server entry passes the socket's. */
  clientAddress?: (c: Context) => string;
  /** Where unexpected errors are logged; `console.error` by default. */
  log?: (message: string, error: unknown) => void;
  /** Folder served at `/admin/*` (the console's `dist`); no console routes when absent. */
  adminDir?: string;
  /** Where `HEARTH_ADMIN_PASSWORD` / `HEARTH_ADMIN_EMAIL` are read; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Webhooks' resolver and per-attempt timeout (tests). */
  webhookDelivery?: WebhookJobOptions['delivery'];
  /** The job worker's polling, batch and lease (tests). */
  jobs?: Partial<Pick<JobWorkerOptions, 'pollMs' | 'batch' | 'leaseMs' | 'random'>>;
  /** When new requests get 503 (see {@link DEFAULT_OVERLOAD_LIMITS}). */
  overload?: Partial<OverloadLimits>;
  /** The event loop's current delay in ms; the server entry measures it. */
  eventLoopDelayMs?: () => number;
  /** Where lifecycle email goes; default: the configured SMTP relay (`email.smtp`), or none. */
  emailTransport?: MailTransport | null;
}

const HOUR_MS = 3_600_000;

/**
 * 5 wrong passwords per account and client per 15 minutes; past 50 across everyone, 1; 8 password
 * checks at once per process.
 */
export const SIGN_IN_LIMITS = { perClient: 5, overall: 50, perClientUnderAttack: 1, concurrent: 8, windowMs: 15 * 60_000 };

/**
 * Requests per key (a client's address, or a person for new invitations) per 15 minutes on the
 * routes that mint or look up one-time links: invitation links, new invitations, single sign-on
 * starts.
 */
export const REQUEST_LIMITS = { perWindow: 30, windowMs: SIGN_IN_LIMITS.windowMs };

/** Single sign-on when `admin.oidc` is configured; the env's client secret wins over the file's. */
function oidcSignIn(
  admin: AdminConfig,
  deps: Pick<OidcSignInOptions, 'team' | 'projects' | 'audit' | 'clock'>,
  env: Record<string, string | undefined>,
): OidcSignIn | null {
  if (!admin.oidc) return null;
  return new OidcSignIn({ ...deps, config: admin.oidc, clientSecret: env.HEARTH_OIDC_CLIENT_SECRET || admin.oidc.clientSecret });
}

/** The first owner's credential: the file's scrypt hash, else `HEARTH_ADMIN_PASSWORD`; none without either. */
function bootstrapOwner(admin: AdminConfig, env: Record<string, string | undefined>): BootstrapOwner | null {
  const email = env.HEARTH_ADMIN_EMAIL?.trim().toLowerCase() || admin.ownerEmail;
  if (admin.passwordHash) return { email, password: { hash: admin.passwordHash } };
  const plain = env.HEARTH_ADMIN_PASSWORD;
  return plain ? { email, password: { plain } } : null;
}

/** The collector as a Hono app, without listening: `app.fetch` / `app.request` serve it. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  return createCollectorApp(options).app;
}

export interface CollectorApp {
  app: Hono<AppEnv>;
  /**
   * Runs the durable jobs (webhook deliveries, scheduled work). Enqueueing wakes it, so jobs run
   * at once even when it is not started; `start()` adds polling (retries, other instances' jobs)
   * and `stop()` waits for the jobs in flight: the server entry does both.
   */
  worker: JobWorker;
  /** Lifecycle email: its rounds run as the scheduled `email.round` job; tests run them by hand. */
  email: EmailService;
  /** The projects as they apply now (file plus the console's settings), for background work. */
  projects: ProjectRegistry;
}

/** The app and its job worker: everything the server entry runs. */
export function createCollectorApp(options: AppOptions): CollectorApp {
  const config = parseConfig(options.config);
  const clock = options.clock ?? Date.now;
  const app = new Hono<AppEnv>();
  // The server passes no log: without this default, what only the app's log reports (an audit
  // entry not recorded, a survey answer's reward not awarded) would go unreported.
  const { store, log = console.error } = options;
  app.onError(errorHandler(log));
  app.notFound(notFound);
  app.use('*', storableUrl());
  const clientAddress = options.clientAddress ?? (() => 'unknown');
  // Every route looks its project up here per request; the settings service replaces a project
  // when a console change applies, and loads stored changes (and other processes') before serving.
  const projects = new ProjectRegistry(config.projects);
  // One limiter for every public route: the documented rate is a client's total, not per route.
  const allowance = new ProjectAllowance(store.rateLimits, log);
  const deps = {
    store,
    projects,
    config,
    clock,
    rateLimit: rateLimit({ limits: config.rateLimit, clock, clientAddress, projectAllowance: allowance }),
  };
  app.route('/', healthzRoutes(store));
  app.route('/', openApiRoutes());
  app.use('*', overload(store, { ...DEFAULT_OVERLOAD_LIMITS, ...options.overload }, options.eventLoopDelayMs));
  const settings = createProjectSettings({ store, projects, clock, log });
  app.use('*', settingsSync(settings));
  // Sign-in and invitations answer without a session; every other /v1/admin/* route then needs the
  // console's session (checked here, with the person's role) or a secret key (checked by each
  // route's secretKey middleware). Successful changes are recorded in the audit log.
  const audit = new AuditLog(store.audit, clock, log);
  const team = new ConsoleTeam({
    team: store.team,
    projects,
    limiter: new SignInLimiter(store.team, SIGN_IN_LIMITS, clock),
    audit,
    clock,
    inviteTtlMs: config.admin.inviteHours * HOUR_MS,
    owner: bootstrapOwner(config.admin, options.env ?? process.env),
  });
  const sessions = new AdminSessions(new ConsoleSessions(store.team, config.admin.sessionHours * HOUR_MS, clock));
  const oidc = oidcSignIn(config.admin, { team: store.team, projects, audit, clock }, options.env ?? process.env);
  const limiter = new RequestLimiter(store.team, REQUEST_LIMITS, clock);
  app.route('/', adminSessionRoutes({ sessions, team, oidc, clientAddress }));
  app.route('/', adminOidcRoutes({ oidc, sessions, limiter, clientAddress }));
  app.route('/', inviteAcceptRoutes({ sessions, team, limiter, clientAddress }));
  app.use('/v1/admin/*', adminAuth(sessions, team, projects));
  app.use('/v1/admin/*', auditTrail(audit));
  app.route('/', adminTeamRoutes({ sessions, team, limiter, clientAddress, publicUrl: config.publicUrl }));
  app.route('/', adminAuditRoutes({ audit, projects }));
  const worker = new JobWorker({ jobs: store.jobs, clock, log, ...options.jobs });
  scheduleHousekeeping(worker, store, clock, config.admin);
  scheduleRewardsExpiry(worker, { projects, rewards: store.rewards, clock });
  scheduleItemDefinitionPrune(worker, { projects: () => projects.all(), store });
  const webhooks = createWebhookJobs(worker, { projects, responses: store.responses, clock, delivery: options.webhookDelivery });
  const engine = createRewardsService({ store, projects, clock, webhooks });
  app.route('/', rewardsRoutes({ ...deps, engine, log }));
  // The server API applies the earning rules itself, as `server` events.
  const accountsService = createAccountsService(store.accounts);
  app.route('/', serverApiRoutes({ ...deps, accountsService, rewards: store.rewards, engine, log }));
  app.route('/', accountRoutes({ ...deps, details: createAccountDetails(store, clock) }));
  app.route('/', revenueRoutes({ revenue: store.revenue, kpi: store.kpi, projects, clock }));
  app.route('/', adminKpiAccountRoutes({ ...deps, kpis: createAccountKpis(store.accounts, subscriptionEnds(store.revenue)) }));
  // Browser events go through the earning rules once committed (as `client` events).
  const ingest = createIngest({ store, afterCommit: [awardClientEvents(engine)], log });
  app.route('/', batchRoutes({ ...deps, ingest, accountsService }));
  app.route('/', stateRoutes({ ...deps, rewards: engine }));
  app.route('/', adminPromptRoutes(deps));
  app.route('/', adminPromptVersionRoutes({ ...deps, audit }));
  app.route('/', adminSettingsRoutes({ ...deps, settings }));
  app.route('/', adminRewardsProgramRoutes({ projects, settings }));
  app.route('/', adminKpiRoutes(deps));
  app.route('/', adminKpiRetentionRoutes(deps));
  app.route('/', adminKpiProgramRoutes(deps));
  app.route('/', adminKpiOverviewRoutes(deps));
  app.route('/', adminSurveyRoutes(deps));
  app.route('/', adminUserRoutes(deps));
  app.route('/', responseRoutes({ ...deps, rewards: engine, webhooks, log }));
  const announcements = { announcements: store.announcements, facts: store.facts, ...deps };
  app.route('/', announcementKpiRoutes(announcements));
  app.route('/', announcementAdminRoutes(announcements));
  app.route('/', announcementFeedRoutes(announcements));
  app.route('/', changelogRoutes(announcements));
  const transport = options.emailTransport !== undefined ? options.emailTransport : config.email ? smtpTransport(config.email.smtp) : null;
  const email = createEmailService({
    store,
    projects,
    transport,
    // Links in an email must be absolute; config validation requires publicUrl once email is on.
    baseUrl: config.publicUrl ?? 'http://127.0.0.1:8787/',
    clock,
    leaseMs: (config.email?.claimLeaseSeconds ?? 60) * 1000,
    rewards: engine,
    webhooks,
    log,
  });
  if (config.email) {
    // One round (plan, then send what is due) per period across every collector on the database.
    worker
      .register({ kind: 'email.round', maxAttempts: 3, backoff: { baseMs: 5_000, maxMs: 60_000 }, run: () => email.tick() })
      .schedule({ kind: 'email.round', everyMs: config.email.tickSeconds * 1000 });
  }
  app.route('/', emailLinkRoutes({ email }));
  app.route('/', adminEmailRoutes({ email, emailStore: store.email, projects, clock }));
  if (options.widgetDir) app.route('/', sdkAssetRoutes(options.widgetDir));
  if (options.adminDir) app.route('/', adminConsoleRoutes(options.adminDir));
  return { app, worker, email, projects };
}
