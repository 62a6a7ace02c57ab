import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { feedItems } from '../api/feed-cache';
import { useFeed } from '../api/get-feed';
import { useFeedSocket } from '../api/use-feed-socket';
import { FeedItemCard } from './feed-item-card';
import { MuteNotice } from './mute-notice';
import { useMuteFromFeed } from './use-mute-from-feed';

/**
 * The home feed: newest first, live items added at the top and marked "New", a "N new" pill
 * that brings the reader to them, and "Load more" for older pages. `viewerId` is the reader's;
 * with it, each item of someone else's has a menu to mute from it, with a notice to undo.
 */
export function FeedList({ live = true, empty, viewerId = null }: { live?: boolean; empty: ReactNode; viewerId?: string | null }) {
  const feed = useFeed();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const topRef = useRef<HTMLHeadingElement>(null);

  const muting = useMuteFromFeed();

  const handleNew = useCallback((id: string) => setFresh((current) => new Set(current).add(id)), []);
  useFeedSocket(live, handleNew);

  const showNew = () => {
    topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    topRef.current?.focus({ preventScroll: true });
    setFresh(new Set());
  };

  // The notice held focus (the muted item is gone): hand it to the top of the feed.
  const handleDismiss = () => {
    muting.dismiss();
    topRef.current?.focus({ preventScroll: true });
  };

  if (feed.isPending) return <PageSpinner label="Loading your feed" />;
  if (feed.isError) return <Alert tone="error">Could not load your feed. {feed.error.message}</Alert>;

  const items = feedItems(feed.data);
  const freshCount = items.filter((item) => fresh.has(item.id)).length;

  return (
    <section className="feed" aria-labelledby="feed-title">
      <h2 id="feed-title" ref={topRef} tabIndex={-1} className="feed-heading">
        From people you follow
      </h2>
      <div className="feed-pill-slot" aria-live="polite">
        {freshCount > 0 && (
          <button type="button" className="feed-new-pill" onClick={showNew} data-testid="feed-new-pill">
            <span aria-hidden="true">↑ </span>
            {freshCount} new
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <div className="empty-state">{empty}</div>
      ) : (
        <ol className="feed-list">
          {items.map((item) => (
            <li key={item.id}>
              <FeedItemCard item={item} fresh={fresh.has(item.id)} viewerId={viewerId} onMute={viewerId ? muting.mute : undefined} />
            </li>
          ))}
        </ol>
      )}
      {feed.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" onClick={() => void feed.fetchNextPage()} pending={feed.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
      {viewerId && <MuteNotice notice={muting.notice} onUndo={muting.undo} onDismiss={handleDismiss} />}
    </section>
  );
}
