import type { PlaylistKind, PlaylistView } from '@muse/shared';
import { Dialog } from '../../../components/ui/dialog';
import { lazyComponent } from '../../../lib/lazy-component';

/** The form validates with the shared schemas: its code arrives when the dialog first opens. */
const CreatePlaylistForm = lazyComponent(
  () => import('./create-playlist-form'),
  (m) => m.CreatePlaylistForm,
);

interface CreatePlaylistDialogProps {
  open: boolean;
  onClose: () => void;
  /** The kind preselected by the button that opened it. */
  kind: PlaylistKind;
  onCreated: (playlist: PlaylistView) => void;
}

/** "New playlist" / "New list": title, kind, who may see it, description, and for lists whether they are ranked. */
export function CreatePlaylistDialog({ open, onClose, kind, onCreated }: CreatePlaylistDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={kind === 'list' ? 'New list' : 'New playlist'}>
      {open && <CreatePlaylistForm kind={kind} onCancel={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}
