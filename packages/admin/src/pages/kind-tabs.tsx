import { href, navigate, route } from '../router.js';

const KINDS = [
  ['prompts', 'Checklists'],
  ['prompts/surveys', 'Surveys'],
  ['prompts/announcements', 'Announcements'],
  ['prompts/rewards', 'Rewards'],
] as const;

/** The prompt kinds, and the rewards program beside them. */
export function KindTabs() {
  return (
    <nav aria-label="Prompt types" class="tabs">
      {KINDS.map(([to, label]) => (
        <a
          key={to}
          href={href(to)}
          aria-current={route.value === to ? 'page' : undefined}
          onClick={(e) => (e.preventDefault(), navigate(to))}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
