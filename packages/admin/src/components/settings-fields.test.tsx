import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSettingsDraft, draftFromSettings, emptyWebhook } from '../models/settings-draft.js';
import { savedSettings } from '../models/settings-fixtures.js';
import { AppearanceFields, EngagementFields, LocaleFields } from './settings-appearance.js';
import { RetentionFields } from './settings-retention.js';
import { SecurityFields } from './settings-security.js';
import { WebhookFields } from './settings-webhooks.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));
const noop = () => undefined;
const errorFor = (id: string) => host.querySelector(`#${id}-error`)?.textContent;

describe('settings sections show the schema error at the field', () => {
  it('appearance, locales and engagement', () => {
    const saved = savedSettings();
    const draft = {
      ...draftFromSettings(saved),
      brandColor: 'red',
      radius: '33',
      font: 'Inter; }',
      defaultLocale: 'fr',
      supportedLocales: 'en, english!',
      maxPerDay: '-1',
      surveyGapDays: '400',
    };
    const { errors } = checkSettingsDraft(draft, saved);
    const section = { draft, errors, set: noop };
    act(() =>
      render(
        <>
          <AppearanceFields {...section} />
          <LocaleFields {...section} inUse={['en', 'nb']} />
          <EngagementFields {...section} />
        </>,
        host,
      ),
    );
    expect(errorFor('theme-brand')).toBe('brandColor must be a hex colour such as #4f46e5');
    expect(errorFor('theme-radius')).toBe('radius must be at most 32 px');
    expect(errorFor('theme-font')).toContain('font may hold only font names');
    expect(errorFor('locales-supported')).toBe('locales look like "en" or "ar-SA"');
    expect(errorFor('fatigue-day')).toBeTruthy();
    expect(errorFor('fatigue-survey-gap')).toBe('minDaysBetweenSurveys must be at most 365');
    expect(host.querySelector('#theme-radius')?.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('#theme-radius')?.getAttribute('aria-describedby')).toBe('theme-radius-error');
    expect(host.querySelector('#locales-supported-hint')?.textContent).toContain('en, nb');
  });

  it('retention: the error at the field, and what each KPI still answers once events expire', () => {
    const saved = savedSettings();
    const draft = { ...draftFromSettings(saved), eventRetentionDays: '4000' };
    const { errors } = checkSettingsDraft(draft, saved);
    act(() => render(<RetentionFields draft={draft} errors={errors} set={noop} />, host));
    expect(errorFor('event-retention-days')).toBe('eventRetentionDays must be at most 3650');
    expect(host.querySelector('#event-retention-days-hint')?.textContent).toContain('empty keeps them forever');
    const explained = host.querySelector('details')?.textContent ?? '';
    expect(explained).toContain('Unchanged:');
    expect(explained).toContain('active users, churn and retention');
    expect(explained).toContain('Only within the kept events:');
    expect(explained).toContain('checklist KPIs');
  });

  it('the swatch previews the draft theme as it is typed', () => {
    const draft = { ...draftFromSettings(savedSettings()), brandColor: '#ff6600', radius: '20', mode: 'dark' as const };
    act(() => render(<AppearanceFields draft={draft} errors={{}} set={noop} />, host));
    const swatch = host.querySelector<HTMLElement>('[data-testid="theme-swatch"]')!;
    expect(swatch.style.borderRadius).toBe('20px');
    expect(host.querySelector<HTMLElement>('.swatch-button')!.style.background).toContain('#ff6600');
    expect(swatch.getAttribute('aria-label')).toContain('dark mode');
  });

  it('security: a bad origin at its row, rotation offered or finished by the key state', () => {
    const saved = savedSettings();
    const draft = { ...draftFromSettings(saved), allowedOrigins: ['https://app.acme.test', 'not a url'] };
    const { errors } = checkSettingsDraft(draft, saved);
    const onRotate = vi.fn();
    act(() =>
      render(
        <SecurityFields draft={draft} errors={errors} set={noop} keys={saved.keys} onRotate={onRotate} onFinishRotation={noop} />,
        host,
      ),
    );
    expect(errorFor('origin-1')).toBeTruthy();
    expect(errorFor('origin-0')).toBeUndefined();
    const rotate = [...host.querySelectorAll('button')].find((button) => button.textContent === 'Rotate secret key')!;
    act(() => rotate.click());
    expect(onRotate).toHaveBeenCalledOnce();

    const rotating = { ...saved.keys, secretKeyFingerprints: ['sha256:aaaaaaaaaaaa', 'sha256:dddddddddddd'], rotating: true };
    const onFinish = vi.fn();
    act(() =>
      render(<SecurityFields draft={draft} errors={{}} set={noop} keys={rotating} onRotate={noop} onFinishRotation={onFinish} />, host),
    );
    const finish = [...host.querySelectorAll('button')].find(
      (button) => button.textContent === 'Finish rotation: retire sha256:aaaaaaaaaaaa',
    )!;
    // Retiring a key breaks whoever still uses it: it asks first, with the focus on the answer.
    act(() => finish.click());
    expect(onFinish).not.toHaveBeenCalled();
    expect(host.querySelector('#retire-warning')?.textContent).toContain('Backends still sending it get 401');
    const retire = [...host.querySelectorAll('button')].find((button) => button.textContent === 'Retire the old key')!;
    expect(document.activeElement).toBe(retire);
    act(() => retire.click());
    expect(onFinish).toHaveBeenCalledOnce();
    expect([...host.querySelectorAll('[aria-label="Active secret key fingerprints"] li')].map((li) => li.textContent)).toEqual([
      'sha256:aaaaaaaaaaaa',
      'sha256:dddddddddddd',
    ]);
  });

  it('webhooks: the URL error at its row; new rows say a secret comes on save', () => {
    const saved = savedSettings();
    const draft = {
      ...draftFromSettings(saved),
      webhooks: [...draftFromSettings(saved).webhooks, { ...emptyWebhook(), url: 'javascript:alert(1)' }],
    };
    const { errors } = checkSettingsDraft(draft, saved);
    act(() => render(<WebhookFields draft={draft} errors={errors} set={noop} onRotate={noop} onFinishRotation={noop} />, host));
    expect(errorFor('webhook-1-url')).toBe('url must start with http:// or https://');
    expect(errorFor('webhook-0-url')).toBeUndefined();
    expect(host.textContent).toContain('a signing secret is generated when you save');
    expect(host.textContent).toContain('Rotate secret of webhook 1');
  });
});
