import { Link } from 'react-router';
import { useMe } from '../../features/auth/api/get-me';
import { MuteSettings } from '../../features/feed/components/mute-settings';
import { BlockedUsers } from '../../features/follows/components/blocked-users';
import { FollowRequests } from '../../features/follows/components/follow-requests';
import { NotificationPreferencesForm } from '../../features/notifications/components/notification-preferences-form';
import { useProfile } from '../../features/profiles/api/get-profile';
import { PrivacyForm } from '../../features/profiles/components/privacy-form';

/** The social part of settings: profile link, privacy, follow requests, feed filters, notifications, blocked people. */
export function SocialSettings() {
  const me = useMe();
  const profile = useProfile(me?.handle ?? '');
  if (!me) return null;
  return (
    <>
      <section className="card" aria-labelledby="profile-settings-title">
        <div className="card-header">
          <h2 id="profile-settings-title" className="card-title">
            Profile
          </h2>
          <Link to={`/users/${encodeURIComponent(me.handle)}`} className="card-link">
            View My Muse
          </Link>
        </div>
        <p className="muted">Your name, bio and avatar, as others see them.</p>
        <Link className="btn btn-secondary" to="/settings/profile">
          Edit profile
        </Link>
      </section>

      <section className="card" aria-labelledby="privacy-title">
        <h2 id="privacy-title" className="card-title">
          Privacy
        </h2>
        {profile.isPending ? (
          <p className="muted">Loading…</p>
        ) : profile.isError ? (
          <p className="muted">Could not load your privacy settings.</p>
        ) : (
          <PrivacyForm profile={profile.data} />
        )}
      </section>

      <section className="card" aria-labelledby="requests-title">
        <h2 id="requests-title" className="card-title">
          Follow requests
        </h2>
        <FollowRequests />
      </section>

      <section className="card" aria-labelledby="feed-filters-title">
        <h2 id="feed-filters-title" className="card-title">
          Feed filters
        </h2>
        <p className="muted">Mute a person, an artist or a kind of activity. Muted things leave your feed; nobody is told.</p>
        <MuteSettings />
      </section>

      <section className="card" aria-labelledby="notification-settings-title">
        <h2 id="notification-settings-title" className="card-title">
          Notify me when
        </h2>
        <NotificationPreferencesForm />
      </section>

      <section className="card" aria-labelledby="blocked-title">
        <h2 id="blocked-title" className="card-title">
          Blocked people
        </h2>
        <BlockedUsers />
      </section>
    </>
  );
}
