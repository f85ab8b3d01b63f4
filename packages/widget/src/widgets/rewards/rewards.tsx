import { useEffect, useRef } from 'preact/hooks';
import { Launcher, Shell, useCorner, type Corner, type Theme } from '../../runtime/index.js';
import { Catalog } from './catalog.js';
import type { RewardsModel } from './model.js';
import { Badges, History, Referral, WaysToEarn } from './sections.js';

export interface RewardsViewProps {
  model: RewardsModel;
  theme: Theme;
  /** Floating: a panel above a launcher showing the balance. Otherwise inline in the host's mount point. */
  floating: boolean;
  corner: Corner;
}

const PANEL_ID = 'hearth-rewards';
const STAR_ICON = 'M12 3l3 6 6 1-4 4 1 6-6-3-6 3 1-6-4-4 6-1z';

export function RewardsView({ model, theme, floating, corner }: RewardsViewProps) {
  const launcher = useRef<HTMLButtonElement>(null);
  const i18n = model.i18n.value;
  const { balance } = model.state.value;
  if (!floating)
    return (
      <Shell i18n={i18n} theme={theme}>
        <Panel model={model} />
      </Shell>
    );
  const compact = new Intl.NumberFormat(i18n.locale, { notation: 'compact' }).format(balance);
  const open = model.open.value;
  // Escape anywhere in the widget (the launcher included) closes the panel and gives focus back.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    model.actions.toggle();
    launcher.current?.focus();
  };
  return (
    <Shell i18n={i18n} theme={theme}>
      {/* The launcher comes first: Tab goes from it into the panel drawn above it. */}
      <div class="float" data-corner={corner} dir="ltr" onKeyDown={onKeyDown}>
        <Launcher
          buttonRef={launcher}
          label={model.t('open', { balance: model.points(balance) })}
          icon={STAR_ICON}
          badge={compact}
          expanded={open}
          controls={PANEL_ID}
          onToggle={model.actions.toggle}
        />
        {open && <Panel model={model} focusOnOpen />}
      </div>
    </Shell>
  );
}

function Panel({ model, focusOnOpen }: { model: RewardsModel; focusOnOpen?: boolean }) {
  const { t, points, state, tierProgress } = model;
  const { balance, tier } = state.value;
  const progress = tierProgress.value;
  const ref = useRef<HTMLElement>(null);
  // Opened from the launcher: focus moves into the panel, so Tab walks its controls next.
  useEffect(() => void (focusOnOpen && ref.current?.focus()), []);
  useCorner(ref, !!focusOnOpen, () => model.open.value && model.actions.toggle());
  return (
    <section class="card rw" id={PANEL_ID} ref={ref} tabIndex={-1} dir={model.i18n.value.dir} aria-labelledby="hearth-rw-title">
      <h2 class="title" id="hearth-rw-title">
        {t('title')}
      </h2>
      <p class="balance" aria-live="polite">
        {points(balance)}
      </p>
      {tier && <p class="tier">{t('tier', { name: tier.name })}</p>}
      {tier && tier.perks.length > 0 && (
        <ul class="perks">
          {tier.perks.map((perk) => (
            <li key={perk}>{perk}</li>
          ))}
        </ul>
      )}
      {progress && (
        <div class="progress">
          <progress class="bar" aria-label={t('tierProgress')} value={progress.value} max={progress.max} />
          <span class="count">{t('toNext', { points: points(progress.left), name: progress.name })}</span>
        </div>
      )}
      <Badges model={model} />
      <WaysToEarn model={model} />
      <Catalog model={model} />
      <Referral model={model} />
      <History model={model} />
    </section>
  );
}
