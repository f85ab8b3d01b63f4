import type { AnnouncementItem } from '@hearth/schema';
import { signal, type Signal } from '@preact/signals';
import { Component } from 'preact';
import { safeUrl } from '../../runtime/index.js';
import { useEffect, useRef } from 'preact/hooks';
import { ContentTreeView } from './content-tree.js';
import { contentUrl, IMAGE_SCHEMES, isExternal } from './content-url.js';
import { isBuiltInCategory, type AnnouncementsI18n } from './i18n/index.js';
import type { AnnouncementsModel, Reaction } from './model.js';
import type { ReadTracker } from './visibility.js';

interface ItemProps {
  item: AnnouncementItem;
  model: AnnouncementsModel;
  pageUrl: string;
  /** The feed's one observer for read-when-visible. */
  reads: ReadTracker;
}

/** Category label: the admin's, else the built-in one, else the slug. */
export function categoryLabel(
  item: Pick<AnnouncementItem, 'category' | 'categoryLabel'>,
  i18n: AnnouncementsI18n,
  fill: (t: string) => string,
): string {
  if (item.categoryLabel) return fill(item.categoryLabel);
  return isBuiltInCategory(item.category) ? i18n.t(item.category) : item.category;
}

/**
 * A feed item that skips re-renders driven by the list around it while its props are the same
 * objects: with 1,000 items, each page loaded or chunk rendered would otherwise re-render them
 * all. Explicit rather than left to a signals integration's `shouldComponentUpdate`. The item's
 * own signals (read, focused, reaction) still re-render it, and only it.
 */
export class FeedItem extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    return (Object.keys(next) as (keyof ItemProps)[]).some((key) => next[key] !== this.props[key]);
  }

  override render(props: ItemProps) {
    return <Item {...props} />;
  }
}

function Item({ item, model, pageUrl, reads }: ItemProps) {
  const ref = useRef<HTMLElement>(null);
  const i18n = model.i18n.value;
  const { fill, actions } = model;
  const read = model.isRead(item);
  const focused = model.isFocused(item.id);
  const origin = new URL(pageUrl).origin;

  useEffect(() => (ref.current && !read ? reads.watch(ref.current, () => actions.markRead(item.id)) : undefined), [item.id, read]);
  useEffect(() => {
    if (!focused || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'nearest' });
    ref.current.focus();
  }, [focused]);

  const href = item.cta?.type === 'url' ? safeUrl(fill(item.cta.url), pageUrl) : undefined;
  const hero = item.image && contentUrl(item.image.url, IMAGE_SCHEMES);
  const titleId = `hearth-news-${item.id}`;
  return (
    <article class="item" ref={ref} tabIndex={-1} aria-labelledby={titleId} data-read={read ? '' : undefined}>
      <p class="meta">
        <bdi class="cat" data-cat={item.category}>
          {categoryLabel(item, i18n, fill)}
        </bdi>
        <time dateTime={item.publishedAt}>{i18n.formatDate(Date.parse(item.publishedAt), { dateStyle: 'medium' })}</time>
        {!read && (
          <span class="dot">
            <span class="sr-only">{i18n.t('isUnread')}</span>
          </span>
        )}
      </p>
      <h3 id={titleId}>{fill(item.title)}</h3>
      {hero && <img class="hero" src={hero} alt={fill(item.image?.alt ?? '')} loading="lazy" />}
      <ContentTreeView tree={item.body} fill={fill} pageOrigin={origin} />
      {item.cta?.type === 'url' && href && (
        <a
          class="btn btn-primary"
          href={href}
          onClick={() => actions.cta(item)}
          {...(isExternal(href, origin) ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
        >
          {fill(item.cta.label)}
        </a>
      )}
      {item.cta?.type === 'event' && (
        <button type="button" class="btn btn-primary" onClick={() => actions.cta(item)}>
          {fill(item.cta.label)}
        </button>
      )}
      <Reactions item={item} model={model} />
    </article>
  );
}

/**
 * Thumbs up as an inline SVG (emoji draw as empty boxes on systems without an emoji font); the
 * "not helpful" button shows it turned over (styles.ts).
 */
const Thumb = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
    <path d="M7 10v11H3V10zm0 0l4-8c2 0 3 1 3 3v4h6l-2 12H7" />
  </svg>
);

function Reactions({ item, model }: { item: AnnouncementItem; model: AnnouncementsModel }) {
  const { t } = model.i18n.value;
  const current = model.reactionOf(item);
  // Signals kept in a ref, not `useState`: its reducer machinery would grow the shared runtime chunk.
  const local = useRef<{ asking: Signal<Reaction | null>; sent: Signal<boolean>; text: Signal<string> }>();
  const { asking, sent, text } = (local.current ??= { asking: signal(null), sent: signal(false), text: signal('') });
  const choose = (reaction: Reaction) => {
    model.actions.react(item.id, reaction);
    asking.value = reaction;
  };
  const send = (event: Event) => {
    event.preventDefault();
    if (asking.value && text.value.trim()) model.actions.react(item.id, asking.value, text.value);
    asking.value = null;
    sent.value = true;
  };
  return (
    <div class="reactions">
      {(['up', 'down'] as const).map((reaction) => (
        <button
          key={reaction}
          type="button"
          class="icon-btn"
          aria-label={t(reaction === 'up' ? 'helpful' : 'notHelpful')}
          aria-pressed={current === reaction}
          onClick={() => choose(reaction)}
        >
          <Thumb />
        </button>
      ))}
      {asking.value && !sent.value && (
        <form class="feedback" onSubmit={send}>
          <input
            type="text"
            maxLength={280}
            aria-label={t('feedback')}
            placeholder={t('feedback')}
            value={text.value}
            onInput={(e) => (text.value = (e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="btn">
            {t('send')}
          </button>
        </form>
      )}
      {sent.value && <span role="status">{t('thanks')}</span>}
    </div>
  );
}
