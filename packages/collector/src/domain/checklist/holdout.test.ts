import { checklistPromptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { inSample } from '../targeting/sampling.js';
import { drawnArm } from './holdout.js';

const checklist = checklistPromptSchema.parse({
  id: 'setup',
  kind: 'checklist',
  holdout: { percent: 50 },
  content: { title: 'Set up', items: [{ id: 'a', title: 'A', completeWhen: { type: 'event', event: 'A' } }] },
});
const users = Array.from({ length: 2_000 }, (_, i) => `user-${i}`);

describe('drawnArm', () => {
  it('is the same for a user every time, and about the percent of users', () => {
    const control = users.filter((id) => drawnArm(checklist, id) === 'control');
    expect(users.filter((id) => drawnArm(checklist, id) === 'control')).toEqual(control);
    // 2,000 draws at 50 %: the hash's share is deterministic; 45–55 % is over 4 standard deviations wide.
    expect(control.length / users.length).toBeGreaterThan(0.45);
    expect(control.length / users.length).toBeLessThan(0.55);
  });

  it('draws independently of a sample rule salted with the bare checklist id', () => {
    // Same buckets would put every sampled user in the control; independent draws put about half.
    const sampled = users.filter((id) => inSample(50, 'setup', id));
    const heldOfSampled = sampled.filter((id) => drawnArm(checklist, id) === 'control').length / sampled.length;
    expect(heldOfSampled).toBeGreaterThan(0.4);
    expect(heldOfSampled).toBeLessThan(0.6);
  });
});
