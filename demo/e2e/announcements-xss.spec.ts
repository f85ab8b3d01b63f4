import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { unstorableTextReason } from '@hearth/schema';
import { expect, newsWidget, publish, test, tokenFor } from './announcement-fixtures.js';

interface XssCase {
  name: string;
  markdown: string;
}

// The corpus lives with the collector's sanitizer; loaded by path because it sits outside the demo's TypeScript project.
const corpusUrl = pathToFileURL(resolve(import.meta.dirname, '../../packages/collector/src/content/xss-corpus.ts')).href;
const { XSS_CORPUS, XSS_URLS, XSS_TRAITS } = (await import(corpusUrl)) as {
  XSS_CORPUS: readonly XssCase[];
  XSS_URLS: readonly string[];
  XSS_TRAITS: Record<string, string>;
};

/**
 * Each payload raw, plus each dangerous URL as a link, an image and a trait-filled link; text the
 * collector refuses at the door (a NUL inside `java\0script:`) never reaches a page.
 */
const PAYLOADS = [...XSS_CORPUS.map((c) => c.markdown), ...XSS_URLS.flatMap((url) => [`[link](${url})`, `![img](${url})`])].filter(
  (payload) => !unstorableTextReason(payload),
);
const MAX_BODY = 12_000;

/** Payloads packed into as few announcement bodies as the body limit allows. */
function bodies(): string[] {
  const out: string[] = [];
  let current = '';
  for (const payload of PAYLOADS) {
    const next = `${current}\n\n${payload}\n\n[site]({{user.website}}) {{user.bio}}`;
    if (next.length > MAX_BODY && current) {
      out.push(current);
      current = payload;
    } else current = next;
  }
  return [...out, current];
}

test('the XSS corpus saved as announcements renders in Chromium without running anything', async ({ page, stack }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(200);
  const texts = bodies();
  for (const [i, body] of texts.entries()) {
    const title = `${PAYLOADS[i % PAYLOADS.length] ?? ''} {{user.name}}`.slice(0, 200);
    await publish(stack, { id: `xss-${i}`, category: 'new', content: { title, body, categoryLabel: '<img src=x onerror=alert(1)>' } });
  }

  // Canaries: any payload that runs trips one of them.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__xss = false;
    for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = () => void (w.__xss = true);
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto('/');
  // A hostile user: their traits fill the `{{user.*}}` placeholders.
  const userToken = tokenFor('usr_hostile');
  await page.evaluate(
    ({ traits, userToken }) =>
      (window as unknown as { Hearth: (...args: unknown[]) => void }).Hearth('identify', 'usr_hostile', traits, { userToken }),
    { traits: XSS_TRAITS, userToken },
  );
  const news = newsWidget(page);
  await news.bell.click();
  const articles = news.panel.getByRole('article');
  while ((await articles.count()) < texts.length) await news.panel.getByRole('button', { name: 'Show more' }).click();
  await expect(articles).toHaveCount(texts.length);
  await expect(news.panel).toContainText('<script>alert(1)</script>');
  const findings = await page.evaluate(() => {
    const bad: string[] = [];
    const roots = [...document.querySelectorAll('hearth-root')].map((host) => host.shadowRoot).filter((root): root is ShadowRoot => !!root);
    for (const root of roots) {
      for (const element of root.querySelectorAll('*')) {
        const tag = element.tagName.toLowerCase();
        if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link', 'math', 'template', 'style'].includes(tag))
          bad.push(`<${tag}>`);
        if (tag === 'svg' || tag === 'path') {
          // Only the widget's own icons: the bell's and the reaction buttons'.
          if (!element.closest('button.launcher, .reactions > button')) bad.push(`<${tag}> outside the widget's icons`);
        }
        for (const attribute of element.attributes) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on')) bad.push(`${tag}[${name}]`);
          if (
            ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'background'].includes(name) &&
            !/^(https?:|mailto:)/i.test(attribute.value)
          ) {
            bad.push(`${tag}[${name}=${attribute.value}]`);
          }
        }
      }
    }
    return { bad, roots: roots.length, canary: (window as unknown as { __xss: boolean }).__xss, scripts: document.scripts.length };
  });
  expect(findings.roots).toBeGreaterThan(0);
  expect(findings.bad).toEqual([]);
  expect(findings.canary).toBe(false);
  expect(dialogs).toEqual([]);
});
