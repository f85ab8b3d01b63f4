import { href, navigate, route } from '../router.js';
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
            <a
              href={href(section.path)}
              aria-current={section.path === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(section.path);
                onNavigate();
              }}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
