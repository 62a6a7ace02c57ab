import type { AlbumSummary, ReviewView } from '@muse/shared';
import { AlbumCover } from '../../../components/ui/album-cover';
import { Dialog } from '../../../components/ui/dialog';
import { ReviewEditor, type EditorResult } from './review-editor';

interface ReviewEditorDialogProps {
  open: boolean;
  onClose: () => void;
  album: Pick<AlbumSummary, 'id' | 'title' | 'artistCredit' | 'coverUrl' | 'releaseYear'>;
  review?: ReviewView;
  initialRating?: number | null;
  onDone: (result: EditorResult) => void;
}

/** The review editor in a modal over the album or review page. */
export function ReviewEditorDialog({ open, onClose, album, review, initialRating, onDone }: ReviewEditorDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={review ? 'Edit your review' : 'Log a listen'}
      description={
        <span className="dialog-album">
          <AlbumCover title={album.title} artist={album.artistCredit} coverUrl={album.coverUrl} size={44} decorative />
          <span>
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
