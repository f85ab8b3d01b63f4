import { createMessageIds } from './message-ids.js';

/**
 * Builds `Batch` bodies (packages/schema/src/batch.ts) of `size` track events, each about
 * 250 bytes like a real page-view/track event, with fresh time-ordered messageIds every call
 * so the collector stores every event instead of answering "duplicate".
 * String concatenation, not JSON.stringify of objects: the load generator shares the two cores
 * with the server and should spend as little CPU as possible.
 */
export function createBatchBodies(size: number): () => string {
  const nextId = createMessageIds();
  let user = 0;
  return () => {
    const now = new Date().toISOString();
    const events: string[] = [];
    for (let i = 0; i < size; i++) {
      const n = user++ % 10_000;
      events.push(
        `{"messageId":"${nextId()}","anonymousId":"anon-${n}","userId":"user-${n}","type":"track",` +
          `"name":"task_completed","timestamp":"${now}","context":{"path":"/projects/42/tasks",` +
          `"title":"Acme Projects","locale":"en-US"},"properties":{"plan":"pro","taskCount":${i},"source":"bench"}}`,
      );
    }
    return `{"sentAt":"${now}","events":[${events.join(',')}]}`;
  };
}
