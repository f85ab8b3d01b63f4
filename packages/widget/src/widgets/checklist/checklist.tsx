import { useRef } from 'preact/hooks';
import { Launcher, Shell, useCorner, type Corner, type Theme } from '../../runtime/index.js';
import { ChecklistItem } from './checklist-item.js';
import type { ChecklistModel } from './model.js';

export interface ChecklistViewProps {
  model: ChecklistModel;
  theme: Theme;
  /** Floating: a corner card above a launcher. Otherwise inline in the host's mount point. */
  floating: boolean;
  corner: Corner;
  baseUrl: string;
}

const CARD_ID = 'hearth-checklist';
const LIST_ICON = 'M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2';

export function ChecklistView({ model, theme, floating, corner, baseUrl }: ChecklistViewProps) {
  const launcher = useRef<HTMLButtonElement>(null);
  if (!model.visible.value) return null;
  const i18n = model.i18n.value;
  const { done, total, minimized } = model;
  const progress = i18n.t('progress', { done: done.value, total: total.value });

  // The card's minimize button disappears with the floating card: hand focus to the launcher.
  const minimize = () => {
    model.actions.toggleMinimized();
    if (floating) launcher.current?.focus();
  };
  const card = <Card model={model} floating={floating} progress={progress} baseUrl={baseUrl} onMinimize={minimize} />;
  if (!floating)
    return (
      <Shell i18n={i18n} theme={theme}>
        {card}
      </Shell>
    );

  const left = total.value - done.value;
  return (
    <Shell i18n={i18n} theme={theme}>
      {/* Corners are physical (`bottom-left` stays left in Arabic): lay out the corner LTR, the card in
          the locale's direction. The launcher comes first, so Tab goes from it into the card above it. */}
      <div class="float" data-corner={corner} dir="ltr">
        <Launcher
          buttonRef={launcher}
          label={`${model.title.value}: ${progress}, ${i18n.t('stepsLeft', { count: left })}`}
          icon={LIST_ICON}
          badge={left ? i18n.formatNumber(left) : '✓'}
          expanded={!minimized.value}
          controls={CARD_ID}
          onToggle={model.actions.toggleMinimized}
        />
        {!minimized.value && card}
      </div>
    </Shell>
  );
}

interface CardProps {
  model: ChecklistModel;
  floating: boolean;
  progress: string;
  baseUrl: string;
  onMinimize: () => void;
}

function Card({ model, floating, progress, baseUrl, onMinimize }: CardProps) {
  const { t, dir } = model.i18n.value;
  const { title, description, done, total, complete, minimized, actions } = model;
  const collapsed = !floating && minimized.value;
  const ref = useRef<HTMLElement>(null);
  // Floating, the open card is a panel that another corner's surface may close back to the launcher.
  useCorner(ref, floating, () => minimized.value || actions.toggleMinimized());
  return (
    <section
      class="card"
      ref={ref}
      id={CARD_ID}
      dir={dir}
      aria-labelledby="hearth-checklist-title"
      onKeyDown={(event) => floating && event.key === 'Escape' && onMinimize()}
    >
      <div class="head">
        <h2 class="title" id="hearth-checklist-title">
          {title.value}
        </h2>
        <button
          type="button"
          class="icon-btn"
          aria-label={t(collapsed ? 'expand' : 'minimize')}
          aria-expanded={!collapsed}
          onClick={onMinimize}
        >
          {collapsed ? '+' : '–'}
        </button>
        {model.dismissible.value && (
          <button type="button" class="icon-btn" aria-label={t('dismiss')} onClick={actions.dismiss}>
            ×
          </button>
        )}
      </div>
      {description.value && <p class="desc">{description.value}</p>}
      <div class="progress">
        <div
          class="bar"
          role="progressbar"
          aria-label={t('progressLabel')}
          aria-valuemin={0}
          aria-valuemax={total.value}
          aria-valuenow={done.value}
          aria-valuetext={progress}
        >
          <div class="fill" style={{ width: `${total.value ? (100 * done.value) / total.value : 0}%` }} />
        </div>
        <span class="count" aria-live="polite">
          {progress}
        </span>
      </div>
      {complete.value && (
        <p class={model.celebrating.value ? 'celebrate pop' : 'celebrate'} role="status">
          {/* A text check mark, not an emoji: systems without an emoji font draw those as empty boxes. */}
          <span aria-hidden="true">✓ </span>
          {t('allDone')}
        </p>
      )}
      {!collapsed && (
        <ol class="items">
          {model.items.value.map((item, index) => (
            <ChecklistItem
              key={item.id}
              item={item}
              domId={`hearth-item-${index}`}
              i18n={model.i18n.value}
              baseUrl={baseUrl}
              onRun={actions.run}
              onSkip={actions.skip}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
