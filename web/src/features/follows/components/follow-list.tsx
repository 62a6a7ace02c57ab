import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { useFollowList, type FollowListKind } from '../api/get-follow-list';
import { PersonRow } from './person-row';

/** Someone's followers or followees, newest first, with "Load more"; marks people the viewer follows. */
export function FollowList({ handle, kind }: { handle: string; kind: FollowListKind }) {
  const list = useFollowList(handle, kind);
  if (list.isPending) return <PageSpinner label={`Loading ${kind}`} />;
  if (list.isError) {
    const hidden = isApiError(list.error) && list.error.status === 403;
    const suspended = hidden && isApiError(list.error) && list.error.code === 'account_suspended';
    return (
      <Alert tone={hidden ? 'info' : 'error'}>
        {suspended
          ? 'This account is suspended.'
          : hidden
            ? 'This profile is private. Follow it to see who is in it.'
            : `Could not load the list. ${list.error.message}`}
      </Alert>
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  return (
    <section className="card" aria-label={kind === 'followers' ? 'Followers' : 'Following'}>
      {items.length === 0 ? (
        <p className="empty-state">{kind === 'followers' ? 'No followers yet.' : 'Not following anyone yet.'}</p>
      ) : (
        <ul className="person-list">
          {items.map((item) => (
            <PersonRow key={item.user.id} user={item.user}>
              {item.viewerFollows && <span className="pill">You follow</span>}
            </PersonRow>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} pending={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </section>
  );
}
