import type { MuteView } from '@muse/shared';
import { useState } from 'react';
import { useAddMute } from '../api/add-mute';
import { useRemoveMute } from '../api/remove-mute';
import type { MuteChoice } from './feed-mute-choices';

/** Where a mute made from the feed stands, as its notice tells it. */
export type MuteNoticeState =
  | { phase: 'muting'; choice: MuteChoice }
  | { phase: 'muted'; choice: MuteChoice; mute: MuteView; error?: string }
  | { phase: 'undoing'; choice: MuteChoice; mute: MuteView }
  | { phase: 'undone'; choice: MuteChoice }
  | { phase: 'failed'; choice: MuteChoice; error: string };

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Mutes from a feed item and keeps what the notice needs to say and undo: the mute as the API
 * answered it (user mutes come back named by handle, which is what undoing deletes). A newer
 * mute replaces the notice of an older one.
 */
export function useMuteFromFeed() {
  const add = useAddMute();
  const remove = useRemoveMute();
  const [notice, setNotice] = useState<MuteNoticeState | null>(null);

  const mute = (choice: MuteChoice) => {
    setNotice({ phase: 'muting', choice });
    add.mutate(choice.mute, {
      onSuccess: (saved) => setNotice({ phase: 'muted', choice, mute: saved }),
      onError: (error) => setNotice({ phase: 'failed', choice, error: `Could not ${lowerFirst(choice.label)}: ${error.message}` }),
    });
  };

  const undo = () => {
    if (notice?.phase !== 'muted') return;
    const { choice, mute: saved } = notice;
    setNotice({ phase: 'undoing', choice, mute: saved });
    remove.mutate(saved, {
      onSuccess: () => setNotice({ phase: 'undone', choice }),
      onError: (error) => setNotice({ phase: 'muted', choice, mute: saved, error: `Could not undo: ${error.message}` }),
    });
  };

  return { notice, mute, undo, dismiss: () => setNotice(null) };
}
