import { announcementInputSchema, checklistPromptSchema, rewardsConfigSchema, surveyPromptSchema, toErrorIssues } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TEMPLATES } from './catalog.js';

const SCHEMAS: Record<(typeof TEMPLATES)[number]['kind'], z.ZodType> = {
  checklist: checklistPromptSchema,
  survey: surveyPromptSchema,
  announcement: announcementInputSchema,
  rewards: rewardsConfigSchema,
};

describe('templates gallery', () => {
  it.each(TEMPLATES.map((template) => [template.id, template] as const))('%s is a valid configuration for its kind', (_, template) => {
    const parsed = SCHEMAS[template.kind].safeParse(template.config);
    expect(parsed.success ? [] : toErrorIssues(parsed.error)).toEqual([]);
  });

  it('offers every starting point the console promises, each once', () => {
    expect(TEMPLATES.map((template) => template.id)).toEqual([
      'onboarding-by-role',
      'nps-detractor-follow-up',
      'cli',
      'csat-after-action',
      'whats-new',
      'inactive-digest',
      'starter-rewards',
    ]);
    const surveyTypes = TEMPLATES.flatMap((t) => (t.kind === 'survey' ? [surveyPromptSchema.parse(t.config).content.type] : []));
    expect(surveyTypes).toEqual(['nps', 'cli', 'csat']);
  });
});
