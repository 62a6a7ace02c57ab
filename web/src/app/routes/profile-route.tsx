import type { ProfileView } from '@muse/shared';
import { Link, useLocation, useParams } from 'react-router';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { FeedItemCard } from '../../features/feed/components/feed-item-card';
import { FollowButton } from '../../features/follows/components/follow-button';
import { ProfileMenu } from '../../features/follows/components/profile-menu';
import { ListenLaterShelf } from '../../features/listen-later/components/listen-later-shelf';
import { DiscoverPicksShelf } from '../../features/recommendations/components/discover-picks-shelf';
import { UserPlaylists } from '../../features/playlists/components/user-playlists';
import { OpinionChanges } from '../../features/opinions/components/opinion-changes';
import { useProfile } from '../../features/profiles/api/get-profile';
import { CompatibilityCard } from '../../features/profiles/components/compatibility-card';
import { FavouritesEditor } from '../../features/profiles/components/favourites-editor';
import { FavouritesShelf } from '../../features/profiles/components/favourites-shelf';
import { ProfileHeader } from '../../features/profiles/components/profile-header';
import { RecentActivity } from '../../features/profiles/components/recent-activity';
import { ProfileStats } from '../../features/profiles/components/profile-stats';
import { UserReviews } from '../../features/reviews/components/user-reviews';
import { loginPathFor } from '../../lib/redirects';
import { ResourceError } from './resource-error';

/** `/users/:handle`: My Muse, anyone's profile page. */
export function ProfileRoute() {
  const { handle = '' } = useParams();
  return <ProfilePage key={handle.toLowerCase()} handle={handle} />;
}

function ProfileActions({ profile }: { profile: ProfileView }) {
  const me = useMe();
  const location = useLocation();
  const { user, relationship } = profile;
  if (profile.isOwn) {
    return (
      <Link className="btn btn-secondary" to="/settings/profile">
        Edit profile
      </Link>
    );
  }
  if (profile.suspended) {
    // Following a suspended account is refused; blocking it stays possible.
    return me && relationship ? <ProfileMenu handle={user.handle} displayName={user.displayName} relationship={relationship} /> : null;
  }
  if (!me || !relationship) {
    return (
      <Link className="btn btn-primary" to={loginPathFor(location.pathname)}>
        Log in to follow
      </Link>
    );
  }
  return (
    <>
      <FollowButton handle={user.handle} displayName={user.displayName} relationship={relationship} />
      <ProfileMenu handle={user.handle} displayName={user.displayName} relationship={relationship} />
    </>
  );
}

function HiddenProfile({ profile }: { profile: ProfileView }) {
  const relationship = profile.relationship;
  const name = profile.user.displayName;
  let text = `${name}’s profile is private. Follow ${name} and, once they approve, you will see their ratings, reviews and diary.`;
  if (relationship?.requested) text = `You asked to follow ${name}. Once they approve, you will see their ratings, reviews and diary.`;
  if (relationship?.blocking) text = `You blocked ${name}. Unblock them from the menu to see their page again.`;
  if (relationship?.blockedBy) text = `You cannot see ${name}’s page.`;
  return (
    <section className="card private-profile" aria-label="Private profile">
      <p className="private-profile-icon" aria-hidden="true">
        🔒
      </p>
      <p>{text}</p>
    </section>
  );
}

/** In place of a suspended account's page, for everyone but administrators. */
function SuspendedProfile() {
  return (
    <section className="card private-profile" aria-label="Suspended account">
      <p>This account is suspended.</p>
    </section>
  );
}

function ProfilePage({ handle }: { handle: string }) {
  const me = useMe();
  const profile = useProfile(handle);

  if (profile.isPending) return <PageSpinner label="Loading the profile" />;
  if (profile.isError) return <ResourceError error={profile.error} what="profile" />;

  const view = profile.data;
  const { user } = view;
  const name = view.isOwn ? 'You' : user.displayName;
  // Administrators judge suspensions, so they keep seeing the page as it was (with a badge).
  const withheld = view.suspended && me?.role !== 'admin';

  return (
    <div className="page profile-page">
      <title>{`${user.displayName} (@${user.handle}) · Muse`}</title>
      <ProfileHeader profile={view} withheld={withheld} actions={<ProfileActions profile={view} />} />

      {withheld ? (
        <SuspendedProfile />
      ) : !view.visible ? (
        <HiddenProfile profile={view} />
      ) : (
        <div className="profile-layout">
          <div className="profile-main">
            <section className="card" aria-labelledby="favourites-title">
              <h2 id="favourites-title" className="card-title">
                Favourite albums
              </h2>
              {view.isOwn ? (
                <FavouritesEditor handle={user.handle} favourites={view.favourites} />
              ) : (
                <FavouritesShelf favourites={view.favourites} ownerName={user.displayName} />
              )}
            </section>
            <UserPlaylists handle={user.handle} displayName={user.displayName} isOwn={view.isOwn} />
            <section className="card" aria-labelledby="recent-title">
              <div className="card-header">
                <h2 id="recent-title" className="card-title">
                  Recent activity
                </h2>
                <Link to={`/users/${encodeURIComponent(user.handle)}/diary`} className="card-link">
                  {view.isOwn ? 'Your diary' : 'Diary'}
                </Link>
              </div>
              <RecentActivity
                handle={user.handle}
                following={view.relationship?.following ?? false}
                emptyText={
                  view.isOwn ? 'Nothing here yet. Rate, review or log an album and it shows up here.' : `Nothing from ${user.displayName} to show yet.`
                }
                renderItem={(item) => <FeedItemCard item={item} viewerId={me?.id ?? null} />}
              />
            </section>
            <section className="card" aria-labelledby="reviews-title">
              <h2 id="reviews-title" className="card-title">
                Reviews
              </h2>
              <UserReviews
                handle={user.handle}
                canLike={me !== null}
                viewerId={me?.id ?? null}
                emptyText={`${name} ${view.isOwn ? 'have' : 'has'} not written a review yet.`}
              />
            </section>
          </div>
          <aside className="profile-aside" aria-label="Taste and stats">
            {view.isOwn && (
              <section className="card" aria-labelledby="listen-later-title">
                <div className="card-header">
                  <h2 id="listen-later-title" className="card-title">
                    Listen later
                  </h2>
                  <Link to="/listen-later" className="card-link">
                    See all <span className="sr-only">albums to listen to later</span>
                  </Link>
                </div>
                <ListenLaterShelf />
              </section>
            )}
            {view.isOwn && (
              <section className="card" aria-labelledby="picks-title">
                <div className="card-header">
                  <h2 id="picks-title" className="card-title">
                    Picked for you
                  </h2>
                  <Link to="/discover" className="card-link">
                    Discover <span className="sr-only">more albums picked for you</span>
                  </Link>
                </div>
                <DiscoverPicksShelf />
              </section>
            )}
            {view.compatibility && !view.isOwn && <CompatibilityCard compatibility={view.compatibility} theirName={user.displayName} />}
            {view.stats && <ProfileStats stats={view.stats} />}
            <OpinionChanges handle={user.handle} visible={view.visible} />
          </aside>
        </div>
      )}
    </div>
  );
}
