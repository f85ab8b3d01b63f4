import { useEffect, useRef } from 'preact/hooks';
import type { RewardsModel } from './model.js';

const BLOCKED = { points: 'blockedPoints', stock: 'blockedStock', limit: 'blockedLimit' } as const;

/** Catalog items with a two-step redeem: the confirm step takes focus, cancel hands it back. */
export function Catalog({ model }: { model: RewardsModel }) {
  const { catalog } = model.state.value;
  const { t, points, confirming, outcome, actions } = model;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const pending = confirming.value;
  useEffect(() => confirmRef.current?.focus(), [pending?.requestId]);
  if (!catalog.length) return null;
  return (
    <>
      <h3>{t('catalog')}</h3>
      <ul class="rows">
        {catalog.map((item) => (
          <li key={item.id} class="item">
            <span>
              <bdi>{item.name}</bdi> <span class="muted">{points(item.cost)}</span>
              {item.description && <span class="desc">{item.description}</span>}
            </span>
            {pending?.itemId === item.id ? (
              <span class="confirm" role="group" aria-label={t('confirm', { name: item.name, cost: points(item.cost) })}>
                <span>{t('confirm', { name: item.name, cost: points(item.cost) })}</span>
                <button type="button" class="btn btn-primary" ref={confirmRef} disabled={model.busy.value} onClick={actions.confirm}>
                  {t('yes')}
                </button>
                <button type="button" class="btn" onClick={actions.cancel}>
                  {t('cancel')}
                </button>
              </span>
            ) : item.blocked ? (
              <span class="muted">{t(BLOCKED[item.blocked])}</span>
            ) : (
              <button type="button" class="btn" aria-label={`${t('redeem')}: ${item.name}`} onClick={() => actions.ask(item.id)}>
                {t('redeem')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p class={outcome.value?.ok === false ? 'out err' : 'out'} role={outcome.value?.ok === false ? 'alert' : 'status'}>
        {outcome.value?.text ?? ''}
      </p>
    </>
  );
}
