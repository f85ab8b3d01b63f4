import { randomBytes } from 'node:crypto';
import { acmeApp } from './acme-app.js';
import { captureSentMessageIds } from './batch-capture.js';
import { expect, test } from './fixtures.js';

/** One action the test performed, found in the store by a property value unique to this run. */
type Expected = { name: string; property: string; value: string; signedIn: boolean };

const ADA = { id: 'usr_ada', email: 'ada@acme.test' };

test('every event the demo produces is stored exactly once and attributed to the signed-in user', async ({ page, context, stack }) => {
  const run = randomBytes(4).toString('hex');
  const expected: Expected[] = [];
  const sent = captureSentMessageIds(context);
  const app = acmeApp(page);
  const requestDemo = async (company: string) => {
    await app.requestDemo(company);
    expected.push({ name: 'Demo Requested', property: 'company', value: company, signedIn: false });
  };
  const createProject = async (name: string) => {
    await app.createProject(name);
    expected.push({ name: 'Project Created', property: 'projectName', value: name, signedIn: true });
  };
  const exportReport = async (fileName: string) => {
    await app.exportReport(fileName);
    expected.push({ name: 'Report Exported', property: 'fileName', value: fileName, signedIn: true });
  };

  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign out' }), 'signed out at first').toBeHidden();
  await requestDemo(`Anon ${run} one`);
  await requestDemo(`Anon ${run} two`);

  await app.signIn(ADA.email);
  await createProject(`Launch ${run} before reload`);
  await app.inviteTeammate(`lin@invite-${run}.test`);
  expected.push({ name: 'Teammate Invited', property: 'inviteeDomain', value: `invite-${run}.test`, signedIn: true });
  // Reload right after acting: the event may still sit in the outbox, or be in flight.
  await page.reload();
  await createProject(`Launch ${run} after reload`);

  await context.setOffline(true);
  await createProject(`Launch ${run} offline`);
  await app.openPage('Reports');
  await exportReport(`offline-${run}`);
  await context.setOffline(false);
  await exportReport(`back-online-${run}`);

  const secondTab = await context.newPage();
  await secondTab.goto('/projects');
  await acmeApp(secondTab).createProject(`Launch ${run} second tab`);
  expected.push({ name: 'Project Created', property: 'projectName', value: `Launch ${run} second tab`, signedIn: true });
  await exportReport(`first-tab-again-${run}`);

  const { store, projectId } = stack;
  const stored = async () => {
    const events = await store.listEvents(projectId, {});
    return expected.map((want) =>
      events.filter((event) => event.type === 'track' && event.name === want.name && event.properties?.[want.property] === want.value),
    );
  };
  // Delivery is asynchronous (batching, retry back-off after the offline spell): wait for all.
  await expect
    .poll(async () => (await stored()).filter((matches) => matches.length === 0).length, { timeout: 60_000, intervals: [250, 500, 1000] })
    .toBe(0);

  const matches = await stored();
  for (const [index, want] of expected.entries()) {
    expect(matches[index], `${want.name} ${want.value} stored exactly once`).toHaveLength(1);
  }
  const events = matches.flat();

  const adaEvents = await store.listEvents(projectId, { userId: ADA.id });
  const adaIds = new Set(adaEvents.map((event) => event.messageId));
  expect(adaEvents.length, 'listing a user returns each messageId once').toBe(adaIds.size);
  for (const event of events) expect(adaIds.has(event.messageId), `${event.name} attributed to ${ADA.id}`).toBe(true);

  const ada = await store.getUser(projectId, ADA.id);
  expect(ada?.traits).toMatchObject({ email: ADA.email, plan: 'pro', role: 'admin' });
  const anonymousEvents = events.filter((_, index) => !expected[index]?.signedIn);
  for (const event of anonymousEvents) {
    expect(ada?.anonymousIds, 'the anonymous id before sign-in is linked to the user').toContain(event.anonymousId);
  }
  for (const event of events.filter((_, index) => expected[index]?.signedIn)) {
    expect(event.userId).toBe(ADA.id);
    expect(event.verified, `${event.name} carried a valid user token`).toBe(true);
  }

  // Everything the browsers tried to send (page views, identify, retries, beacons) arrives;
  // polled, because the last requests may still be in flight.
  const lost = async () => {
    const all = new Set((await store.listEvents(projectId, {})).map((event) => event.messageId));
    return [...sent].filter((id) => !all.has(id));
  };
  await expect.poll(lost, { message: 'messageIds sent by the browser but missing from the store', timeout: 30_000 }).toEqual([]);
});
