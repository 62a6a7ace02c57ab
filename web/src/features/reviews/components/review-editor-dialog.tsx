import type { AlbumSummary, ReviewTrackRef, ReviewView } from '@muse/shared';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Dialog } from '../../../components/ui/dialog';
import { lazyComponent } from '../../../lib/lazy-component';
import type { EditorResult } from './review-editor';

/** The editor validates with the shared schemas: its code arrives when the dialog first opens. */
const ReviewEditor = lazyComponent(
  () => import('./review-editor'),
  (m) => m.ReviewEditor,
);

interface ReviewEditorDialogProps {
  open: boolean;
  onClose: () => void;
  album: Pick<AlbumSummary, 'id' | 'title' | 'artistCredit' | 'coverUrl' | 'releaseYear'>;
  /** Reviews this track of the album rather than the album. */
  track?: Pick<ReviewTrackRef, 'id' | 'title'>;
  review?: ReviewView;
  initialRating?: number | null;
  onDone: (result: EditorResult) => void;
}

/** The review editor in a modal over the album, track or review page. */
export function ReviewEditorDialog({ open, onClose, album, track, review, initialRating, onDone }: ReviewEditorDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={review ? 'Edit your review' : track ? 'Review this track' : 'Log a listen'}
      description={
        <span className="dialog-album">
          <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={44} decorative />
          <span>
            {track && (
              <>
                <strong>{track.title}</strong>
                <span className="muted"> from </span>
              </>
            )}
            <strong>{album.title}</strong>
            <span className="muted">
              {' '}
              by {album.artistCredit}
              {album.releaseYear ? ` (${album.releaseYear})` : ''}
            </span>
          </span>
        </span>
      }
    >
      <ReviewEditor
        albumId={album.id}
        trackId={track?.id}
        review={review}
        initialRating={initialRating}
        onCancel={onClose}
        onDone={(result) => {
          onDone(result);
          onClose();
        }}
      />
    </Dialog>
  );
}
