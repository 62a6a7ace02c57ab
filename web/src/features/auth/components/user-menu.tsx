import type { Me } from '@muse/shared';
import { Link } from 'react-router';
import { useDisclosure } from '../../../lib/use-disclosure';

/** Avatar button opening the account menu: who is signed in, My Muse, Listen later, profile and settings, moderation for admins, Log out. */
export function UserMenu({ user, onLogout, loggingOut }: { user: Me; onLogout: () => void; loggingOut: boolean }) {
  const { open, close, buttonProps, rootProps, panelProps } = useDisclosure();
  const initial = (user.displayName.trim()[0] ?? user.handle[0] ?? '?').toUpperCase();

  return (
    <div className="popover-root" {...rootProps}>
      <button type="button" className="avatar-button" aria-label={`Account menu for ${user.displayName}`} {...buttonProps}>
        <span className="avatar" aria-hidden="true">
          {initial}
        </span>
      </button>
      {open && (
        <div className="popover popover-menu" aria-label="Account" role="group" {...panelProps}>
          <div className="popover-header popover-identity">
            <strong>{user.displayName}</strong>
            <span className="muted">@{user.handle}</span>
          </div>
          <ul className="menu-list">
            <li>
              <Link className="menu-item" to={`/users/${encodeURIComponent(user.handle)}`} onClick={() => close()}>
                My Muse
              </Link>
            </li>
            <li>
              <Link className="menu-item" to="/listen-later" onClick={() => close()}>
                Listen later
              </Link>
            </li>
            <li>
              <Link className="menu-item" to="/parties" onClick={() => close()}>
                Listening parties
              </Link>
            </li>
            <li>
              <Link className="menu-item" to="/conversions" onClick={() => close()}>
                Conversions
              </Link>
            </li>
            <li>
              <Link className="menu-item" to="/settings/profile" onClick={() => close()}>
                Edit profile
              </Link>
            </li>
            <li>
              <Link className="menu-item" to="/settings" onClick={() => close()}>
                Settings
              </Link>
            </li>
            {user.role === 'admin' && (
              <>
                <li>
                  <Link className="menu-item" to="/admin/reports" onClick={() => close()}>
                    Moderation queue
                  </Link>
                </li>
                <li>
                  <Link className="menu-item" to="/admin/jobs" onClick={() => close()}>
                    Failed jobs
                  </Link>
                </li>
              </>
            )}
            <li>
              <button type="button" className="menu-item" onClick={onLogout} disabled={loggingOut}>
                {loggingOut ? 'Logging out…' : 'Log out'}
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
