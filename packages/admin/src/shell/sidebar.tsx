import { route } from '../router.js';
import { ConsoleLink } from './console-link.js';
import { sidebarSections } from './routes.js';
import { resolve } from './routes.js';
import { SECTIONS } from './sections.js';

/** The console's sections; the one holding the current page is marked `aria-current`. */
export function SidebarNav({ onNavigate }: { onNavigate: () => void }) {
  const current = SECTIONS[resolve(route.value).route.section].path;
  return (
    <nav aria-label="Console">
      <ul>
        {sidebarSections().map((section) => (
          <li key={section.id}>
            <ConsoleLink to={section.path} aria-current={section.path === current ? 'page' : undefined} onNavigate={onNavigate}>
              {section.label}
            </ConsoleLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
