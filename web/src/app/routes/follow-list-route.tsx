import { Link, NavLink, useParams } from 'react-router';
import type { FollowListKind } from '../../features/follows/api/get-follow-list';
import { FollowList } from '../../features/follows/components/follow-list';

/** `/users/:handle/followers` and `/users/:handle/following`: one side of someone's graph. */
export function FollowListRoute({ kind }: { kind: FollowListKind }) {
  const { handle = '' } = useParams();
  const base = `/users/${encodeURIComponent(handle)}`;
  return (
    <div className="page page-medium">
      <title>{`${kind === 'followers' ? 'Followers of' : 'Followed by'} @${handle} · Muse`}</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to={base}>@{handle}</Link>
        </p>
        <h1>{kind === 'followers' ? 'Followers' : 'Following'}</h1>
        <nav className="tabs" aria-label="Follow lists">
          <NavLink to={`${base}/followers`} className="tab">
            Followers
          </NavLink>
          <NavLink to={`${base}/following`} className="tab">
            Following
          </NavLink>
        </nav>
      </header>
      <FollowList key={`${handle}-${kind}`} handle={handle} kind={kind} />
    </div>
  );
}
