import type { SocialUser } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../../components/ui/avatar';

/** One person in a list: avatar, name linking to their profile, handle, and actions on the right. */
export function PersonRow({ user, detail, children }: { user: SocialUser; detail?: ReactNode; children?: ReactNode }) {
  return (
    <li className="person-row">
      <Avatar displayName={user.displayName} handle={user.handle} avatarUrl={user.avatarUrl} size={44} decorative />
      <span className="person-text">
        <Link to={`/users/${encodeURIComponent(user.handle)}`} className="person-name">
          {user.displayName}
        </Link>
        <span className="muted person-handle">
          @{user.handle}
          {detail}
        </span>
      </span>
      {children && <span className="person-actions">{children}</span>}
    </li>
  );
}
