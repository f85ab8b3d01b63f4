import { computed, signal } from '@preact/signals';
import type { ErasureCounts } from '../api/users.js';

/** Plural-aware names of what an erasure reports, in the order a person reads them. */
const LABELS: Record<string, [string, string]> = {
  events: ['event', 'events'],
  identities: ['anonymous id link', 'anonymous id links'],
  users: ['profile', 'profiles'],
  surveyResponses: ['survey response', 'survey responses'],
  referralCodes: ['referral code', 'referral codes'],
  accountMemberships: ['account membership', 'account memberships'],
  rewardEntriesAnonymised: ['ledger entry', 'ledger entries'],
  rewardRedemptionsAnonymised: ['redemption', 'redemptions'],
  rewardBalancesAnonymised: ['balance', 'balances'],
  referralsAnonymised: ['referral', 'referrals'],
};

const phrase = (counts: ErasureCounts, keys: string[]) =>
  keys
    .filter((key) => (counts[key] ?? 0) > 0)
    .map((key) => {
      const n = counts[key] ?? 0;
      const [one, many] = LABELS[key] ?? [key, key];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(', ');

/** "Deleted 3 events, 1 profile; anonymised 2 ledger entries." — or that nothing was held. */
export function describeErasure(userId: string, counts: ErasureCounts): string {
  const keys = Object.keys(counts);
  const deleted = phrase(
    counts,
    keys.filter((key) => !key.endsWith('Anonymised')),
  );
  const anonymised = phrase(
    counts,
    keys.filter((key) => key.endsWith('Anonymised')),
  );
  if (!deleted && !anonymised) return `Nothing was held about ${userId}.`;
  return `Deleted ${userId}: ${[deleted, anonymised && `anonymised ${anonymised} (kept for the points KPIs)`].filter(Boolean).join('; ')}.`;
}

interface PrivacyApi {
  exportUser(userId: string): Promise<{ filename: string; text: string }>;
  eraseUser(userId: string): Promise<{ removed: ErasureCounts }>;
}

/**
 * Export and delete for one user. Deleting needs the user id typed back exactly: a deliberate
 * act, not a reflex click. `save` writes the export to a file (a download in the browser).
 */
export function createUserPrivacy(userId: string, api: PrivacyApi, save: (filename: string, text: string) => void) {
  const confirming = signal(false);
  const typed = signal('');
  const busy = signal(false);
  const message = signal('');
  const error = signal('');
  const deleted = signal(false);
  const canDelete = computed(() => typed.value === userId && !busy.value);

  const run = async (work: () => Promise<void>) => {
    busy.value = true;
    error.value = '';
    try {
      await work();
    } catch (failure) {
      error.value = (failure as Error).message;
    } finally {
      busy.value = false;
    }
  };

  return {
    confirming,
    typed,
    busy,
    message,
    error,
    deleted,
    canDelete,
    exportJson: () =>
      run(async () => {
        const { filename, text } = await api.exportUser(userId);
        save(filename, text);
        message.value = `Exported ${userId} as ${filename}.`;
      }),
    askToDelete() {
      typed.value = '';
      error.value = '';
      confirming.value = true;
    },
    cancel() {
      confirming.value = false;
    },
    confirmDelete: () =>
      run(async () => {
        if (typed.value !== userId) throw new Error(`Type ${userId} exactly to confirm.`);
        const { removed } = await api.eraseUser(userId);
        confirming.value = false;
        deleted.value = true;
        message.value = describeErasure(userId, removed);
      }),
  };
}

export type UserPrivacy = ReturnType<typeof createUserPrivacy>;
