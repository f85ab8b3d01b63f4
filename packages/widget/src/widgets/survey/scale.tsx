import { useRef } from 'preact/hooks';
import type { SurveyModel } from './model.js';

interface ScaleProps {
  model: SurveyModel;
  /** Id of the question that names the group. */
  labelledBy: string;
  onChoose: (score: number) => void;
}

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The score scale as a radio group with one tab stop (roving tabindex): Tab enters and leaves it,
 * arrow keys move between scores (mirrored right-to-left), Home/End jump to the ends, and Enter
 * or Space chooses. Moving does not choose: a score is saved the moment it is chosen, so arrowing
 * past 3 on the way to 8 must not answer 3.
 */
export function Scale({ model, labelledBy, onChoose }: ScaleProps) {
  const group = useRef<HTMLDivElement>(null);
  const { min, max, actions } = model;
  const i18n = model.i18n.value;
  const labels = model.labels.value;
  const focus = model.focus.value;
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const move = (event: KeyboardEvent) => {
    const step = NEXT[event.key];
    // Right-to-left, the scale runs right to left: ArrowLeft moves to the next score.
    const mirrored = i18n.dir === 'rtl' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight');
    const to = event.key === 'Home' ? min : event.key === 'End' ? max : step === undefined ? null : focus + (mirrored ? -step : step);
    if (to === null) return;
    event.preventDefault();
    actions.focus(to);
    group.current?.querySelector<HTMLElement>(`[data-score="${model.focus.value}"]`)?.focus();
  };
  return (
    <div>
      <div class="scale" role="radiogroup" aria-labelledby={labelledBy} ref={group} onKeyDown={move}>
        {scores.map((score) => {
          const end = score === min ? labels[0] : score === max ? labels[1] : '';
          return (
            <button
              type="button"
              role="radio"
              aria-checked="false"
              class="score"
              data-score={score}
              tabIndex={score === focus ? 0 : -1}
              aria-label={end ? `${i18n.formatNumber(score)}, ${end}` : undefined}
              onFocus={() => actions.focus(score)}
              onClick={() => onChoose(score)}
            >
              {i18n.formatNumber(score)}
            </button>
          );
        })}
      </div>
      <div class="ends" aria-hidden="true">
        <span>{labels[0]}</span>
        <span>{labels[1]}</span>
      </div>
    </div>
  );
}
