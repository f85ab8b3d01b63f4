import { NOW } from '../../test-support/http.js';

/**
 * Every public and server route the hostile-input suite attacks, each with a valid request that
 * hostile values are injected into. `{id}` in a path is the request's unique number, so requests
 * never collide (they are the same for both stores).
 */
export interface HostileRoute {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query; `{param}` placeholders are replaced by a target's value. */
  path: string;
  /** `public`: the project's public key and the allowed Origin; `secret`: Bearer secret key, no Origin. */
  auth: 'public' | 'secret';
  body?: (id: string) => Record<string, unknown>;
  query?: (id: string) => Record<string, string>;
}

const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

export const ROUTES = {
  batch: {
    name: 'POST /v1/batch',
    method: 'POST',
    path: '/v1/batch',
    auth: 'public',
    body: (id) => ({
      sentAt: at(0),
      events: [
        {
          messageId: `msg_track_${id}`,
          anonymousId: `anon-${id}`,
          userId: `user-${id}`,
          type: 'track',
          name: 'project_created',
          timestamp: at(-1_000),
          properties: { plan: 'pro', nested: { list: ['a', 1] } },
          context: { url: 'https://app.acme.test/p', path: '/p', title: 'P', referrer: 'https://acme.test/', locale: 'en' },
        },
        {
          messageId: `msg_ident_${id}`,
          anonymousId: `anon-${id}`,
          userId: `user-${id}`,
          type: 'identify',
          timestamp: at(-500),
          traits: { plan: 'free', seats: 3 },
        },
      ],
    }),
  },
  responses: {
    name: 'POST /v1/responses',
    method: 'POST',
    path: '/v1/responses',
    auth: 'public',
    body: (id) => ({
      surveyId: 'nps',
      cycle: 1,
      answer: { type: 'nps', score: 9 },
      comment: 'Great',
      anonymousId: `anon-${id}`,
      locale: 'en',
    }),
  },
  state: {
    name: 'GET /v1/state',
    method: 'GET',
    path: '/v1/state',
    auth: 'public',
    query: (id) => ({ anonymousId: `anon-${id}`, userId: `user-${id}`, locale: 'en' }),
  },
  feed: {
    name: 'GET /v1/announcements',
    method: 'GET',
    path: '/v1/announcements',
    auth: 'public',
    query: (id) => ({ anonymousId: `anon-${id}`, locale: 'en', before: '1~x' }),
  },
  rewards: {
    name: 'GET /v1/rewards',
    method: 'GET',
    path: '/v1/rewards',
    auth: 'public',
    query: (id) => ({ userId: `user-${id}`, userToken: 'not-a-token' }),
  },
  redeem: {
    name: 'POST /v1/rewards/redeem',
    method: 'POST',
    path: '/v1/rewards/redeem',
    auth: 'public',
    body: (id) => ({ userId: `user-${id}`, userToken: 'not-a-token', itemId: 'tee', requestId: `req_${id}_redeem` }),
  },
  changelog: { name: 'GET /changelog/:project', method: 'GET', path: '/changelog/{project}', auth: 'public' },
  serverEvents: {
    name: 'POST /v1/server/events',
    method: 'POST',
    path: '/v1/server/events',
    auth: 'secret',
    body: (id) => ({
      events: [
        { id: `srv_${id}_event`, userId: `user-${id}`, name: 'report_exported', properties: { format: 'csv' }, timestamp: at(-1_000) },
      ],
    }),
  },
  serverPoints: {
    name: 'POST /v1/server/points',
    method: 'POST',
    path: '/v1/server/points',
    auth: 'secret',
    body: (id) => ({ idempotencyKey: `pts_${id}_grant`, userId: `user-${id}`, amount: 10, reason: 'Goodwill' }),
  },
  serverBalance: { name: 'GET /v1/server/users/:userId/balance', method: 'GET', path: '/v1/server/users/{userId}/balance', auth: 'secret' },
  serverReferral: {
    name: 'POST /v1/server/referrals',
    method: 'POST',
    path: '/v1/server/referrals',
    auth: 'secret',
    body: (id) => ({ userId: `user-${id}`, code: 'NOPE1234' }),
  },
  adminPrompt: {
    name: 'POST /v1/admin/prompts',
    method: 'POST',
    path: '/v1/admin/prompts',
    auth: 'secret',
    body: (id) => ({
      id: `hostile-${id}`,
      kind: 'checklist',
      status: 'draft',
      content: {
        title: 'Get started',
        items: [{ id: 'create', title: 'Create a project', completeWhen: { type: 'event', event: 'project_created' } }],
      },
    }),
  },
  adminPromptById: { name: 'GET /v1/admin/prompts/:id', method: 'GET', path: '/v1/admin/prompts/{promptId}', auth: 'secret' },
  adminAnnouncement: {
    name: 'POST /v1/admin/announcements',
    method: 'POST',
    path: '/v1/admin/announcements',
    auth: 'secret',
    body: (id) => ({ id: `news-${id}`, status: 'draft', content: { title: 'New', body: 'Some *news*' } }),
  },
  adminUsers: {
    name: 'GET /v1/admin/users',
    method: 'GET',
    path: '/v1/admin/users',
    auth: 'secret',
    query: () => ({ q: 'user', trait: 'plan:pro' }),
  },
  adminUser: { name: 'GET /v1/admin/users/:userId', method: 'GET', path: '/v1/admin/users/{userId}', auth: 'secret' },
  adminExplain: {
    name: 'GET /v1/admin/prompts/:id/explain',
    method: 'GET',
    path: '/v1/admin/prompts/nps/explain',
    auth: 'secret',
    query: (id) => ({ anonymousId: `anon-${id}`, locale: 'en' }),
  },
  adminChecklistKpis: {
    name: 'GET /v1/admin/kpi/checklists/:id',
    method: 'GET',
    path: '/v1/admin/kpi/checklists/{promptId}',
    auth: 'secret',
    query: () => ({ trait: 'plan:pro' }),
  },
  adminSurveyKpis: {
    name: 'GET /v1/admin/kpi/surveys/:id',
    method: 'GET',
    path: '/v1/admin/kpi/surveys/{promptId}',
    auth: 'secret',
    query: () => ({ trait: 'plan:pro' }),
  },
} satisfies Record<string, HostileRoute>;

/**
 * Where a hostile value goes: `body` replaces the value at a dotted path, `key` adds it as a key
 * of the object at that path, `query` sets a query parameter, `path` fills a `{param}`.
 * A new field (or route) is covered by adding one line here.
 */
export interface HostileTarget {
  route: HostileRoute;
  in: 'body' | 'key' | 'query' | 'path';
  field: string;
}

const body = (route: HostileRoute, ...fields: string[]): HostileTarget[] => fields.map((field) => ({ route, in: 'body', field }));
const keys = (route: HostileRoute, ...fields: string[]): HostileTarget[] => fields.map((field) => ({ route, in: 'key', field }));
const query = (route: HostileRoute, ...fields: string[]): HostileTarget[] => fields.map((field) => ({ route, in: 'query', field }));
const param = (route: HostileRoute, field: string): HostileTarget[] => [{ route, in: 'path', field }];

export const TARGETS: HostileTarget[] = [
  ...body(
    ROUTES.batch,
    'sentAt',
    'userToken',
    'events.0.messageId',
    'events.0.anonymousId',
    'events.0.userId',
    'events.0.name',
    'events.0.timestamp',
    'events.0.type',
  ),
  ...body(
    ROUTES.batch,
    'events.0.properties.plan',
    'events.0.properties.nested.list.0',
    'events.0.context.url',
    'events.0.context.path',
    'events.0.context.title',
    'events.0.context.referrer',
    'events.0.context.locale',
  ),
  ...body(ROUTES.batch, 'events.1.userId', 'events.1.timestamp', 'events.1.traits.plan', 'events.1.traits'),
  ...keys(ROUTES.batch, 'events.0.properties', 'events.0.properties.nested', 'events.1.traits', '(root)', 'events.0'),
  ...body(ROUTES.responses, 'surveyId', 'cycle', 'answer.score', 'answer.type', 'comment', 'anonymousId', 'userId', 'userToken', 'locale'),
  ...keys(ROUTES.responses, '(root)', 'answer'),
  ...query(ROUTES.state, 'anonymousId', 'userId', 'userToken', 'locale', 'extra'),
  ...query(ROUTES.feed, 'anonymousId', 'userId', 'locale', 'before'),
  ...query(ROUTES.rewards, 'userId', 'userToken'),
  ...body(ROUTES.redeem, 'userId', 'userToken', 'itemId', 'requestId'),
  ...param(ROUTES.changelog, 'project'),
  ...body(ROUTES.serverEvents, 'events.0.id', 'events.0.userId', 'events.0.name', 'events.0.properties.format', 'events.0.timestamp'),
  ...keys(ROUTES.serverEvents, 'events.0.properties'),
  ...body(ROUTES.serverPoints, 'idempotencyKey', 'userId', 'amount', 'reason'),
  ...param(ROUTES.serverBalance, 'userId'),
  ...body(ROUTES.serverReferral, 'userId', 'code'),
  ...body(ROUTES.adminPrompt, 'id', 'content.title', 'content.items.0.title', 'content.items.0.completeWhen.event'),
  ...param(ROUTES.adminPromptById, 'promptId'),
  ...body(ROUTES.adminAnnouncement, 'id', 'content.title', 'content.body'),
  ...query(ROUTES.adminUsers, 'q', 'trait'),
  ...param(ROUTES.adminUser, 'userId'),
  ...query(ROUTES.adminExplain, 'anonymousId', 'locale'),
  ...param(ROUTES.adminChecklistKpis, 'promptId'),
  ...query(ROUTES.adminChecklistKpis, 'trait'),
  ...param(ROUTES.adminSurveyKpis, 'promptId'),
  ...query(ROUTES.adminSurveyKpis, 'trait'),
];
