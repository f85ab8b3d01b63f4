import type { AnnouncementItem, AnnouncementsState } from '@hearth/schema';

/** Test data: a feed item as `/v1/state` sends it. */
export function itemFixture(id: string, overrides: Partial<AnnouncementItem> = {}): AnnouncementItem {
  return {
    id,
    title: `Title ${id}`,
    category: 'new',
    publishedAt: '2026-03-10T12:00:00.000Z',
    locale: 'en',
    read: false,
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Hi {{user.firstName | "there"}}, see ' },
          { type: 'link', href: 'https://docs.acme.example/x', children: [{ type: 'text', value: 'docs' }] },
        ],
      },
      {
        type: 'list',
        ordered: false,
        children: [
          {
            type: 'listItem',
            children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'fast' }] }] }],
          },
        ],
      },
    ],
    ...overrides,
  };
}

export function stateFixture(overrides: Partial<AnnouncementsState> = {}): AnnouncementsState {
  const items = [itemFixture('b'), itemFixture('a', { read: true, publishedAt: '2026-03-01T12:00:00.000Z' })];
  return { unread: 1, items, ...overrides };
}

export interface ObserverStub {
  callback: IntersectionObserverCallback;
  targets: Element[];
}

/**
 * Replaces `IntersectionObserver` (happy-dom computes no layout) with one that records each
 * observer's callback and targets, so a test can say what became visible. Undo with
 * `vi.unstubAllGlobals()`.
 */
export function stubIntersectionObserver(stubGlobal: (name: string, value: unknown) => unknown): ObserverStub[] {
  const observers: ObserverStub[] = [];
  stubGlobal(
    'IntersectionObserver',
    class {
      constructor(readonly callback: IntersectionObserverCallback) {
        observers.push({ callback, targets: [] });
      }
      observe(target: Element) {
        observers.at(-1)!.targets.push(target);
      }
      unobserve() {}
      disconnect() {}
    },
  );
  return observers;
}
