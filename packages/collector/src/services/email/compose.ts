import {
  emailCategoryOf,
  isAllowedUrl,
  type AnnouncementRecord,
  type EmailContent,
  type EmailMessage,
  type JsonValue,
  type ProjectConfig,
  type SurveyPrompt,
} from '@hearth/schema';
import { renderEmail, type EmailDocument, type EmailSection, type RenderedEmail } from '../../content/email-document.js';
import { markdownToTree } from '../../content/markdown-to-tree.js';
import { fillPlaceholders } from '../../content/placeholders.js';
import { signEmailLink, type EmailLink } from '../../crypto/email-links.js';
import { pickLocale } from '../../domain/state/localize.js';
import { DAY_MS } from '../../domain/time.js';

/** Click and unsubscribe links outlive any reasonable inbox; NPS links expire with the message's `linkDays`. */
const LONG_LINK_MS = 365 * DAY_MS;

/** What one email needs besides the message: who, which send, what the plan decided. */
export interface ComposeInput {
  project: ProjectConfig;
  message: EmailMessage;
  sendId: string;
  /** `identify` traits and trusted traits, merged (trusted win): what placeholders read. */
  traits: Readonly<Record<string, JsonValue>>;
  /** Digest: the announcements the plan picked, in order. */
  announcements: readonly AnnouncementRecord[];
  /** NPS: the survey whose scale the links answer. */
  survey: SurveyPrompt | null;
  /** The collector's public URL (ends with `/`): every link in an email is absolute. */
  baseUrl: string;
  now: number;
}

export interface ComposedEmail extends RenderedEmail {
  unsubscribeUrl: string;
}

const CATEGORY_REASON = {
  'product-updates': 'You get product updates from us',
  onboarding: 'You get tips on getting started',
  surveys: 'You get the occasional short survey',
} as const;

/** The message's texts in the user's locale, each missing text from the default locale. */
function localized(message: EmailMessage, locale: string | null): EmailContent {
  const chosen = pickLocale(Object.keys(message.translations), locale, message.defaultLocale);
  return { ...message.content, ...(message.translations[chosen] ?? {}) };
}

/** A link target the app may point to: absolute http(s), or a path resolved on the message's `appUrl`. */
export function resolveAppUrl(url: string | undefined, appUrl: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, appUrl ?? 'invalid:').toString();
    return isAllowedUrl(resolved, ['http:', 'https:']) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

/** The email for one send, personalised and with every link signed. */
export function composeEmail(input: ComposeInput): ComposedEmail {
  const { project, message, sendId, now } = input;
  const [key] = project.secretKeys as [string, ...string[]];
  const link = (path: string, claims: EmailLink) => `${input.baseUrl}v1/email/${path}?t=${signEmailLink(claims, key)}`;
  const base = { projectId: project.id, sendId };
  const click = (url: string) => link('click', { action: 'click', ...base, url, expiresAt: now + LONG_LINK_MS });
  const unsubscribeUrl = link('unsubscribe', { action: 'unsubscribe', ...base, expiresAt: now + LONG_LINK_MS });
  const locale = typeof input.traits.locale === 'string' ? input.traits.locale : null;
  const content = localized(message, locale);
  const ctaUrl = resolveAppUrl(message.ctaUrl, message.appUrl);
  const sections: EmailSection[] = input.announcements.map((record) => {
    const a = record.announcement;
    const texts = record.texts[pickLocale(Object.keys(record.texts), locale, a.defaultLocale)] ?? record.texts[a.defaultLocale];
    return {
      title: texts?.title ?? a.content.title,
      label: texts?.categoryLabel ?? a.category,
      body: texts?.body ?? [],
      publishedAt: a.publishAt ?? record.createdAt,
    };
  });
  const npsContent = input.survey?.content.type === 'nps' ? input.survey.content : null;
  const linkDays = message.kind === 'nps' ? message.linkDays : 0;
  const doc: EmailDocument = {
    subject: content.subject,
    intro: markdownToTree(content.body).tree,
    sections,
    ...(ctaUrl && content.ctaLabel ? { cta: { label: content.ctaLabel, url: ctaUrl } } : {}),
    ...(npsContent
      ? {
          nps: {
            question: (npsContent.question ?? 'How likely are you to recommend {product} to a friend or colleague?').replaceAll(
              '{product}',
              npsContent.product,
            ),
            lowLabel: npsContent.lowLabel ?? 'Not likely',
            highLabel: npsContent.highLabel ?? 'Very likely',
            links: Array.from({ length: 11 }, (_, score) =>
              link('nps', { action: 'nps', ...base, score, expiresAt: now + linkDays * DAY_MS }),
            ),
          },
        }
      : {}),
    productName: project.name,
    reason: CATEGORY_REASON[emailCategoryOf(message)],
    unsubscribeUrl,
  };
  const rendered = renderEmail(doc, (text) => fillPlaceholders(text, input.traits), click);
  return { ...rendered, unsubscribeUrl };
}
