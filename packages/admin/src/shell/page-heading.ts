import { signal } from '@preact/signals';

/**
 * The current page's h1 text. Pages render their own heading (an editor's names its record once it
 * has loaded), so the shell reads it from the page instead of every page reporting a title: the
 * document title and the last breadcrumb follow whatever the page shows.
 */
export const pageHeading = signal('');

/** Watches `main` for its h1 and keeps `pageHeading` and `document.title` in step; returns the stop function. */
export function watchPageHeading(main: HTMLElement, appName: string): () => void {
  const update = () => {
    const text = main.querySelector('h1')?.textContent?.trim() ?? '';
    pageHeading.value = text;
    document.title = text ? `${text} · ${appName}` : appName;
  };
  const observer = new MutationObserver(update);
  observer.observe(main, { childList: true, subtree: true, characterData: true });
  update();
  return () => observer.disconnect();
}
