import type { FieldErrors } from '../models/field-errors.js';
import type { SettingsDraft } from '../models/settings-draft.js';
import { SelectField } from './choice-fields.js';
import { TextField } from './field.js';

interface SectionProps {
  draft: SettingsDraft;
  errors: FieldErrors;
  set: (patch: Partial<SettingsDraft>) => void;
}

const MODES = [
  ['', "Widget default (follows the user's system)"],
  ['auto', "Auto: follows the user's system"],
  ['light', 'Light'],
  ['dark', 'Dark'],
] as const;

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A sample card in the draft theme, so a colour or radius is judged before it reaches users. */
function Swatch({ draft }: { draft: SettingsDraft }) {
  const brand = HEX.test(draft.brandColor.trim()) ? draft.brandColor.trim() : '#1f4f9e';
  const typed = Number(draft.radius);
  const radius = draft.radius.trim() !== '' && Number.isFinite(typed) ? Math.min(Math.max(typed, 0), 32) : 12;
  const dark = draft.mode === 'dark';
  return (
    <div
      class="swatch"
      data-testid="theme-swatch"
      role="img"
      aria-label={`Preview of the widget: brand colour ${brand}, ${radius} px corners, ${dark ? 'dark' : 'light'} mode`}
      style={{
        borderRadius: `${radius}px`,
        fontFamily: draft.font.trim() || 'inherit',
        background: dark ? '#1f2430' : '#fff',
        color: dark ? '#f2f4f8' : '#1b1f24',
      }}
    >
      <strong>Get started with Acme</strong>
      <span class="swatch-bar" style={{ background: brand }} />
      <span class="swatch-button" style={{ background: brand, borderRadius: `${radius / 2}px` }}>
        Start
      </span>
    </div>
  );
}

/** Appearance: the theme every widget of the project uses unless the host page overrides it. */
export function AppearanceFields({ draft, errors, set }: SectionProps) {
  return (
    <fieldset>
      <legend>Appearance</legend>
      <div class="two-columns">
        <div>
          <div class="color-row">
            <TextField
              id="theme-brand"
              label="Brand colour (hex)"
              value={draft.brandColor}
              error={errors['theme.brandColor']}
              hint="For example #4f46e5; empty: the widget's blue."
              onInput={(brandColor) => set({ brandColor })}
            />
            <input
              type="color"
              aria-label="Pick the brand colour"
              value={HEX.test(draft.brandColor) && draft.brandColor.length === 7 ? draft.brandColor : '#1f4f9e'}
              onInput={(e) => set({ brandColor: e.currentTarget.value })}
            />
          </div>
          <TextField
            id="theme-radius"
            label="Corner radius (px, 0–32)"
            type="number"
            value={draft.radius}
            error={errors['theme.radius']}
            onInput={(radius) => set({ radius })}
          />
          <TextField
            id="theme-font"
            label="Font family"
            value={draft.font}
            error={errors['theme.font']}
            hint="A CSS font list, e.g. Inter, system-ui, sans-serif; empty: the host page's font."
            onInput={(font) => set({ font })}
          />
          <SelectField
            id="theme-mode"
            label="Colour mode"
            value={draft.mode}
            options={MODES}
            error={errors['theme.mode']}
            onChange={(mode) => set({ mode: mode as SettingsDraft['mode'] })}
          />
        </div>
        <Swatch draft={draft} />
      </div>
      {errors.theme && (
        <p class="error" role="alert">
          {errors.theme}
        </p>
      )}
    </fieldset>
  );
}

/** The first error under `prefix` (a list's errors name an index, the form shows one field). */
const firstUnder = (errors: FieldErrors, prefix: string) =>
  Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];

/** Locales: the languages the product is offered in; empty turns the project-wide fallback off. */
export function LocaleFields({ draft, errors, set, inUse }: SectionProps & { inUse: readonly string[] }) {
  return (
    <fieldset>
      <legend>Locales</legend>
      <TextField
        id="locales-default"
        label="Default locale"
        value={draft.defaultLocale}
        error={errors['locales.default']}
        hint="Served to users whose language is not offered, e.g. en."
        onInput={(defaultLocale) => set({ defaultLocale })}
      />
      <TextField
        id="locales-supported"
        label="Supported locales (comma-separated)"
        value={draft.supportedLocales}
        error={firstUnder(errors, 'locales.supported')}
        hint={`Leave both empty to let each prompt fall back to its own default. In use by prompts: ${inUse.length ? inUse.join(', ') : 'none yet'}.`}
        onInput={(supportedLocales) => set({ supportedLocales })}
      />
    </fieldset>
  );
}

/** Engagement: when a user counts as lost, and how often interrupting prompts and surveys may appear. */
export function EngagementFields({ draft, errors, set }: SectionProps) {
  return (
    <fieldset>
      <legend>Engagement</legend>
      <TextField
        id="inactivity-days"
        label="Inactivity threshold (days)"
        type="number"
        value={draft.inactivityDays}
        error={errors.inactivityDays}
        hint="Days without activity after which a user counts as churned (1–365)."
        onInput={(inactivityDays) => set({ inactivityDays })}
      />
      <TextField
        id="fatigue-day"
        label="Interrupting prompts per user per 24 h"
        type="number"
        value={draft.maxPerDay}
        error={errors['fatigue.maxInterruptingPerDay']}
        hint="0 turns interrupting prompts off."
        onInput={(maxPerDay) => set({ maxPerDay })}
      />
      <TextField
        id="fatigue-week"
        label="Interrupting prompts per user per 7 days"
        type="number"
        value={draft.maxPerWeek}
        error={errors['fatigue.maxInterruptingPerWeek']}
        hint="Empty: no weekly cap."
        onInput={(maxPerWeek) => set({ maxPerWeek })}
      />
      <TextField
        id="fatigue-survey-gap"
        label="Days between two different surveys"
        type="number"
        value={draft.surveyGapDays}
        error={errors['fatigue.minDaysBetweenSurveys']}
        hint="After one survey, others wait this long for the same user (0–365; 0: no wait)."
        onInput={(surveyGapDays) => set({ surveyGapDays })}
      />
    </fieldset>
  );
}

export type { SectionProps };
