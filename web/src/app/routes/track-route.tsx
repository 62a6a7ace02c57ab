import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ReviewView } from '@muse/shared';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { useTrack } from '../../features/albums/api/get-track';
import { TrackHeader } from '../../features/albums/components/track-header';
import { TrackRatingPanel } from '../../features/albums/components/track-rating-panel';
import { useMe } from '../../features/auth/api/get-me';
import { TrackReviews } from '../../features/reviews/components/album-reviews';
import { ReviewEditorDialog } from '../../features/reviews/components/review-editor-dialog';
import { ResourceError } from './resource-error';

/** `/tracks/:id`: a track, what everyone thinks of it, the viewer's rating, and its reviews with likes and comments. */
export function TrackRoute() {
  const { id = '' } = useParams();
  // A new track is a new page: the editor and the flash message start afresh.
  return <TrackView key={id} id={id} />;
}

function TrackView({ id }: { id: string }) {
  const me = useMe();
  const track = useTrack(id);
  const [editorOpen, setEditorOpen] = useState(false);
  const [published, setPublished] = useState<ReviewView | null>(null);

  if (track.isPending) return <PageSpinner label="Loading the track" />;
  if (track.isError) return <ResourceError error={track.error} what="track" />;

  const page = track.data;
  return (
    <div className="page album-page track-page">
      <title>{`${page.track.title} from ${page.album.title} · Muse`}</title>
      <TrackHeader track={page.track} album={page.album} />

      {published && (
        <div className="album-flash">
          <Alert tone="success">
            Your review is published. <Link to={`/reviews/${published.id}`}>Open it</Link>
          </Alert>
        </div>
      )}

      <div className="album-layout">
        <aside className="album-aside" aria-label="Ratings">
          <TrackRatingPanel page={page} onReview={() => setEditorOpen(true)} />
        </aside>
        <div className="album-main">
          <TrackReviews trackId={page.track.id} canLike={me !== null} viewerId={me?.id ?? null} onWrite={me ? () => setEditorOpen(true) : undefined} />
        </div>
      </div>

      {me && (
        <ReviewEditorDialog
          open={editorOpen}
          onClose={() => setEditorOpen(false)}
          album={page.album}
          track={page.track}
          initialRating={page.track.viewerRating}
          onDone={(result) => result.kind === 'review' && setPublished(result.review)}
        />
      )}
    </div>
  );
}
