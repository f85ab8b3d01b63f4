import { describe, expect, it } from 'vitest';
import { toErrorIssues } from './error-body.js';
import { projectConfigSchema } from './project-config.js';
import { fatigueBudgetSchema, promptSchema } from './prompt.js';
import { LINK_RULE } from './links.js';

const checklist = {
  id: 'admin-onboarding',
  kind: 'checklist',
  content: {
    title: 'Set up your workspace',
    items: [
      {
        id: 'create-project',
        title: 'Create a project',
        action: { type: 'url', url: '/projects/new' },
        completeWhen: { type: 'event', event: 'project_created' },
      },
      {
        id: 'invite',
        title: 'Invite a teammate',
        completeWhen: { type: 'event', event: 'invite_sent', where: { role: 'member' } },
        points: 10,
      },
      { id: 'avatar', title: 'Add an avatar', optional: true, completeWhen: { type: 'trait', trait: 'avatarUrl', op: 'exists' } },
    ],
  },
  translations: { ar: { title: 'جهّز مساحة عملك', items: { invite: { title: 'ادعُ زميلًا' } } } },
};

const issuesOf = (value: unknown) => {
  const result = promptSchema.safeParse(value);
  expect(result.success).toBe(false);
  return toErrorIssues(result.error!);
};

describe('promptSchema (checklist)', () => {
  it('fills the envelope defaults: draft, no schedule limits, on load, not interrupting', () => {
    const prompt = promptSchema.parse(checklist);
    expect(prompt).toMatchObject({
      status: 'draft',
      schedule: {},
      frequency: { stopAfterDismiss: true, stopAfterComplete: false },
      triggers: [{ type: 'load' }],
      priority: 0,
      interrupting: false,
      defaultLocale: 'en',
      content: { dismissible: true, hideWhenComplete: false },
    });
    expect(prompt.kind === 'checklist' && prompt.content.items.map((i) => i.optional)).toEqual([false, false, true]);
  });

  it('names each broken field', () => {
    const paths = issuesOf({
      ...checklist,
      id: 'Admin Onboarding',
      status: 'published',
      content: { ...checklist.content, items: [{ id: 'x', title: '', completeWhen: { type: 'event' } }] },
    }).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'status', 'content.items.0.title', 'content.items.0.completeWhen.event']));
  });

  it('has no holdout unless given one, and bounds its percent naming the field', () => {
    const prompt = promptSchema.parse(checklist);
    expect(prompt.kind === 'checklist' && prompt.holdout).toBeUndefined();
    expect(promptSchema.parse({ ...checklist, holdout: { percent: 10 } })).toMatchObject({ holdout: { percent: 10 } });
    for (const percent of [0, 50.5, '10']) {
      expect(issuesOf({ ...checklist, holdout: { percent } }).map((i) => i.path)).toEqual(['holdout.percent']);
    }
    expect(issuesOf({ ...checklist, holdout: { percent: 60 } })[0]!.message).toBe('holdout.percent must be at most 50');
  });

  it('refuses duplicate item ids and translations of unknown items', () => {
    const duplicate = {
      ...checklist,
      content: { ...checklist.content, items: [checklist.content.items[0], checklist.content.items[0]] },
      translations: {},
    };
    expect(issuesOf(duplicate)).toEqual([{ path: 'content.items.1.id', message: 'duplicate item id "create-project"' }]);
    const stray = { ...checklist, translations: { nb: { items: { ghost: { title: 'Spøkelse' } } } } };
    expect(issuesOf(stray)).toEqual([{ path: 'translations.nb.items.ghost', message: 'no item "ghost" in content.items' }]);
  });

  it('refuses javascript: and protocol-relative action URLs', () => {
    for (const url of ['javascript:alert(1)', '//evil.example/x']) {
      const bad = {
        ...checklist,
        translations: {},
        content: { ...checklist.content, items: [{ ...checklist.content.items[0], action: { type: 'url', url } }] },
      };
      expect(issuesOf(bad)).toEqual([{ path: 'content.items.0.action.url', message: LINK_RULE }]);
    }
  });

  it('checks the schedule: scheduled needs startAt, endAt after startAt', () => {
    expect(issuesOf({ ...checklist, status: 'scheduled' })).toEqual([
      { path: 'schedule.startAt', message: 'a scheduled prompt needs schedule.startAt' },
    ]);
    expect(issuesOf({ ...checklist, schedule: { startAt: '2026-05-01T00:00:00Z', endAt: '2026-04-01T00:00:00Z' } })).toEqual([
      { path: 'schedule.endAt', message: 'endAt must be after startAt' },
    ]);
  });

  it('refuses an unknown kind by naming kind', () => {
    expect(issuesOf({ ...checklist, kind: 'banner' })[0]?.path).toBe('kind');
  });
});

describe('fatigueBudgetSchema', () => {
  it('defaults to one interrupting prompt per day, no weekly cap and 14 days between two surveys', () => {
    expect(fatigueBudgetSchema.parse({})).toEqual({ maxInterruptingPerDay: 1, minDaysBetweenSurveys: 14 });
    expect(fatigueBudgetSchema.safeParse({ maxInterruptingPerDay: -1 }).success).toBe(false);
  });

  it('names the survey gap when it is not a number of days from 0 to 365', () => {
    const messages = (minDaysBetweenSurveys: unknown) =>
      fatigueBudgetSchema.safeParse({ minDaysBetweenSurveys }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(messages(-1)).toEqual([['minDaysBetweenSurveys', 'minDaysBetweenSurveys must not be negative']]);
    expect(messages(400)).toEqual([['minDaysBetweenSurveys', 'minDaysBetweenSurveys must be at most 365']]);
    expect(messages('soon')).toEqual([['minDaysBetweenSurveys', 'minDaysBetweenSurveys must be a number of days']]);
    expect(fatigueBudgetSchema.parse({ minDaysBetweenSurveys: 0 }).minDaysBetweenSurveys).toBe(0);
  });

  it('is what a project without a fatigue setting gets', () => {
    const project = projectConfigSchema.parse({
      id: 'acme',
      name: 'Acme',
      publicKey: 'pk_test_acme_public',
      secretKeys: ['sk_test_acme_secret_0001'],
      allowedOrigins: ['https://app.acme.test'],
    });
    expect(project.fatigue).toEqual(fatigueBudgetSchema.parse({}));
  });
});
