import { Link } from 'react-router';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { useProfile } from '../../features/profiles/api/get-profile';
import { EditProfileForm } from '../../features/profiles/components/edit-profile-form';
import { ResourceError } from './resource-error';

/** `/settings/profile`: the signed-in user's display name, bio and avatar. */
export function ProfileSettingsRoute() {
  const me = useMe();
  const profile = useProfile(me?.handle ?? '');
  if (!me) return null;
  return (
    <div className="page page-narrow">
      <title>Edit profile · Muse</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to={`/users/${encodeURIComponent(me.handle)}`}>My Muse</Link>
        </p>
        <h1>Edit profile</h1>
        <p className="muted">How you appear on your page, in feeds and next to your reviews.</p>
      </header>
      <section className="card">
        {profile.isPending ? (
          <PageSpinner label="Loading your profile" />
        ) : profile.isError ? (
          <ResourceError error={profile.error} what="profile" />
        ) : (
          <EditProfileForm profile={profile.data} />
        )}
      </section>
    </div>
  );
}
