import { announcementTextsSchema, type Announcement, type AnnouncementTexts } from '@hearth/schema';
import { markdownToTree } from './markdown-to-tree.js';

export interface CompileWarning {
  /** The field the warning is about, e.g. `translations.ar.body`. */
  path: string;
  message: string;
}

export interface CompiledTexts {
  /** Every locale's full texts (translations filled from the default locale), keyed by locale tag. */
  texts: Record<string, AnnouncementTexts>;
  warnings: CompileWarning[];
}

function bodyTree(markdown: string, path: string, warnings: CompileWarning[]): AnnouncementTexts['body'] {
  const parsed = markdownToTree(markdown);
  for (const w of parsed.warnings) warnings.push({ path, message: w.line ? `line ${w.line}: ${w.message}` : w.message });
  return parsed.tree;
}

/**
 * Turns an announcement as written (Markdown, per-locale overrides) into what is stored and served:
 * per locale, the title and labels as text and the body as an allowlisted tree. The result is
 * validated against the wire schema once more, so a converter bug fails the save instead of
 * reaching a browser.
 */
export function compileAnnouncement(announcement: Announcement): CompiledTexts {
  const warnings: CompileWarning[] = [];
  const { content, defaultLocale } = announcement;
  const base: AnnouncementTexts = {
    title: content.title,
    body: bodyTree(content.body, 'content.body', warnings),
    ...(content.categoryLabel ? { categoryLabel: content.categoryLabel } : {}),
    ...(content.image ? { image: content.image } : {}),
    ...(content.cta ? { cta: content.cta } : {}),
  };
  const texts: Record<string, AnnouncementTexts> = { [defaultLocale]: base };
  for (const [locale, t] of Object.entries(announcement.translations)) {
    if (locale.toLowerCase() === defaultLocale.toLowerCase()) continue;
    texts[locale] = {
      ...base,
      ...(t.title ? { title: t.title } : {}),
      ...(t.body !== undefined ? { body: bodyTree(t.body, `translations.${locale}.body`, warnings) } : {}),
      ...(t.categoryLabel ? { categoryLabel: t.categoryLabel } : {}),
      ...(base.image && t.imageAlt !== undefined ? { image: { ...base.image, alt: t.imageAlt } } : {}),
      ...(base.cta && t.ctaLabel ? { cta: { ...base.cta, label: t.ctaLabel } } : {}),
    };
  }
  for (const [locale, value] of Object.entries(texts)) texts[locale] = announcementTextsSchema.parse(value);
  return { texts, warnings };
}
