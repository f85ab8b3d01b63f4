import { useEffect, useRef } from 'preact/hooks';
import { trapFocus } from '../../runtime/modal/trap-focus.js';
import { Shell, useCorner, type Corner, type Theme } from '../../runtime/index.js';
import type { SurveyModel } from './model.js';
import { Scale } from './scale.js';

export interface SurveyViewProps {
  model: SurveyModel;
  theme: Theme;
  corner: Corner;
}

/** Corner card (never takes focus from the host page) or modal (traps focus, returns it on close). */
export function SurveyView({ model, theme, corner }: SurveyViewProps) {
  if (!model.visible.value) return null;
  const modal = model.survey.display === 'modal';
  return (
    <Shell i18n={model.i18n.value} theme={theme}>
      {/* Corners are physical: lay out the corner LTR, the card in the locale's direction. */}
      <div class={modal ? 'backdrop' : 'float'} data-corner={corner} dir="ltr">
        <Card model={model} modal={modal} />
      </div>
    </Shell>
  );
}

const TITLE_ID = 'hearth-survey-q';

function Card({ model, modal }: { model: SurveyModel; modal: boolean }) {
  const card = useRef<HTMLDivElement>(null);
  const comment = useRef<HTMLTextAreaElement>(null);
  /** Set when the user acted inside the card: the next step's control then takes focus. */
  const moved = useRef(false);
  const { t, dir } = model.i18n.value;
  const { survey, step, index, questions, actions } = model;

  useEffect(() => (modal && card.current ? trapFocus(card.current) : undefined), [modal]);
  // A corner card has no launcher to close to: it waits while a panel the user opened covers it.
  useCorner(card, !modal);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    card.current?.querySelector<HTMLElement>('[data-focus],.score[tabindex="0"]')?.focus();
  }, [step.value, index.value]);

  const act =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      moved.current = true;
      action(...args);
    };
  const answered = model.answer.value !== null;
  const total = questions.value.length;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (answered || survey.dismissible) actions.close();
    else actions.snooze();
  };

  return (
    <div
      class="card"
      ref={card}
      dir={dir}
      aria-labelledby={TITLE_ID}
      {...(modal ? { role: 'dialog', 'aria-modal': 'true' } : { role: 'region' })}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <span class="count">{total > 1 && step.value === 'rate' ? t('progress', { done: index.value + 1, total }) : ''}</span>
        {(answered || survey.dismissible) && (
          <button type="button" class="icon-btn" aria-label={t('dismiss')} onClick={actions.close}>
            ×
          </button>
        )}
      </div>
      {step.value === 'rate' && (
        <>
          <p class="q" id={TITLE_ID}>
            {questions.value[index.value]?.text}
          </p>
          <Scale key={index.value} model={model} labelledBy={TITLE_ID} onChoose={act(actions.choose)} />
          {survey.askLater && !answered && (
            <button type="button" class="btn later" onClick={actions.snooze}>
              {t('askLater')}
            </button>
          )}
        </>
      )}
      {step.value === 'comment' && (
        <>
          <label class="q" id={TITLE_ID} for="hearth-survey-comment">
            {model.followUp.value}
          </label>
          <textarea id="hearth-survey-comment" ref={comment} data-focus rows={3} maxLength={5000} />
          <button type="button" class="btn btn-primary" onClick={act(() => actions.send(comment.current?.value ?? ''))}>
            {t('send')}
          </button>
        </>
      )}
      {step.value === 'thanks' && (
        <p class="q" id={TITLE_ID} role="status" tabIndex={-1} data-focus>
          {model.thanks.value}
        </p>
      )}
    </div>
  );
}
