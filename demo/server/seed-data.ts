import type { HearthEvent } from '@hearth/schema';

export const SEED_USER_COUNT = 20;
const SEED_DAYS = 5;
const FIRST_NAMES = ['Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger'];
const COMPANIES = ['Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];
const PROJECT_NAMES = ['Website relaunch', 'Q3 roadmap', 'Mobile app', 'Hiring plan', 'Data migration', 'Onboarding revamp'];
const TEMPLATES = ['blank', 'kanban', 'roadmap'];
const REPORTS = ['velocity', 'burndown', 'workload'];

/** A fixed-seed generator: every run produces the same users, actions and messageIds. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SeedUser = { id: string; anonymousId: string; traits: Record<string, string> };
export type SeedBatch = { user: SeedUser; events: HearthEvent[] };

export const seedUserId = (index: number) => `usr_seed_${String(index + 1).padStart(2, '0')}`;

/**
 * A few days of plausible activity per user, ending `now`: sign-up (identify), page views and
 * the demo's three actions. Timestamps move with `now`; ids, names and properties never change.
 */
export function buildSeedBatches(now: Date): SeedBatch[] {
  const random = mulberry32(20_251_122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: SEED_USER_COUNT }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Sam';
    const company = pick(COMPANIES);
    const user: SeedUser = {
      id: seedUserId(index),
      anonymousId: `anon_seed_${String(index + 1).padStart(2, '0')}`,
      traits: { name: `${first} ${String.fromCharCode(65 + index)}.`, email: `${first.toLowerCase()}${index + 1}@${company.toLowerCase().replace(/\s/g, '')}.test`, plan: random() < 0.3 ? 'pro' : 'free', role: random() < 0.25 ? 'admin' : 'member', company },
    };
    let at = now.getTime() - SEED_DAYS * 86_400_000 + random() * 86_400_000;
    const events: HearthEvent[] = [];
    const add = (event: Record<string, unknown>) => {
      events.push({
        messageId: `seed_${user.id.slice(-2)}_${String(events.length + 1).padStart(3, '0')}`,
        anonymousId: user.anonymousId,
        timestamp: new Date(at).toISOString(),
        ...event,
      } as HearthEvent);
      at += (1 + random() * 40) * 60_000;
    };
    const page = (path: string) => add({ type: 'page', userId: user.id, context: { path, title: `${path.slice(1)} · Acme Projects` } });
    add({ type: 'page', context: { path: '/', title: 'Sign in · Acme Projects' } });
    add({ type: 'identify', userId: user.id, traits: user.traits });
    const sessions = 2 + Math.floor(random() * 4);
    for (let session = 0; session < sessions && at < now.getTime() - 3_600_000; session++) {
      page('/projects');
      add({ type: 'track', userId: user.id, name: 'Project Created', properties: { projectName: pick(PROJECT_NAMES), template: pick(TEMPLATES), projectCount: session + 1 } });
      if (random() < 0.5) add({ type: 'track', userId: user.id, name: 'Teammate Invited', properties: { role: pick(['member', 'viewer', 'admin']), inviteeDomain: `${company.toLowerCase().replace(/\s/g, '')}.test` } });
      page('/reports');
      if (random() < 0.6) add({ type: 'track', userId: user.id, name: 'Report Exported', properties: { report: pick(REPORTS), format: pick(['csv', 'pdf']), fileName: `report-${session + 1}` } });
      at += random() * 20 * 3_600_000;
    }
    return { user, events: events.filter((event) => Date.parse(event.timestamp) < now.getTime()) };
  });
}
