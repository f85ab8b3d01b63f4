import { safeUrl, type I18n } from '../../runtime/index.js';
import type { ChecklistModel } from './model.js';

interface ChecklistItemProps {
  item: ChecklistModel['items']['value'][number];
  /** Unique within the shadow root: names the item for its action buttons. */
  domId: string;
  i18n: I18n;
  baseUrl: string;
  onRun: (itemId: string) => void;
  onSkip: (itemId: string) => void;
}

export function ChecklistItem({ item, domId, i18n, baseUrl, onRun, onSkip }: ChecklistItemProps) {
  const { t } = i18n;
  const state = item.done ? 'done' : item.skipped ? 'skipped' : 'todo';
  const open = state === 'todo';
  const { action } = item;
  const href = action?.type === 'url' ? safeUrl(action.url, baseUrl) : undefined;
  return (
    // Focusable by script: ticking or skipping removes the item's buttons, and focus stays on the item.
    <li class="item" data-state={state} tabIndex={-1}>
      <span class="tick" aria-hidden="true">
        {item.done && '✓'}
      </span>
      <div>
        <p class="item-title" id={domId}>
          <bdi>{item.title}</bdi>
          <span class="sr-only">, {t(state === 'todo' ? 'notDone' : state)}</span>
          {item.optional && <span class="tag">{t('optional')}</span>}
        </p>
        {open && item.description && <p class="item-desc">{item.description}</p>}
        {open && (
          <div class="actions">
            {href && (
              <a
                class="btn btn-primary"
                href={href}
                aria-describedby={domId}
                {...(action?.type === 'url' && action.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
              >
                {t('start')}
              </a>
            )}
            {action?.type === 'event' && (
              <button type="button" class="btn btn-primary" aria-describedby={domId} onClick={() => onRun(item.id)}>
                {t('start')}
              </button>
            )}
            {item.optional && (
              <button type="button" class="btn" aria-describedby={domId} onClick={() => onSkip(item.id)}>
                {t('skip')}
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
