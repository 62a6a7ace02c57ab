import type { ProfileView } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../../components/ui/avatar';
import { formatNumber } from '../../../lib/format-music';

const MONTH_YEAR = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' });

interface ProfileHeaderProps {
  profile: ProfileView;
  actions?: ReactNode;
  /**
   * The account is suspended and the viewer is no administrator: only avatar, name and handle
   * show (no counts either: the lists they link to are withheld too).
   */
  withheld?: boolean;
}

/**
 * The top of a My Muse page: avatar, name, handle, bio, follower and following counts (links
 * to the lists), when they joined, and `actions` (follow, menu, or "Edit profile"). Administrators
 * see a "Suspended" badge on a suspended account.
 */
export function ProfileHeader({ profile, actions, withheld = false }: ProfileHeaderProps) {
  const { user } = profile;
  const base = `/users/${encodeURIComponent(user.handle)}`;
  const joined = Date.parse(user.createdAt);
  const relationship = profile.relationship;
  return (
    <header className="profile-header">
      <Avatar displayName={user.displayName} handle={user.handle} avatarUrl={user.avatarUrl} size={112} />
      <div className="profile-identity">
        <p className="eyebrow">{profile.isOwn ? 'My Muse' : 'Muse of'}</p>
        <h1 className="profile-name">
          {user.displayName}
          {user.isPrivate && !withheld && (
            <span className="pill profile-private" title="Only approved followers see more than the name and avatar">
              <span aria-hidden="true">🔒 </span>Private
            </span>
          )}
          {profile.suspended && !withheld && (
            <span className="pill profile-suspended" title="Moderators suspended this account; only administrators see its page">
              Suspended
            </span>
          )}
        </h1>
        <p className="muted profile-handle">
          @{user.handle}
          {relationship?.followedBy && !withheld && <span className="pill">Follows you</span>}
        </p>
        {profile.visible && user.bio && <p className="profile-bio">{user.bio}</p>}
        {!withheld && (
          <ul className="profile-counts">
            <li>
              <Link to={`${base}/followers`}>
                <strong>{formatNumber(user.followerCount)}</strong> {user.followerCount === 1 ? 'follower' : 'followers'}
              </Link>
            </li>
            <li>
              <Link to={`${base}/following`}>
                <strong>{formatNumber(user.followingCount)}</strong> following
              </Link>
            </li>
            {profile.visible && (
              <li>
                <Link to={`${base}/diary`}>Diary</Link>
              </li>
            )}
            {!Number.isNaN(joined) && <li className="muted">Joined {MONTH_YEAR.format(joined)}</li>}
          </ul>
        )}
      </div>
      {actions && <div className="profile-actions">{actions}</div>}
    </header>
  );
}
