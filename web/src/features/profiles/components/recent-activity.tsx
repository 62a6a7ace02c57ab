import type { FeedItem } from '@muse/shared';
import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useUserActivity } from '../api/get-user-activity';

export interface RecentActivityProps {
  handle: string;
  /** Whether the viewer follows the owner (followers-only activity shows then). */
  following?: boolean;
  emptyText: string;
  /**
   * Draws one grouped item. The page passes the feed's item card, so an activity reads the
   * same on a profile as in the feed without this feature depending on the feed's.
   */
  renderItem: (item: FeedItem) => ReactNode;
}

/** A profile's recent activity, newest first and grouped like the feed, with "Show more" for older pages. */
export function RecentActivity({ handle, following = false, emptyText, renderItem }: RecentActivityProps) {
  const activity = useUserActivity(handle, following);
  if (activity.isPending) return <p className="muted">Loading recent activity…</p>;
  if (activity.isError) return <Alert tone="error">Could not load recent activity. {activity.error.message}</Alert>;
  const items = activity.data.pages.flatMap((page) => page.items);
  // A page can come back empty yet not be the last when everything it read was filtered out.
  if (items.length === 0 && !activity.hasNextPage) return <p className="muted">{emptyText}</p>;
  return (
    <>
      {items.length > 0 && (
        <ol className="feed-list">
          {items.map((item) => (
            <li key={item.id}>{renderItem(item)}</li>
          ))}
        </ol>
      )}
      {activity.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" size="sm" onClick={() => void activity.fetchNextPage()} pending={activity.isFetchingNextPage}>
            Show more
          </Button>
        </div>
      )}
    </>
  );
}
