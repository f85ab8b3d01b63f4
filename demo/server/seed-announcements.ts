import type { AnnouncementInput } from '@hearth/schema';

const DAY_MS = 86_400_000;

/** How long before "now" an announcement `ageDays` old was published: an hour more, so even the newest is live at once. */
export const publishedMsAgo = (ageDays: number) => ageDays * DAY_MS + 3_600_000;

/** The demo's news: one per built-in category, the newest boosted, with Arabic texts for `?locale=ar`. */
export function demoAnnouncements(): { input: AnnouncementInput; ageDays: number }[] {
  return [
    {
      ageDays: 12,
      input: {
        id: 'invite-links-fixed',
        category: 'fixed',
        content: {
          title: 'Invite links no longer expire early',
          body: 'Invitations now stay valid for the full **7 days**, whatever your time zone.',
        },
        translations: { ar: { title: 'روابط الدعوة لم تعد تنتهي مبكرًا' } },
      },
    },
    {
      ageDays: 3,
      input: {
        id: 'faster-exports',
        category: 'improved',
        content: {
          title: 'Report exports are three times faster',
          body: 'PDF and CSV exports of large projects now finish in seconds.\n\n- Weekly velocity\n- Burndown\n- Team workload',
          cta: { type: 'url', label: 'Export a report', url: '/reports' },
        },
        featureEvent: 'Report Exported',
        translations: { ar: { title: 'تصدير التقارير أسرع بثلاث مرات', ctaLabel: 'صدّر تقريرًا' } },
      },
    },
    {
      ageDays: 1,
      input: {
        id: 'roadmap-template',
        category: 'new',
        boosted: true,
        boostStyle: 'toast',
        content: {
          title: 'New: the Roadmap template',
          body: 'Plan quarters and milestones on a timeline. Pick **Roadmap** when you create a project.\n\n[Read the guide](https://acme.example/guides/roadmap)',
          cta: { type: 'url', label: 'Create a roadmap', url: '/projects' },
        },
        translations: { ar: { title: 'جديد: قالب خارطة الطريق', ctaLabel: 'أنشئ خارطة طريق' } },
      },
    },
  ];
}

export type AnnouncementSeedOptions = { collectorUrl: string; secret: string; now?: Date };

/**
 * Publishes the demo's announcements through the collector's admin API (secret key, from this
 * server), as a product manager's tooling would. An id that already exists is left alone, so
 * restarts keep what was edited meanwhile. Resolves to how many were created.
 */
export async function seedDemoAnnouncements({ collectorUrl, secret, now = new Date() }: AnnouncementSeedOptions): Promise<number> {
  const call = async (method: string, path: string, body: unknown) =>
    fetch(`${collectorUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  let created = 0;
  for (const { input, ageDays } of demoAnnouncements()) {
    const res = await call('POST', '/v1/admin/announcements', input);
    if (res.status === 409) continue;
    if (res.status !== 201) throw new Error(`seeding announcement ${input.id} failed: ${res.status} ${await res.text()}`);
    const at = new Date(now.getTime() - publishedMsAgo(ageDays)).toISOString();
    const published = await call('POST', `/v1/admin/announcements/${input.id}/publish`, { at });
    if (!published.ok) throw new Error(`publishing announcement ${input.id} failed: ${published.status} ${await published.text()}`);
    created++;
  }
  return created;
}
