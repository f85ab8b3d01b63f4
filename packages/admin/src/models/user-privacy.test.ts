import { describe, expect, it } from 'vitest';
import { createUserPrivacy, describeErasure } from './user-privacy.js';

const REMOVED = {
  events: 3,
  identities: 1,
  users: 1,
  surveyResponses: 0,
  referralCodes: 0,
  rewardEntriesAnonymised: 2,
  rewardRedemptionsAnonymised: 0,
  rewardBalancesAnonymised: 1,
  referralsAnonymised: 0,
};

function setup() {
  const erased: string[] = [];
  const saved: { filename: string; text: string }[] = [];
  const privacy = createUserPrivacy(
    'usr_ada',
    {
      exportUser: (id) => Promise.resolve({ filename: `hearth-user-${id}.json`, text: JSON.stringify({ user: { userId: id } }) }),
      eraseUser: (id) => (erased.push(id), Promise.resolve({ removed: REMOVED })),
    },
    (filename, text) => saved.push({ filename, text }),
  );
  return { privacy, erased, saved };
}

describe('describeErasure', () => {
  it('lists what was deleted and what was anonymised, skipping zeros', () => {
    expect(describeErasure('usr_ada', REMOVED)).toBe(
      'Deleted usr_ada: 3 events, 1 anonymous id link, 1 profile; anonymised 2 ledger entries, 1 balance (kept for the points KPIs).',
    );
    expect(describeErasure('usr_ada', { events: 0, users: 0 })).toBe('Nothing was held about usr_ada.');
  });
});

describe('export and delete for one user', () => {
  it("saves the export under the collector's file name", async () => {
    const { privacy, saved } = setup();
    await privacy.exportJson();
    expect(saved).toEqual([{ filename: 'hearth-user-usr_ada.json', text: '{"user":{"userId":"usr_ada"}}' }]);
    expect(privacy.message.value).toBe('Exported usr_ada as hearth-user-usr_ada.json.');
  });

  it('deletes only once the user id is typed back exactly', async () => {
    const { privacy, erased } = setup();
    privacy.askToDelete();
    expect(privacy.confirming.value).toBe(true);
    privacy.typed.value = 'usr_ad';
    expect(privacy.canDelete.value).toBe(false);
    await privacy.confirmDelete();
    expect(erased).toEqual([]);
    expect(privacy.error.value).toBe('Type usr_ada exactly to confirm.');
    privacy.typed.value = 'usr_ada';
    expect(privacy.canDelete.value).toBe(true);
    await privacy.confirmDelete();
    expect(erased).toEqual(['usr_ada']);
    expect(privacy.confirming.value).toBe(false);
    expect(privacy.deleted.value).toBe(true);
    expect(privacy.message.value).toMatch(/^Deleted usr_ada: 3 events/);
  });

  it('starts each confirmation empty, and cancel deletes nothing', () => {
    const { privacy, erased } = setup();
    privacy.askToDelete();
    privacy.typed.value = 'usr_ada';
    privacy.cancel();
    privacy.askToDelete();
    expect(privacy.typed.value).toBe('');
    expect(erased).toEqual([]);
  });
});
