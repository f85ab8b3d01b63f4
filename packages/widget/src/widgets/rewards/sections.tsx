import type { RewardsModel } from './model.js';

type Props = { model: RewardsModel };

export function Badges({ model }: Props) {
  const { badges } = model.state.value;
  if (!badges.length) return null;
  return (
    <>
      <h3>{model.t('badges')}</h3>
      <ul class="badges">
        {badges.map((badge) => (
          <li key={badge.id} data-earned={badge.earned} title={badge.description}>
            <span aria-hidden="true">{badge.earned ? '★' : '☆'}</span> <bdi>{badge.name}</bdi>
            <span class="muted">
              {badge.earned ? (
                <span class="sr-only">, {model.t('earned')}</span>
              ) : (
                `, ${model.i18n.value.formatNumber(badge.count)}/${model.i18n.value.formatNumber(badge.target)}`
              )}
              {!badge.earned && <span class="sr-only"> {model.t('locked')}</span>}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function WaysToEarn({ model }: Props) {
  const ways = model.state.value.waysToEarn;
  if (!ways.length) return null;
  return (
    <>
      <h3>{model.t('waysToEarn')}</h3>
      <ul class="rows">
        {ways.map((way) => (
          <li key={way.id} data-done={way.done}>
            <span>
              <bdi>{way.title}</bdi>
              {way.done && <span class="sr-only">, {model.t('done')}</span>}
            </span>
            <span class="pts" dir="ltr">
              {way.done ? '✓' : `+${model.i18n.value.formatNumber(way.points)}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Referral({ model }: Props) {
  const referral = model.state.value.referral;
  if (!referral) return null;
  return (
    <>
      <h3>{model.t('referral')}</h3>
      <div class="ref">
        {/* A URL reads left to right in every language. */}
        <input readOnly dir="ltr" value={referral.link} aria-label={model.t('referralLink')} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn" onClick={model.actions.copy}>
          {model.t('copy')}
        </button>
      </div>
      <p class="muted" role="status">
        {model.copied.value ? model.t('copied') : ''}
      </p>
    </>
  );
}

export function History({ model }: Props) {
  const { history } = model.state.value;
  const { formatNumber, formatDate } = model.i18n.value;
  return (
    <>
      <h3>{model.t('history')}</h3>
      {!history.length && <p class="muted">{model.t('empty')}</p>}
      <ol class="rows">
        {history.map((entry) => (
          <li key={entry.id}>
            <span>
              <bdi>{entry.reason}</bdi>{' '}
              <bdi>
                <time class="muted" dateTime={entry.at}>
                  {formatDate(Date.parse(entry.at), { dateStyle: 'medium' })}
                </time>
              </bdi>
            </span>
            <span class="pts" dir="ltr" data-neg={entry.amount < 0}>
              {entry.amount > 0 ? '+' : '−'}
              {formatNumber(Math.abs(entry.amount))}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
