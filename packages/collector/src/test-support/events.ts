import type { NewEvent } from '../domain/events.js';

let counter = 0;
/** A unique, time-ordered-looking message id. */
export const nextMessageId = (): string => `msg_${Date.now().toString(36)}_${(counter++).toString(36).padStart(6, '0')}`;
/** A project id no other test uses, so tests can share one database. */
export const uniqueProjectId = (): string => `p-${Math.random().toString(36).slice(2, 10)}`;

export const T0 = Date.parse('2026-11-22T10:00:00.000Z');

/** A row as the batch route would hand it to the store. */
export function newEvent(overrides: Partial<NewEvent> & Pick<NewEvent, 'projectId'>): NewEvent {
  return {
    messageId: nextMessageId(),
    type: 'track',
    name: 'project_created',
    anonymousId: 'anon-1',
    userId: null,
    timestamp: T0,
    receivedAt: T0 + 1_000,
    verified: false,
    properties: { plan: 'pro' },
    traits: null,
    context: { path: '/projects' },
    payloadHash: 'hash-a',
    ...overrides,
  };
}
