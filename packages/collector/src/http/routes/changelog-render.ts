import type { AnnouncementRecord, ProjectConfig } from '@hearth/schema';
import { blocks, escapeHtml } from '../../content/render-html.js';
import { fillWithFallbacks } from '../../content/placeholders.js';

const LABELS: Record<string, string> = { new: 'New', improved: 'Improved', fixed: 'Fixed' };

/** The default locale's texts: the changelog is one page for everyone. */
const textsOf = (r: AnnouncementRecord) => {
  const texts = r.texts[r.announcement.defaultLocale];
  if (!texts) throw new Error(`announcement ${r.announcement.id} has no texts for its default locale`);
  return texts;
};
const title = (r: AnnouncementRecord) => escapeHtml(fillWithFallbacks(textsOf(r).title));
const label = (r: AnnouncementRecord) => escapeHtml(textsOf(r).categoryLabel ?? LABELS[r.announcement.category] ?? r.announcement.category);

function entryHtml(r: AnnouncementRecord): string {
  const { id, publishAt = '' } = r.announcement;
  const texts = textsOf(r);
  const image = texts.image ? `<img src="${escapeHtml(texts.image.url)}" alt="${escapeHtml(texts.image.alt)}" loading="lazy">` : '';
  const cta = texts.cta?.type === 'url' && /^https?:\/\//i.test(texts.cta.url)
    ? `<p><a href="${escapeHtml(texts.cta.url)}" rel="noopener noreferrer nofollow">${escapeHtml(texts.cta.label)}</a></p>`
    : '';
  return `<article id="${escapeHtml(id)}"><p class="meta"><span class="cat">${label(r)}</span> <time datetime="${escapeHtml(publishAt)}">${escapeHtml(publishAt.slice(0, 10))}</time></p>`
    + `<h2>${title(r)}</h2>${image}${blocks(texts.body)}${cta}</article>`;
}

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111827}'
  + 'article{border-top:1px solid #e5e7eb;padding:1rem 0}.meta{color:#6b7280;font-size:14px;margin:0}.cat{font-weight:600}'
  + 'img{max-width:100%;height:auto}pre{overflow:auto;background:#f3f4f6;padding:.5rem}';

/** The public changelog page: our markup, escaped texts, the allowlisted body trees, no script. */
export function changelogPage(project: ProjectConfig, entries: readonly AnnouncementRecord[], feedUrl: string): string {
  const name = escapeHtml(project.name);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${name} — What's new</title><link rel="alternate" type="application/atom+xml" title="${name}" href="${escapeHtml(feedUrl)}">`
    + `<style>${STYLE}</style></head><body><main><h1>${name} — What's new</h1>`
    + (entries.length ? entries.map(entryHtml).join('') : '<p>Nothing announced yet.</p>')
    + `<p><a href="${escapeHtml(feedUrl)}">Atom feed</a></p></main></body></html>`;
}

/** Atom 1.0 (RFC 4287): each entry's content is the same escaped HTML as the page, as `type="html"`. */
export function atomFeed(project: ProjectConfig, entries: readonly AnnouncementRecord[], selfUrl: string, pageUrl: string, now: Date): string {
  const updated = entries.map((r) => r.updatedAt).sort().at(-1) ?? now.toISOString();
  const entry = (r: AnnouncementRecord) => {
    const link = `${pageUrl}#${r.announcement.id}`;
    return `<entry><id>${escapeHtml(link)}</id><title type="text">${title(r)}</title><link href="${escapeHtml(link)}"/>`
      + `<published>${escapeHtml(r.announcement.publishAt ?? r.createdAt)}</published><updated>${escapeHtml(r.updatedAt)}</updated>`
      + `<category term="${escapeHtml(r.announcement.category)}" label="${label(r)}"/>`
      + `<content type="html">${escapeHtml(blocks(textsOf(r).body))}</content></entry>`;
  };
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">`
    + `<id>${escapeHtml(pageUrl)}</id><title>${escapeHtml(project.name)} — What's new</title><updated>${escapeHtml(updated)}</updated>`
    + `<link rel="self" href="${escapeHtml(selfUrl)}"/><link rel="alternate" type="text/html" href="${escapeHtml(pageUrl)}"/>`
    + `${entries.map(entry).join('')}</feed>`;
}
