import { PROBE_BASE, resolveLink, type AnnouncementRecord, type ProjectConfig } from '@hearth/schema';
import { blocks, escapeHtml } from '../../content/render-html.js';
import { escapeXml } from '../../content/escape-xml.js';
import { fillWithFallbacks } from '../../content/placeholders.js';

const LABELS: Record<string, string> = { new: 'New', improved: 'Improved', fixed: 'Fixed' };

/** The default locale's texts: the changelog is one page for everyone. */
const textsOf = (r: AnnouncementRecord) => {
  const texts = r.texts[r.announcement.defaultLocale];
  if (!texts) throw new Error(`announcement ${r.announcement.id} has no texts for its default locale`);
  return texts;
};
const title = (r: AnnouncementRecord) => fillWithFallbacks(textsOf(r).title);
const label = (r: AnnouncementRecord) => textsOf(r).categoryLabel ?? LABELS[r.announcement.category] ?? r.announcement.category;

/**
 * The CTA's href on this page: only absolute links, checked after filling like the widget does.
 * A path (`/settings`) names a page of the host app, which the public changelog is not part of.
 */
function ctaHref(url: string): string | undefined {
  const filled = fillWithFallbacks(url);
  return /^https?:\/\//i.test(filled) ? resolveLink(filled, PROBE_BASE) : undefined;
}

function entryHtml(r: AnnouncementRecord): string {
  const { id, publishAt = '' } = r.announcement;
  const texts = textsOf(r);
  const image = texts.image ? `<img src="${escapeHtml(texts.image.url)}" alt="${escapeHtml(texts.image.alt)}" loading="lazy">` : '';
  const href = texts.cta?.type === 'url' ? ctaHref(texts.cta.url) : undefined;
  const cta =
    texts.cta && href ? `<p><a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(texts.cta.label)}</a></p>` : '';
  return (
    `<article id="${escapeHtml(id)}"><p class="meta"><span class="cat">${escapeHtml(label(r))}</span> <time datetime="${escapeHtml(publishAt)}">${escapeHtml(publishAt.slice(0, 10))}</time></p>` +
    `<h2>${escapeHtml(title(r))}</h2>${image}${blocks(texts.body)}${cta}</article>`
  );
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111827}' +
  'article{border-top:1px solid #e5e7eb;padding:1rem 0}.meta{color:#6b7280;font-size:14px;margin:0}.cat{font-weight:600}' +
  'img{max-width:100%;height:auto}pre{overflow:auto;background:#f3f4f6;padding:.5rem}';

/** The public changelog page: our markup, escaped texts, the allowlisted body trees, no script. */
export function changelogPage(project: ProjectConfig, entries: readonly AnnouncementRecord[], links: ChangelogLinks): string {
  const { feedUrl } = links;
  const name = escapeHtml(project.name);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${name} — What's new</title><link rel="alternate" type="application/atom+xml" title="${name}" href="${escapeHtml(feedUrl)}">` +
    `<style>${STYLE}</style></head><body><main><h1>${name} — What's new</h1>` +
    (entries.length ? entries.map(entryHtml).join('') : '<p>Nothing announced yet.</p>') +
    `<p><a href="${escapeHtml(feedUrl)}">Atom feed</a></p></main></body></html>`
  );
}

/**
 * Atom 1.0 (RFC 4287): each entry's content is the same escaped HTML as the page, as `type="html"`.
 * Written with the XML escaper (never the HTML one), so a control character in a title cannot make
 * the feed unparsable.
 */
export function atomFeed(project: ProjectConfig, entries: readonly AnnouncementRecord[], links: ChangelogLinks, now: Date): string {
  const { feedUrl, pageUrl, id } = links;
  const updated =
    entries
      .map((r) => r.updatedAt)
      .sort()
      .at(-1) ?? now.toISOString();
  const entry = (r: AnnouncementRecord) => {
    const link = `${pageUrl}#${r.announcement.id}`;
    return (
      `<entry><id>${escapeXml(`${id}#${r.announcement.id}`)}</id><title type="text">${escapeXml(title(r))}</title><link href="${escapeXml(link)}"/>` +
      `<published>${escapeXml(r.announcement.publishAt ?? r.createdAt)}</published><updated>${escapeXml(r.updatedAt)}</updated>` +
      `<category term="${escapeXml(r.announcement.category)}" label="${escapeXml(label(r))}"/>` +
      `<content type="html">${escapeXml(blocks(textsOf(r).body))}</content></entry>`
    );
  };
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">` +
    `<id>${escapeXml(id)}</id><title>${escapeXml(project.name)} — What's new</title><updated>${escapeXml(updated)}</updated>` +
    `<link rel="self" href="${escapeXml(feedUrl)}"/><link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>` +
    `${entries.map(entry).join('')}</feed>`
  );
}

/** Where a project's changelog lives: from the configured public URL, never from a request. */
export interface ChangelogLinks {
  pageUrl: string;
  feedUrl: string;
  /** The feed's Atom id: the page URL when it is absolute, else a URN that names the project. */
  id: string;
}

/**
 * Absolute under `publicUrl`; without it, root-relative paths (readers resolve them against the
 * feed's own URL) and a `urn:` id, so no Host header ever reaches a cacheable answer.
 */
export function changelogLinks(projectId: string, publicUrl: string | undefined): ChangelogLinks {
  const path = `changelog/${encodeURIComponent(projectId)}`;
  if (!publicUrl) return { pageUrl: `/${path}`, feedUrl: `/${path}/feed.xml`, id: `urn:hearth:changelog:${encodeURIComponent(projectId)}` };
  const pageUrl = new URL(path, publicUrl).href;
  return { pageUrl, feedUrl: `${pageUrl}/feed.xml`, id: pageUrl };
}
