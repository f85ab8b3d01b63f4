import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newEvent } from '../test-support/events.js';
import { GroupCommitter, type GroupWriter } from './group-commit.js';
import type { NewEvent, WriteResult } from '../domain/events.js';
import { StoreBusyError } from './store-busy.js';

const events = (n: number): NewEvent[] => Array.from({ length: n }, () => newEvent({ projectId: 'p' }));

/** A writer that records each transaction and lets the test decide when it commits. */
function controllableWriter() {
  const transactions: { groups: number[]; commit(): void; fail(error: Error): void }[] = [];
  const write: GroupWriter = (groups) =>
    new Promise<WriteResult[]>((resolve, reject) => {
      transactions.push({
        groups: groups.map((g) => g.length),
        commit: () => resolve(groups.map((g) => ({ accepted: g.length, duplicates: 0, conflicts: 0 }))),
        fail: reject,
      });
    });
  return { write, transactions };
}

describe('GroupCommitter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('merges requests arriving within the window into one transaction and answers each with its own counts', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 5 });
    const a = committer.write(events(2));
    const b = committer.write(events(3));
    expect(committer.pending).toBe(5);
    await vi.advanceTimersByTimeAsync(5);
    expect(transactions.map((t) => t.groups)).toEqual([[2, 3]]);
    transactions[0]!.commit();
    expect(await a).toEqual({ accepted: 2, duplicates: 0, conflicts: 0 });
    expect(await b).toEqual({ accepted: 3, duplicates: 0, conflicts: 0 });
    expect(committer.pending).toBe(0);
  });

  it('acknowledges nothing before the commit, and queues arrivals for the next transaction', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1 });
    let firstDone = false;
    void committer.write(events(1)).then(() => (firstDone = true));
    await vi.advanceTimersByTimeAsync(1);
    const second = committer.write(events(4));
    await vi.advanceTimersByTimeAsync(50);
    expect(firstDone).toBe(false);
    expect(transactions).toHaveLength(1);
    transactions[0]!.commit();
    await vi.advanceTimersByTimeAsync(0);
    expect(firstDone).toBe(true);
    expect(transactions.map((t) => t.groups)).toEqual([[1], [4]]);
    transactions[1]!.commit();
    expect(await second).toMatchObject({ accepted: 4 });
  });

  it('bounds a transaction by maxEvents without splitting a request', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1, maxEvents: 5 });
    const writes = [committer.write(events(3)), committer.write(events(3)), committer.write(events(1))];
    await vi.advanceTimersByTimeAsync(1);
    transactions[0]!.commit();
    await vi.advanceTimersByTimeAsync(0);
    transactions[1]!.commit();
    await Promise.all(writes);
    expect(transactions.map((t) => t.groups)).toEqual([[3], [3, 1]]);
  });

  it('retries the requests of a failed shared transaction one by one, so only the failing one fails', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1 });
    const a = committer.write(events(1));
    const b = committer.write(events(2));
    await vi.advanceTimersByTimeAsync(1);
    transactions[0]!.fail(new Error('poison in a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(transactions.map((t) => t.groups)).toEqual([[1, 2], [1]]);
    transactions[1]!.fail(new Error('poison in a'));
    await expect(a).rejects.toThrow('poison in a');
    await vi.advanceTimersByTimeAsync(0);
    expect(transactions.map((t) => t.groups)).toEqual([[1, 2], [1], [2]]);
    transactions[2]!.commit();
    expect(await b).toEqual({ accepted: 2, duplicates: 0, conflicts: 0 });
    const c = committer.write(events(2));
    await vi.advanceTimersByTimeAsync(1);
    transactions[3]!.commit();
    expect(await c).toMatchObject({ accepted: 2 });
    expect(committer.pending).toBe(0);
  });

  it("rejects a lone request with its transaction's error, without a retry", async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1 });
    const a = committer.write(events(1));
    await vi.advanceTimersByTimeAsync(1);
    transactions[0]!.fail(new Error('disk full'));
    await expect(a).rejects.toThrow('disk full');
    expect(transactions).toHaveLength(1);
  });

  it('fails a shared transaction the busy database refused as a whole, without one retry per request', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1 });
    const [a, b] = [committer.write(events(1)), committer.write(events(2))];
    await vi.advanceTimersByTimeAsync(1);
    transactions[0]!.fail(new StoreBusyError('lock held elsewhere'));
    await expect(a).rejects.toThrow('lock held elsewhere');
    await expect(b).rejects.toThrow('lock held elsewhere');
    expect(transactions).toHaveLength(1);
  });

  it('reports how long the oldest unfinished write has waited', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1 });
    expect(committer.oldestWaitMs()).toBe(0);
    const a = committer.write(events(1));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(committer.oldestWaitMs()).toBeGreaterThanOrEqual(1_500);
    transactions[0]!.commit();
    await a;
    expect(committer.oldestWaitMs()).toBe(0);
  });

  it('overlaps up to `concurrency` transactions and acknowledges each after its own commit', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1, concurrency: 2 });
    const done: string[] = [];
    const track = (name: string, promise: Promise<WriteResult>) => void promise.then(() => done.push(name));
    track('a', committer.write(events(1)));
    await vi.advanceTimersByTimeAsync(1);
    track('b', committer.write(events(2)));
    await vi.advanceTimersByTimeAsync(1);
    track('c', committer.write(events(3)));
    await vi.advanceTimersByTimeAsync(50);
    // Two in flight; the third waits for a free slot, whatever the window.
    expect(transactions.map((t) => t.groups)).toEqual([[1], [2]]);
    expect(committer.pending).toBe(6);
    transactions[1]!.commit();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toEqual(['b']);
    expect(transactions.map((t) => t.groups)).toEqual([[1], [2], [3]]);
    transactions[0]!.commit();
    transactions[2]!.commit();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toEqual(['b', 'a', 'c']);
    expect(committer.pending).toBe(0);
  });

  it('drains every transaction in flight', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 1, concurrency: 2, maxEvents: 2 });
    const writes = [committer.write(events(2)), committer.write(events(2)), committer.write(events(2))];
    let drained = false;
    void committer.drain().then(() => (drained = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(transactions).toHaveLength(2);
    transactions[0]!.commit();
    transactions[1]!.commit();
    await vi.advanceTimersByTimeAsync(0);
    expect(drained).toBe(false);
    transactions[2]!.commit();
    await Promise.all(writes);
    await vi.advanceTimersByTimeAsync(0);
    expect(drained).toBe(true);
  });

  it('starts at once when idle, and waits out the window right after a commit so arrivals share it', async () => {
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 5 });
    const first = committer.write(events(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(transactions.map((t) => t.groups)).toEqual([[1]]);
    transactions[0]!.commit();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    const gathered = [committer.write(events(2))];
    await vi.advanceTimersByTimeAsync(3);
    gathered.push(committer.write(events(3)));
    expect(transactions).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(transactions.map((t) => t.groups)).toEqual([[1], [2, 3]]);
    transactions[1]!.commit();
    await Promise.all(gathered);
    // Idle for longer than the window: the next request goes in the same event-loop turn.
    await vi.advanceTimersByTimeAsync(10);
    void committer.write(events(4));
    await vi.advanceTimersByTimeAsync(0);
    expect(transactions.map((t) => t.groups)).toEqual([[1], [2, 3], [4]]);
  });

  it('starts an idle writer from setImmediate, without a timer', async () => {
    vi.useRealTimers();
    const { write, transactions } = controllableWriter();
    const committer = new GroupCommitter(write, { windowMs: 60_000 });
    const lone = committer.write(events(1));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(transactions.map((t) => t.groups)).toEqual([[1]]);
    transactions[0]!.commit();
    expect(await lone).toMatchObject({ accepted: 1 });
  });
});
