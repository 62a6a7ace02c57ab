import { useEffect } from 'react';
import { shortcutFor } from './keyboard-shortcuts';
import type { PlayerController } from './player-controller';

// Seconds the arrow shortcuts seek.
const SEEK_STEP = 5;

/** While a preview is loaded: space plays or pauses, arrows seek, shift + arrows change track (see `shortcutFor` for when keys are left alone). */
export function usePlayerShortcuts(controller: PlayerController, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut === 'toggle') controller.togglePlay();
      else if (shortcut === 'seek-back') controller.seekBy(-SEEK_STEP);
      else if (shortcut === 'seek-forward') controller.seekBy(SEEK_STEP);
      else if (shortcut === 'next') controller.next();
      else controller.previous();
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [controller, active]);
}
