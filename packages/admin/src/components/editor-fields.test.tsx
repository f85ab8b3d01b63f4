import { LINK_RULE } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAnnouncementDraft, newAnnouncementDraft } from '../models/announcement-draft.js';
import { emptyTrigger } from '../models/envelope-draft.js';
import { checkSurveyDraft, newSurveyDraft, surveyTranslatableFields } from '../models/survey-draft.js';
import { AnnouncementContentFields } from './announcement-fields.js';
import { FrequencyFields, TriggerFields } from './envelope-fields.js';
import { SurveyCadenceFields, SurveyQuestionFields } from './survey-fields.js';
import { TranslationTable } from './translation-table.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));
const noop = () => undefined;
const errorFor = (id: string) => host.querySelector(`#${id}-error`)?.textContent;

describe('editor forms show the schema error at the field', () => {
  it('survey: product, cadence and follow-up per group', () => {
    const draft = { ...newSurveyDraft('nps'), id: 'nps', followUpPerGroup: true, cadence: { ...newSurveyDraft().cadence, maxAsks: '0' } };
    const { errors } = checkSurveyDraft(draft);
    act(() =>
      render(
        <>
          <SurveyQuestionFields draft={draft} errors={errors} set={noop} />
          <SurveyCadenceFields draft={draft} errors={errors} set={noop} />
        </>,
        host,
      ),
    );
    expect(errorFor('survey-product')).toBe('product must not be empty');
    expect(errorFor('cadence-maxAsks')).toBe('maxAsks must be at least 1');
    expect(host.querySelector('#survey-follow-up-detractor')).not.toBeNull();
    expect(host.querySelector('#survey-product')?.getAttribute('aria-describedby')).toBe('survey-product-error');
  });

  it('announcement: CTA link refused as javascript:', () => {
    const draft = { ...newAnnouncementDraft(), id: 'a', title: 'T', cta: 'url' as const, ctaLabel: 'Go', ctaUrl: 'javascript:alert(1)' };
    act(() => render(<AnnouncementContentFields draft={draft} errors={checkAnnouncementDraft(draft).errors} set={noop} />, host));
    expect(errorFor('cta-url')).toBe(LINK_RULE);
    expect(errorFor('title')).toBeUndefined();
  });

  it('triggers and frequency: an event trigger needs its name, a delay its bound', () => {
    const draft = { ...newSurveyDraft('nps'), id: 'nps', product: 'Acme' };
    draft.envelope = { ...draft.envelope, triggers: [emptyTrigger('event'), { ...emptyTrigger('delay'), ms: '900000' }], maxDisplays: '0' };
    const { errors } = checkSurveyDraft(draft);
    const props = { value: draft.envelope, errors, onChange: noop };
    act(() =>
      render(
        <>
          <TriggerFields {...props} />
          <FrequencyFields {...props} />
        </>,
        host,
      ),
    );
    expect(errorFor('trigger-0-name')).toBeTruthy();
    expect(errorFor('trigger-1-ms')).toBe('ms must be at most 600000 (10 minutes)');
    expect(errorFor('frequency-max')).toBe('maxDisplays must be at least 1');
  });

  it('translations: side by side, missing ones flagged, an invalid locale named', () => {
    const draft = { ...newSurveyDraft('csat'), id: 'csat', question: 'How satisfied are you?', thankYou: 'Thanks!' };
    draft.translations = { fr: { question: 'Êtes-vous satisfait ?' } };
    const { errors } = checkSurveyDraft(draft);
    act(() =>
      render(
        <TranslationTable
          defaultLocale="en"
          fields={surveyTranslatableFields(draft)}
          value={draft.translations}
          errors={errors}
          onChange={noop}
        />,
        host,
      ),
    );
    expect(host.querySelector('#tr-fr-thankYou-note')?.textContent).toBe('Missing');
    expect(host.querySelector('#tr-fr-question-note')).toBeNull();
    expect(host.textContent).toContain('fr: 1 missing');
    const input = host.querySelector('#tr-add') as HTMLInputElement;
    input.value = 'French';
    act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    act(() => (host.querySelector('.inline-form button') as HTMLButtonElement).click());
    expect(errorFor('tr-add')).toBe('locales look like "en" or "ar-SA"');
  });
});
