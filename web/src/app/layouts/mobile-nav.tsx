import { NavLink } from 'react-router';
import { useDisclosure } from '../../lib/use-disclosure';
import type { AppDestination } from './app-destinations';
import { LineIcon } from '../../components/ui/line-icon';

function MenuIcon() {
  return (
    <LineIcon size={20}>
      <path d="M4 7h16M4 12h16M4 17h16" />
    </LineIcon>
  );
}

/**
 * The small-screen navigation: a "Menu" button that discloses every destination as a list.
 * Escape or moving focus out closes it (Escape returns focus to the button), as does choosing a link.
 */
export function MobileNav({ destinations }: { destinations: AppDestination[] }) {
  const { open, close, buttonProps, rootProps, panelProps } = useDisclosure<HTMLElement>();

  return (
    <div className="popover-root mobile-nav" {...rootProps}>
      <button type="button" className="btn btn-secondary btn-sm mobile-nav-button" {...buttonProps}>
        <MenuIcon />
        Menu
      </button>
      {open && (
        <nav className="popover mobile-nav-panel" aria-label="Menu" {...panelProps}>
          <ul className="menu-list">
            {destinations.map((destination) => (
              <li key={destination.to}>
                <NavLink className="menu-item" to={destination.to} end={destination.end} onClick={() => close()}>
                  {destination.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
