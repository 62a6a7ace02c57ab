import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { PreviewButton } from '../../components/ui/preview-button';
import { PageSpinner } from '../../components/ui/spinner';
import { useAlbum } from '../../features/albums/api/get-album';
import { useAlbumFriends } from '../../features/albums/api/get-album-friends';
import { useRateTrack } from '../../features/albums/api/rate-track';
import { useAlbumLiveStats } from '../../features/albums/api/use-album-live-stats';
import { AlbumFriends } from '../../features/albums/components/album-friends';
import { MyRatingTimeline } from '../../features/opinions/components/my-rating-timeline';
import { SimilarAlbums } from '../../features/recommendations/components/similar-albums';
import { AlbumHeader } from '../../features/albums/components/album-header';
import { AlbumRatingPanel } from '../../features/albums/components/album-rating-panel';
import { AlbumScores } from '../../features/albums/components/album-scores';
import { Tracklist } from '../../features/albums/components/tracklist';
import { useMe } from '../../features/auth/api/get-me';
import { ListenLaterButton } from '../../features/listen-later/components/listen-later-button';
import { AddToPlaylistMenu } from '../../features/playlists/components/add-to-playlist-menu';
import { AlbumPlaylistActions } from '../../features/playlists/components/album-playlist-actions';
import { AlbumReviews } from '../../features/reviews/components/album-reviews';
import type { EditorResult } from '../../features/reviews/components/review-editor';
import { ReviewEditorDialog } from '../../features/reviews/components/review-editor-dialog';
import { formatDay } from '../../lib/format-music';
import { ResourceError } from './resource-error';

/** `/albums/:id`: the album, what everyone thinks (live), the viewer's rating and listens, tracks and reviews. */
export function AlbumRoute() {
  const { id = '' } = useParams();
  // A new album is a new page: the editor, the flash message and the widgets start afresh.
  return <AlbumView key={id} id={id} />;
}

function AlbumView({ id }: { id: string }) {
  const me = useMe();
  const location = useLocation();
  const album = useAlbum(id);
  const live = useAlbumLiveStats(id, me !== null && album.isSuccess);
  const friends = useAlbumFriends(id, album.data?.friends, me !== null);
  const rateTrack = useRateTrack(id);
  const [editorOpen, setEditorOpen] = useState(false);
  const [done, setDone] = useState<EditorResult | null>(null);
  const [trackResetKey, setTrackResetKey] = useState(0);

  // A link to a track (from search) lands on its row once the tracklist is there.
  useEffect(() => {
    if (!album.isSuccess || !location.hash.startsWith('#track-')) return;
    const row = document.getElementById(location.hash.slice(1));
    row?.scrollIntoView({ block: 'center' });
    row?.classList.add('track-row-target');
  }, [album.isSuccess, location.hash]);

  if (album.isPending) return <PageSpinner label="Loading the album" />;
  if (album.isError) return <ResourceError error={album.error} what="album" />;

  const page = album.data;
  const totalMs = page.tracks.reduce((sum, track) => sum + (track.durationMs ?? 0), 0) || null;
  // Next and previous in the player go through this album's tracks.
  const previewQueue = page.tracks.map((track) => ({
    trackId: track.id,
    title: track.title,
    artist: track.artistCredit || page.album.artistCredit,
    album: page.album.title,
    coverUrl: page.album.coverUrl,
  }));

  return (
    <div className="page album-page">
      <title>{`${page.album.title} by ${page.album.artistCredit} · Muse`}</title>
      <AlbumHeader
        album={page.album}
        totalMs={totalMs}
        trackCount={page.tracks.length}
        actions={
          me ? (
            <>
              <ListenLaterButton albumId={page.album.id} albumTitle={page.album.title} />
              <AlbumPlaylistActions album={page.album} tracks={page.tracks} />
              <Link className="btn btn-secondary btn-sm" to={`/parties/new?album=${page.album.id}`}>
                Host a listening party
              </Link>
            </>
          ) : undefined
        }
      />

      {done && (
        <div className="album-flash">
          <Alert tone="success">
            {done.kind === 'review' ? (
              <>
                Your review is published. <Link to={`/reviews/${done.review.id}`}>Open it</Link>
              </>
            ) : (
              <>
                Logged your listen on {formatDay(done.entry.listenedOn)}.{' '}
                {me && <Link to={`/users/${encodeURIComponent(me.handle)}/diary`}>See your diary</Link>}
              </>
            )}
          </Alert>
        </div>
      )}

      <div className="album-layout">
        <aside className="album-aside" aria-label="Ratings">
          <AlbumRatingPanel page={page} onLog={() => setEditorOpen(true)} />
          <AlbumScores
            albumId={page.album.id}
            stats={page.stats}
            viewerRating={page.viewer?.rating ?? null}
            live={live}
            signedIn={me !== null}
            embargoedUntil={page.embargoedUntil}
          />
          <MyRatingTimeline albumId={page.album.id} signedIn={me !== null} />
          <AlbumFriends friends={friends} />
          <SimilarAlbums albumId={id} />
        </aside>
        <div className="album-main">
          <section className="card" aria-labelledby="tracklist-title">
            <h2 id="tracklist-title" className="card-title">
              Tracklist
            </h2>
            {rateTrack.isError && <Alert tone="error">Your track rating was not saved: {rateTrack.error.message}</Alert>}
            <Tracklist
              tracks={page.tracks}
              albumArtist={page.album.artistCredit}
              resetKey={trackResetKey}
              renderLead={me ? (track) => <PreviewButton track={previewQueue.find((t) => t.trackId === track.id)!} queue={previewQueue} /> : undefined}
              renderActions={me ? (track) => <AddToPlaylistMenu compact target={{ type: 'track', trackId: track.id, title: track.title }} /> : undefined}
              onRate={
                page.viewer
                  ? (track, rating) => rateTrack.mutate({ trackId: track.id, rating }, { onError: () => setTrackResetKey((key) => key + 1) })
                  : undefined
              }
            />
          </section>
          <AlbumReviews albumId={page.album.id} canLike={me !== null} viewerId={me?.id ?? null} onWrite={me ? () => setEditorOpen(true) : undefined} />
        </div>
      </div>

      {me && (
        <ReviewEditorDialog
          open={editorOpen}
          onClose={() => setEditorOpen(false)}
          album={page.album}
          initialRating={page.viewer?.rating ?? null}
          onDone={setDone}
        />
      )}
    </div>
  );
}
