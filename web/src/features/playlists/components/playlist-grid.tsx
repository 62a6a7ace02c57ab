import type { Page, PlaylistSummary } from '@muse/shared';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PlaylistCard } from './playlist-card';

interface PlaylistGridProps {
  query: UseInfiniteQueryResult<InfiniteData<Page<PlaylistSummary>, unknown>>;
  /** What to say, and suggest, when the list is empty. */
  empty: ReactNode;
  /** Accessible name of the list, e.g. "Your playlists". */
  label: string;
  showOwner?: boolean;
  /** Extra controls under a card (an invitation's Accept / Decline). */
  renderExtra?: (playlist: PlaylistSummary) => ReactNode;
  moreLabel?: string;
}

/** A paged grid of playlist cards with "Load more", a loading line, an error and an empty state. */
export function PlaylistGrid({ query, empty, label, showOwner = true, renderExtra, moreLabel = 'Load more' }: PlaylistGridProps) {
  if (query.isPending) return <p className="muted playlist-loading">Loading…</p>;
  if (query.isError) return <Alert tone="error">Could not load these playlists. {query.error.message}</Alert>;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <div className="empty-state playlist-empty">{empty}</div>;
  return (
    <>
      <ul className="playlist-grid" aria-label={label}>
        {items.map((playlist) => (
          <li key={playlist.id}>
            <PlaylistCard playlist={playlist} showOwner={showOwner} />
            {renderExtra?.(playlist)}
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <div className="list-more">
          <Button variant="secondary" size="sm" onClick={() => void query.fetchNextPage()} pending={query.isFetchingNextPage}>
            {moreLabel}
          </Button>
        </div>
      )}
    </>
  );
}
