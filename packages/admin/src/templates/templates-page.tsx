import { ConsoleLink } from '../shell/console-link.js';
import { TEMPLATES } from './catalog.js';

const KIND_LABEL = { checklist: 'Checklist', survey: 'Survey', announcement: 'Announcement', rewards: 'Rewards program' } as const;

/** The templates gallery: each card opens its editor on the template, unsaved. */
export function TemplatesPage() {
  return (
    <>
      <div class="page-head">
        <h1>Templates</h1>
      </div>
      <p class="hint">Start from a proven setup. Each opens in its editor as an unsaved draft you can change before saving.</p>
      <ul class="card-grid">
        {TEMPLATES.map((template) => {
          const to = `templates/${template.id}`;
          return (
            <li key={template.id}>
              <article class="card" aria-labelledby={`template-${template.id}`}>
                <span class="kind-badge">{KIND_LABEL[template.kind]}</span>
                <h2 id={`template-${template.id}`}>{template.title}</h2>
                <p>{template.summary}</p>
                <ConsoleLink class="button secondary" to={to} aria-label={`Use this template: ${template.title}`}>
                  Use this template
                </ConsoleLink>
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
