import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { AnnouncementInput, BatchResult, HearthEvent, JsonValue } from '@hearth/schema';
import { loadDemoProject } from '../server/demo-project.js';
import { mintUserToken } from '@hearth/node';
import type { HearthStack } from './fixtures.js';

export { expect, test } from './checklist-fixtures.js';

export const DAY_MS = 86_400_000;
const { project, secret } = loadDemoProject();

/** A user token for `userId`, as the demo backend mints it for a signed-in page. */
export const tokenFor = (userId: string): string => mintUserToken(userId, { secretKey: secret });

/** The admin API as a product manager's tooling calls it: secret key, from a server. */
export async function adminCall(stack: HearthStack, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${stack.collector.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Creates and publishes an announcement (published `ageDays` ago; default: an hour ago). */
export async function publish(stack: HearthStack, input: AnnouncementInput, ageDays = 0): Promise<void> {
  const created = await adminCall(stack, 'POST', '/v1/admin/announcements', input);
  expect(created.status, await created.clone().text()).toBe(201);
  const at = new Date(Date.now() - ageDays * DAY_MS - 3_600_000).toISOString();
  const published = await adminCall(stack, 'POST', `/v1/admin/announcements/${input.id}/publish`, { at });
  expect(published.status, await published.clone().text()).toBe(200);
}

/**
 * Stores past activity for `userId` through the public batch API, as a browser would have sent it
 * back then. `sentAt` is the real send time (now), so the skew correction
 * (receive time − sentAt) is about zero and the old timestamps are kept as they are.
 */
export async function seedPastActivity(
  stack: HearthStack,
  userId: string,
  times: readonly Date[],
  traits: Record<string, string>,
): Promise<void> {
  const anonymousId = `anon-past-${userId}`;
  const events = times.flatMap((at, i): HearthEvent[] => [
    ...(i === 0
      ? [{ type: 'identify', messageId: randomUUID(), anonymousId, userId, traits, timestamp: at.toISOString() } as HearthEvent]
      : []),
    {
      type: 'page',
      messageId: randomUUID(),
      anonymousId,
      userId,
      timestamp: new Date(at.getTime() + 1_000).toISOString(),
      context: { path: '/projects' },
    } as HearthEvent,
  ]);
  const res = await fetch(`${stack.collector.url}/v1/batch?key=${project.publicKey}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sentAt: new Date().toISOString(), userToken: tokenFor(userId), events }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(((await res.json()) as BatchResult).accepted).toBe(events.length);
}

/** Waits until the widget's `name` event whose properties pass `match` is committed for `userId`. */
export async function eventStored(
  stack: HearthStack,
  userId: string,
  name: string,
  match: (properties: Record<string, JsonValue>) => boolean,
): Promise<void> {
  await expect
    .poll(async () => (await stack.store.listEvents(stack.projectId, { userId })).some((e) => e.name === name && match(e.properties)), {
      message: `${name} stored for ${userId}`,
    })
    .toBe(true);
}

/** `eventStored` matcher: the event is about announcement (or prompt) `id`. */
export const about = (id: string) => (properties: Record<string, JsonValue>) =>
  properties.announcementId === id || properties.promptId === id;

/** The floating bell, its badge, and the feed panel (found by role through the open shadow root). */
export function newsWidget(page: Page, label = "What's new") {
  const bell = page.getByRole('button', { name: new RegExp(`^${label}`) });
  const panel = page.getByRole('region', { name: label, exact: true });
  return {
    bell,
    badge: bell.locator('.badge'),
    panel,
    item: (title: string) => panel.getByRole('article', { name: title }),
  };
}
