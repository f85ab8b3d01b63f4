import { escapeHtml } from '../../content/render-html.js';

/** The small pages a person lands on from an email: plain HTML, no script, every text escaped. */
export function emailPage(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#18181b;line-height:1.5}` +
    `button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #4f46e5;background:#4f46e5;color:#fff;cursor:pointer}` +
    `textarea{width:100%;min-height:6rem;font:inherit}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

export const LINK_REFUSED = {
  forged: 'This link is not valid. It may have been changed or cut short.',
  expired: 'This link has expired.',
  unknown: 'This link no longer points to anything.',
  answered: 'You already answered this survey with another score. Thank you!',
} as const;

/** The unsubscribe confirmation (a GET must not unsubscribe: mail scanners follow links). */
export const unsubscribeForm = (token: string, category: string) =>
  emailPage(
    'Unsubscribe',
    `<p>Stop emails about <strong>${escapeHtml(category)}</strong>? Other emails are not affected.</p>` +
      `<form method="post" action="?t=${escapeHtml(encodeURIComponent(token))}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">Unsubscribe</button></form>`,
  );

export const unsubscribed = (category: string) =>
  emailPage('You are unsubscribed', `<p>You will get no more emails about <strong>${escapeHtml(category)}</strong>.</p>`);

/** After a score link: thanks, and the survey's follow-up question. */
export const npsLanding = (token: string, score: number, question: string) =>
  emailPage(
    'Thank you!',
    `<p data-score="${score}">Your score: <strong>${score}</strong></p>` +
      `<form method="post" action="?t=${escapeHtml(encodeURIComponent(token))}"><label for="comment">${escapeHtml(question)}</label>` +
      `<textarea id="comment" name="comment" maxlength="2000"></textarea><p><button type="submit">Send</button></p></form>`,
  );

export const npsThanks = () => emailPage('Thank you!', '<p>Your answer was recorded.</p>');
