import type { AnnouncementsState, ChecklistState, SurveyState } from '@hearth/schema';
import type { Theme, Traits } from '../../../widget/src/runtime/index.js';

/**
 * Renders a draft with the widget's real chunk faces (their sources, bundled into the console), so
 * the preview is what users get, not a look-alike. Events and answers go nowhere: the preview
 * never reaches the collector's public endpoints.
 */
export type PreviewTarget =
  | { kind: 'survey'; state: SurveyState }
  | { kind: 'checklist'; state: ChecklistState }
  | { kind: 'announcements'; state: AnnouncementsState };

export type { Theme };

const ignore = () => undefined;

/**
 * A survey is always a floating card on `<body>`, in the corner dock its widget joins (or, as a
 * modal, a host of its own); that element is moved into the preview box, whose `transform` makes
 * the card's `position: fixed` relative to the box instead of the console page.
 */
function adoptFloatingHost(container: HTMLElement, before: ReadonlySet<Element>): void {
  const floating = ['hearth-root', 'hearth-dock'];
  const host = [...container.ownerDocument.body.children].find((child) => floating.includes(child.localName) && !before.has(child));
  if (host) container.append(host);
}

/** Mounts the preview into `container`, `{{user.*}}` filled from `traits`; resolves to its unmount. */
export async function mountPreview(
  container: HTMLElement,
  target: PreviewTarget,
  locale: string,
  theme: Theme,
  traits: Traits = {},
): Promise<() => void> {
  const doc = container.ownerDocument;
  switch (target.kind) {
    case 'survey': {
      const { mountSurvey } = await import('../../../widget/src/widgets/survey/index.js');
      const before = new Set(doc.body.children);
      const handle = await mountSurvey({ survey: target.state, document: doc, locale, theme, traits, track: ignore, onResponse: ignore });
      adoptFloatingHost(container, before);
      return () => handle.unmount();
    }
    case 'checklist': {
      const { mountChecklist } = await import('../../../widget/src/widgets/checklist/index.js');
      const handle = await mountChecklist({ checklist: target.state, container, document: doc, locale, theme, traits, track: ignore });
      return () => handle.unmount();
    }
    case 'announcements': {
      const { mountAnnouncements } = await import('../../../widget/src/widgets/announcements/index.js');
      const handle = await mountAnnouncements({ state: target.state, container, document: doc, locale, theme, traits, track: ignore });
      return () => handle.unmount();
    }
  }
}
