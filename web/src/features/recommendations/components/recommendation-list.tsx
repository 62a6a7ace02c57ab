import type { Recommendation } from '@muse/shared';
import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { PageSpinner } from '../../../components/ui/spinner';
import { useDismissRecommendation, useRecommendations, type RecommendationFilters } from '../api/recommendations';
import { RecommendationCard } from './recommendation-card';

/** The signed-in user's picks of one kind, explained, with "load more" and "Not interested". */
export function RecommendationList({ filters, actionsFor }: { filters: RecommendationFilters; actionsFor?: (pick: Recommendation) => ReactNode }) {
  const list = useRecommendations(filters);
  const dismiss = useDismissRecommendation();
  const noun = filters.kind === 'albums' ? 'albums' : 'tracks';

  if (list.isPending) return <PageSpinner label={`Loading ${noun} picked for you`} />;
  if (list.isError) return <Alert tone="error">Your recommendations could not be loaded. {list.error.message}</Alert>;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <div className="empty-state card">
        <p>
          No {noun} to recommend{filters.genre || filters.decade ? ' with these filters' : ''} yet.
        </p>
        <p className="muted">Rate a few albums you love and your picks appear here.</p>
      </div>
    );
  }
  return (
    <div className="recommendation-list">
      {dismiss.isError && <Alert tone="error">That pick could not be dismissed: {dismiss.error.message}</Alert>}
      <ol className="recommendation-items" aria-label={`Recommended ${noun}`}>
        {items.map((pick) => (
          <RecommendationCard
            key={`${pick.kind}-${pick.track?.id ?? pick.album.id}`}
            pick={pick}
            actions={actionsFor?.(pick)}
            onDismiss={() => dismiss.mutate(pick.track ? { trackId: pick.track.id } : { albumId: pick.album.id })}
          />
        ))}
      </ol>
      {list.hasNextPage && (
        <button type="button" className="btn btn-secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
