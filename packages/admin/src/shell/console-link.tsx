import type { JSX } from 'preact';
import { href, navigate } from '../router.js';

type Props = Omit<JSX.AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & {
  /** A console route, e.g. `users/ada`. */
  to: string;
  /** Runs after an in-console navigation (the sidebar closes its tablet menu). */
  onNavigate?: () => void;
};

/**
 * A link to a console page: a plain click changes the page without reloading the console; a
 * click the browser means for a new tab or window (ctrl, cmd, shift, alt, a middle or other
 * button) is left to the browser, which opens the link's real address.
 */
export function ConsoleLink({ to, onNavigate, children, ...attributes }: Props) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    onNavigate?.();
  };
  return (
    <a {...attributes} href={href(to)} onClick={onClick}>
      {children}
    </a>
  );
}
