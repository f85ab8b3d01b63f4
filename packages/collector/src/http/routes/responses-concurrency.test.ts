import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { seedPrompts } from '../../seed-prompts.js';
import { bothStores } from '../../test-support/both-stores.js';
import { NOW, errorOf, testApp, testConfig } from '../../test-support/http.js';
import { nps, npsInput, respond } from '../../test-support/surveys.js';

// Enforcement explicitly off: answers come from anonymous ids, the subject of this test is the row.
const config = testConfig(
  { prompts: [npsInput()], identityVerification: { enforce: false } },
  { rateLimit: { perProjectPerSecond: 1e6, perClientPerSecond: 1e6 } },
);
const WRITERS = 100;

describe.each(bothStores('hearth_comment_race'))('concurrent updates of one survey response ($name)', (kind) => {
  const open = async () => {
    const store = await kind.open();
    await seedPrompts(store, parseConfig(config), NOW);
    return store;
  };

  it(`serializes ${WRITERS} concurrent comment updates in one collector: every one succeeds and one of their comments is kept`, async () => {
    const { app, store } = testApp({ store: await open(), config });
    const anonymousId = `race-${kind.name}-one`;
    expect((await respond(app, { anonymousId, answer: nps(9) })).status).toBe(200);
    const comments = Array.from({ length: WRITERS }, (_, i) => `comment ${i}`);
    const answers = await Promise.all(comments.map((comment) => respond(app, { anonymousId, answer: nps(9), comment })));
    const bodies = await Promise.all(answers.map((res) => res.text()));
    expect(answers.map((res, i) => `${res.status} ${bodies[i]}`).filter((line) => !line.startsWith('200'))).toEqual([]);
    expect(bodies.map((body) => (JSON.parse(body) as { outcome: string }).outcome).filter((outcome) => outcome !== 'updated')).toEqual([]);
    const [stored] = await store.responses
      .list('acme', 'nps', { from: new Date(0), to: new Date(NOW + 1) })
      .then((rows) => rows.filter((r) => r.userId === anonymousId));
    expect(comments).toContain(stored?.comment);
  });

  it('across collectors sharing the database, each concurrent update succeeds or gets 409 response_conflict, never a 500', async () => {
    const collectors = await Promise.all([1, 2, 3, 4].map(async () => testApp({ store: await open(), config }).app));
    const anonymousId = `race-${kind.name}-many`;
    expect((await respond(collectors[0]!, { anonymousId, answer: nps(9) })).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        respond(collectors[i % collectors.length]!, { anonymousId, answer: nps(9), comment: `comment ${i}` }),
      ),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([]);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(WRITERS / 2);
    for (const res of answers.filter((r) => r.status === 409)) expect((await errorOf(res)).code).toBe('response_conflict');
  });
});
