import { previewPath } from '@muse/shared';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { PreviewPlayerContext, type PreviewPlayerControls } from '../../../lib/preview-player';
import { waitUntilPreviewReady } from '../api/wait-until-ready';
import { createLoadedHowlerSound, loadHowlerSound, whenHowlerLoaded } from '../engine/howler-loader';
import { useMediaSession } from '../engine/media-session';
import { PlayerController, type ReadinessCheck, type SoundFactory } from '../engine/player-controller';
import { usePlayerShortcuts } from '../engine/use-player-shortcuts';
import { PlayerBar } from './player-bar';

const appReadiness = whenHowlerLoaded(waitUntilPreviewReady);
const prepare = () => {
  // A failure here is told when play is pressed (the readiness check asks again).
  loadHowlerSound().catch(() => undefined);
};

interface PreviewPlayerProviderProps {
  children: ReactNode;
  /** Tests pass a fake audio library and readiness check; the app uses howler (fetched on first use) and the API. */
  createSound?: SoundFactory;
  waitUntilReady?: ReadinessCheck;
}

/**
 * The app's one preview player, mounted once in the signed-in app shell so it keeps playing
 * across pages: gives play buttons everywhere its controls (through `PreviewPlayerContext`),
 * draws the player bar, and wires keyboard shortcuts and the Media Session.
 */
export function PreviewPlayerProvider({ children, createSound = createLoadedHowlerSound, waitUntilReady = appReadiness }: PreviewPlayerProviderProps) {
  const [controller] = useState(() => new PlayerController({ createSound, waitUntilReady, src: previewPath }));
  useEffect(() => () => controller.dispose(), [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const current = state.queue[state.index] ?? null;
  usePlayerShortcuts(controller, current !== null);
  useMediaSession(controller, state);

  const currentTrackId = current?.trackId ?? null;
  const playing = state.phase === 'playing' || state.phase === 'loading';
  const loading = state.phase === 'loading';
  const controls = useMemo<PreviewPlayerControls>(
    () => ({
      currentTrackId,
      playing,
      loading,
      prepare,
      toggle: (track, queue) => controller.toggle(track, queue),
      follow: (track, target) => controller.follow(track, target),
    }),
    [controller, currentTrackId, playing, loading],
  );

  return (
    <PreviewPlayerContext.Provider value={controls}>
      {children}
      <PlayerBar state={state} controller={controller} />
    </PreviewPlayerContext.Provider>
  );
}
