import { checklistPromptSchema, surveyPromptSchema } from '@hearth/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { mountPreview } from './mount-preview.js';
import { checklistPreviewState, surveyPreviewState } from './preview-state.js';

const box = document.createElement('div');
document.body.append(box);
let unmount: () => void = () => undefined;
afterEach(() => unmount());

describe('mountPreview', () => {
  it('renders the draft with the real checklist widget inside the preview box', async () => {
    const prompt = checklistPromptSchema.parse({
      id: 'onboarding',
      kind: 'checklist',
      content: {
        title: 'Get started',
        items: [{ id: 'create', title: 'Create a project', completeWhen: { type: 'event', event: 'Project Created' } }],
      },
    });
    unmount = await mountPreview(box, { kind: 'checklist', state: checklistPreviewState(prompt, 'en') }, 'en', { mode: 'dark' });
    const root = box.shadowRoot;
    expect(root?.textContent).toContain('Get started');
    expect(root?.textContent).toContain('Create a project');
    unmount();
    expect(root?.textContent ?? '').not.toContain('Get started');
    unmount = () => undefined;
  });

  it('moves the floating survey card, with its corner dock, into the preview box', async () => {
    const nps = surveyPromptSchema.parse({
      id: 'nps',
      kind: 'survey',
      content: { type: 'nps', product: 'Acme' },
    });
    unmount = await mountPreview(box, { kind: 'survey', state: surveyPreviewState(nps, 'en') }, 'en', {});
    const inBox = [...box.querySelectorAll('hearth-root')].map((host) => host.shadowRoot?.textContent ?? '').join(' ');
    expect(inBox).toContain('Acme');
    expect(document.body.querySelector(':scope > hearth-dock, :scope > hearth-root')).toBeNull();
    unmount();
    unmount = () => undefined;
  });
});
