import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { T0 } from '../../test-support/events.js';
import { rewardsMigration } from './migrations/006-rewards.js';
import { sqliteRewardsStore } from './rewards-sqlite.js';

// The shared ledger guarantees run in the store conformance suite (storage/conformance/rewards.ts).
describe('sqlite rewards', () => {
  it('waits for a transaction open on the shared connection instead of joining it', async () => {
    const db = new Database(':memory:');
    db.exec(rewardsMigration.sql);
    const rewards = sqliteRewardsStore(db);
    db.exec('BEGIN IMMEDIATE');
    const pending = rewards.append({ projectId: 'wait', id: 'w1', userId: 'u', amount: 5, reason: 'r', ruleId: null, at: T0 });
    await new Promise((resolve) => setImmediate(resolve));
    db.exec('ROLLBACK');
    // Had it joined the rolled-back transaction, the entry would be gone.
    expect((await pending).status).toBe('created');
    expect(await rewards.balance('wait', 'u')).toEqual({ balance: 5, lifetime: 5 });
  });
});
