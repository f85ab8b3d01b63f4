/** A signed-in Acme user as the demo backend knows them. */
export type DemoUser = {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  plan: 'free' | 'pro';
  company: string;
  createdAt: string;
};

/** The fixed accounts of the fake app: no passwords, sign-in is by email only. */
export const demoUsers: readonly DemoUser[] = [
  {
    id: 'usr_ada',
    email: 'ada@acme.test',
    name: 'Ada Lovelace',
    role: 'admin',
    plan: 'pro',
    company: 'Analytical Engines Ltd',
    createdAt: '2024-03-01T09:00:00.000Z',
  },
  {
    id: 'usr_max',
    email: 'max@acme.test',
    name: 'Max Planck',
    role: 'member',
    plan: 'free',
    company: 'Quantum GmbH',
    createdAt: '2025-01-15T14:30:00.000Z',
  },
  // Two more Pro members, so a survey for `plan = pro` can collect answers from several people.
  {
    id: 'usr_grace',
    email: 'grace@acme.test',
    name: 'Grace Hopper',
    role: 'member',
    plan: 'pro',
    company: 'Compiler Works',
    createdAt: '2025-04-02T08:15:00.000Z',
  },
  {
    id: 'usr_alan',
    email: 'alan@acme.test',
    name: 'Alan Turing',
    role: 'member',
    plan: 'pro',
    company: 'Bletchley Labs',
    createdAt: '2025-06-20T11:45:00.000Z',
  },
];

export function findDemoUser(by: { email?: string; id?: string }): DemoUser | undefined {
  const email = by.email?.trim().toLowerCase();
  return demoUsers.find((user) => (email !== undefined && user.email === email) || (by.id !== undefined && user.id === by.id));
}
