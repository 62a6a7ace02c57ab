import type { ConversionView } from '@muse/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConvertDialog } from './convert-dialog';

/** The "Convert" action of a Muse playlist page: opens the Convert dialog with that playlist as the source. */
export function ConvertPlaylistButton({ playlist, onStarted }: { playlist: { id: string; title: string }; onStarted: (conversion: ConversionView) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Convert
      </Button>
      <ConvertDialog
        open={open}
        onClose={() => setOpen(false)}
        choice={{ source: { kind: 'muse', playlistId: playlist.id }, title: playlist.title, provider: null }}
        onStarted={(conversion) => {
          setOpen(false);
          onStarted(conversion);
        }}
      />
    </>
  );
}
