import { Launcher, Shell, type Corner, type Theme } from '../../runtime/index.js';
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

export function RewardsView({ model, theme, floating, corner }: RewardsViewProps) {
  const i18n = model.i18n.value;
  const { balance } = model.state.value;
  if (!floating) return <Shell i18n={i18n} theme={theme}><Panel model={model} /></Shell>;
  const compact = new Intl.NumberFormat(i18n.locale, { notation: 'compact' }).format(balance);
  return (
    <Shell i18n={i18n} theme={theme}>
      <div class="float" data-corner={corner} dir="ltr">
        {model.open.value && <Panel model={model} onEscape={model.actions.toggle} />}
        <Launcher
          label={model.t('open', { balance: model.points(balance) })}
          badge={compact}
          expanded={model.open.value}
          controls={PANEL_ID}
          onToggle={model.actions.toggle}
        />
      </div>
    </Shell>
  );
}

function Panel({ model, onEscape }: { model: RewardsModel; onEscape?: () => void }) {
  const { t, points, state, tierProgress } = model;
  const { balance, tier } = state.value;
  const progress = tierProgress.value;
  return (
    <section class="card rw" id={PANEL_ID} dir={model.i18n.value.dir} aria-labelledby="hearth-rw-title" onKeyDown={(e) => onEscape && e.key === 'Escape' && onEscape()}>
      <h2 class="title" id="hearth-rw-title">{t('title')}</h2>
      <p class="balance" aria-live="polite">{points(balance)}</p>
      {tier && <p class="tier">{t('tier', { name: tier.name })}</p>}
      {tier && tier.perks.length > 0 && <ul class="perks">{tier.perks.map((perk) => <li key={perk}>{perk}</li>)}</ul>}
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
