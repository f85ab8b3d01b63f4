import { route } from '../router.js';
import { ConsoleLink } from './console-link.js';
import { pageHeading } from './page-heading.js';
import { resolve } from './routes.js';
import { SECTIONS } from './sections.js';

/** Section › page: on a section's own page just the section; below it (an editor, a user) a link back up. */
export function Breadcrumbs() {
  const path = route.value;
  const section = SECTIONS[resolve(path).route.section];
  const atSectionPage = path === section.path || (path === '' && section.path === 'prompts');
  return (
    <nav aria-label="Breadcrumbs" class="breadcrumbs">
      <ol>
        <li>
          {atSectionPage ? <span aria-current="page">{section.label}</span> : <ConsoleLink to={section.path}>{section.label}</ConsoleLink>}
        </li>
        {!atSectionPage && pageHeading.value && (
          <li>
            <span aria-current="page">{pageHeading.value}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
