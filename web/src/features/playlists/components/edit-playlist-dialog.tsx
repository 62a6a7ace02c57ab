import type { PlaylistView } from '@muse/shared';
import { Dialog } from '../../../components/ui/dialog';
import { lazyComponent } from '../../../lib/lazy-component';

/** The form validates with the shared schemas: its code arrives when the dialog first opens. */
const EditPlaylistForm = lazyComponent(
  () => import('./edit-playlist-form'),
  (m) => m.EditPlaylistForm,
);

/** The owner's "Edit" dialog: title, description and, for lists, ranked. Only what changed is sent. */
export function EditPlaylistDialog({ playlist, open, onClose }: { playlist: PlaylistView; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={playlist.kind === 'list' ? 'Edit list' : 'Edit playlist'}>
      {open && <EditPlaylistForm playlist={playlist} onDone={onClose} />}
    </Dialog>
  );
}
