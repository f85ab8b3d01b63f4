import type { ContentTree } from '@hearth/schema';
import { escapeHtml, renderTree } from './render-html.js';
import { treeToText } from './render-text.js';

/** One announcement in a digest: its title, category and the feed's content tree. */
export interface EmailSection {
  title: string;
  label: string;
  body: ContentTree;
  /** ISO date of publication. */
  publishedAt: string;
}

/** Everything one email shows, before personalisation; texts may hold `{{user.x}}` placeholders. */
export interface EmailDocument {
  subject: string;
  intro: ContentTree;
  sections: readonly EmailSection[];
  cta?: { label: string; url: string };
  /** NPS: the question and eleven score links, 0 to 10. */
  nps?: { question: string; lowLabel: string; highLabel: string; links: readonly string[] };
  productName: string;
  /** Why the user gets this (the category), shown next to the unsubscribe link. */
  reason: string;
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Inline styles: most email clients drop `<style>` sheets and every external stylesheet, so each
 * element carries its own, and the layout is one centred column that needs no media queries.
 */
const STYLE = {
  body: 'margin:0;padding:0;background:#f4f4f5;',
  wrap: 'max-width:560px;margin:0 auto;padding:24px 16px;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b;font-size:15px;line-height:1.5;',
  card: 'background:#ffffff;border-radius:8px;padding:24px;',
  section: 'border-top:1px solid #e4e4e7;padding-top:16px;margin-top:16px;',
  label: 'display:inline-block;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#52525b;margin:0 0 4px;',
  sectionTitle: 'font-size:18px;margin:0 0 8px;',
  button: 'display:inline-block;background:#4f46e5;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600;',
  score:
    'display:inline-block;min-width:28px;margin:2px;padding:8px 0;text-align:center;border:1px solid #d4d4d8;border-radius:4px;color:#18181b;text-decoration:none;font-weight:600;',
  footer: 'font-size:12px;color:#71717a;margin-top:16px;text-align:center;',
  tree: {
    p: 'margin:0 0 12px;',
    h2: 'font-size:18px;margin:16px 0 8px;',
    h3: 'font-size:16px;margin:16px 0 8px;',
    h4: 'font-size:15px;margin:12px 0 6px;',
    a: 'color:#4f46e5;',
    ul: 'margin:0 0 12px;padding-left:20px;',
    ol: 'margin:0 0 12px;padding-left:20px;',
    li: 'margin:0 0 4px;',
    pre: 'background:#f4f4f5;padding:8px;border-radius:4px;overflow:auto;',
    code: 'font-family:Menlo,Consolas,monospace;font-size:13px;',
    img: 'max-width:100%;height:auto;',
  },
} as const;

/**
 * The HTML and plain-text parts of one email. Every text is filled by `fill` (the user's traits)
 * and then escaped; links go through `href` (the signed click redirect) after being checked again.
 */
export function renderEmail(doc: EmailDocument, fill: (text: string) => string, href: (url: string) => string): RenderedEmail {
  const esc = (text: string) => escapeHtml(fill(text));
  const tree = (t: ContentTree) => renderTree(t, { fill, style: STYLE.tree, href });
  const sections = doc.sections
    .map(
      (s) =>
        `<div style="${STYLE.section}"><p style="${STYLE.label}">${esc(s.label)} · ${escapeHtml(s.publishedAt.slice(0, 10))}</p>` +
        `<h2 style="${STYLE.sectionTitle}">${esc(s.title)}</h2>${tree(s.body)}</div>`,
    )
    .join('');
  const cta = doc.cta
    ? `<p style="margin:20px 0 0;"><a href="${escapeHtml(href(doc.cta.url))}" style="${STYLE.button}">${esc(doc.cta.label)}</a></p>`
    : '';
  const nps = doc.nps
    ? `<p style="margin:16px 0 8px;font-weight:600;">${esc(doc.nps.question)}</p><p style="margin:0;">${doc.nps.links
        .map((link, score) => `<a href="${escapeHtml(link)}" style="${STYLE.score}">${score}</a>`)
        .join('')}</p><p style="${STYLE.label}">0 = ${esc(doc.nps.lowLabel)} · 10 = ${esc(doc.nps.highLabel)}</p>`
    : '';
  const footer =
    `<p style="${STYLE.footer}">${esc(doc.reason)} · ${esc(doc.productName)}<br>` +
    `<a href="${escapeHtml(doc.unsubscribeUrl)}" style="color:#71717a;">Unsubscribe</a></p>`;
  const subject = fill(doc.subject).replace(/[\r\n]+/g, ' ');
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="${STYLE.body}"><div style="${STYLE.wrap}"><div style="${STYLE.card}">${tree(doc.intro)}${sections}${nps}${cta}</div>${footer}</div></body></html>`;

  const textParts = [
    treeToText(doc.intro, fill, href),
    ...doc.sections.map((s) => `${fill(s.label)} · ${s.publishedAt.slice(0, 10)}\n${fill(s.title)}\n\n${treeToText(s.body, fill, href)}`),
    ...(doc.nps ? [`${fill(doc.nps.question)}\n${doc.nps.links.map((link, score) => `${score}: ${link}`).join('\n')}`] : []),
    ...(doc.cta ? [`${fill(doc.cta.label)}: ${href(doc.cta.url)}`] : []),
    `--\n${fill(doc.reason)} · ${fill(doc.productName)}\nUnsubscribe: ${doc.unsubscribeUrl}`,
  ];
  return { subject, html, text: `${textParts.filter((part) => part.trim() !== '').join('\n\n')}\n` };
}
