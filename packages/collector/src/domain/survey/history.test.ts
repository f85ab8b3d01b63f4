import { describe, expect, it } from 'vitest';
import { daysAgo, NOW } from '../test-helpers.js';
import { surveyAsksFromEvents } from './history.js';

describe('surveyAsksFromEvents', () => {
  it("keeps this survey's shows, dismissals and snoozes, oldest first", () => {
    const events: Parameters<typeof surveyAsksFromEvents>[1] = [
      { name: '$survey_snoozed', at: NOW, properties: { promptId: 'nps', kind: 'survey', cycle: 1 } },
      { name: '$prompt_shown', at: daysAgo(1), properties: { promptId: 'nps', kind: 'survey' } },
      { name: '$prompt_shown', at: daysAgo(1), properties: { promptId: 'other', kind: 'survey' } },
      { name: '$prompt_dismissed', at: daysAgo(2), properties: { promptId: 'nps', kind: 'survey' } },
      { name: 'report_exported', at: daysAgo(1), properties: { promptId: 'nps' } },
    ];
    expect(surveyAsksFromEvents('nps', events)).toEqual([
      { action: 'dismissed', at: daysAgo(2) },
      { action: 'shown', at: daysAgo(1) },
      { action: 'snoozed', at: NOW },
    ]);
  });
});
