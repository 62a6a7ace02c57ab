import { SHARED_DRIFT_SECONDS, type PreviewTrack, type SharedPosition } from '../../../lib/preview-player';
import { nextPlayable, queueFor } from './player-queue';

/** One loaded clip, as the audio library plays it (howler in the app, a fake in tests). */
export interface PreviewSound {
  play(): void;
  pause(): void;
  /** The playing position in seconds. */
  position(): number;
  seek(seconds: number): void;
  /** Length in seconds (0 until known). */
  duration(): number;
  volume(level: number): void;
  mute(muted: boolean): void;
  unload(): void;
}

/** What a sound reports back. */
export interface SoundEvents {
  onPlay(): void;
  onPause(): void;
  onEnd(): void;
  onError(message: string): void;
}

export type SoundFactory = (src: string, events: SoundEvents, settings: { volume: number; muted: boolean }) => PreviewSound;

/** Whether a track's clip is stored and playable; when not, the words saying why. */
export type ReadinessCheck = (trackId: string, signal: AbortSignal) => Promise<{ ready: true } | { ready: false; reason: string }>;

export type PlayerPhase = 'idle' | 'loading' | 'playing' | 'paused' | 'ended';

export interface PlayerState {
  queue: PreviewTrack[];
  /** Position of the current track in `queue`, -1 when none. */
  index: number;
  phase: PlayerPhase;
  /** Why the last track tried did not play (the queue moved on), shown until the listener picks another. */
  error: string | null;
  /** Seconds. */
  position: number;
  duration: number;
  /** 0..1 */
  volume: number;
  muted: boolean;
  /** Tracks the queue skips: known to have no preview, or whose clip failed. */
  skipped: ReadonlySet<string>;
  /** The latest change in words, for the polite live region. */
  announcement: string;
}

export interface PlayerControllerDeps {
  createSound: SoundFactory;
  waitUntilReady: ReadinessCheck;
  /** Where a track's clip streams from. */
  src(trackId: string): string;
  /** How often the position is read while playing (ms); 0 leaves it to `tick` (tests). */
  tickMs?: number;
}

const INITIAL: PlayerState = {
  queue: [],
  index: -1,
  phase: 'idle',
  error: null,
  position: 0,
  duration: 0,
  volume: 0.8,
  muted: false,
  skipped: new Set(),
  announcement: '',
};

/** Seconds "previous" restarts the current clip instead of going back, as media players do. */
const RESTART_AFTER_SECONDS = 3;

/**
 * The preview player's logic, apart from React and from the audio library: a queue (the album's
 * or playlist's tracks), one sound at a time, next and previous skipping tracks without a preview,
 * a clip that fails or has none skipped without stopping the queue, and each change announced.
 * React reads it through `subscribe` / `getState` (useSyncExternalStore).
 */
export class PlayerController {
  private state: PlayerState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private sound: PreviewSound | null = null;
  private loading: AbortController | null = null;
  // Grows with each track started, so late events of an earlier sound are ignored.
  private generation = 0;
  private ticker: ReturnType<typeof setInterval> | null = null;
  // The shared player followed (a listening party), if any: a started clip seeks to it.
  private shared: SharedPosition | null = null;

  constructor(private readonly deps: PlayerControllerDeps) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PlayerState => this.state;

  /** The track in the player, if any. */
  current(): PreviewTrack | null {
    return this.state.queue[this.state.index] ?? null;
  }

  /** Plays `track` with `queue` as what next and previous go through; on the current track, pauses or resumes. */
  toggle(track: PreviewTrack, queue: readonly PreviewTrack[]): void {
    this.shared = null;
    if (track.trackId !== null && this.current()?.trackId === track.trackId) {
      this.togglePlay();
      return;
    }
    const { tracks, index } = queueFor(track, queue);
    this.set({ queue: tracks, skipped: new Set(), error: null });
    void this.start(index, 1);
  }

  /** Follows a shared player: see `PreviewPlayerControls.follow`. */
  follow(track: PreviewTrack | null, target: SharedPosition): void {
    if (track === null || track.trackId === null) {
      if (this.state.index >= 0) this.stop();
      return;
    }
    const same = this.current()?.trackId === track.trackId;
    if (!same) {
      if (!target.playing) {
        if (this.state.index >= 0) this.stop();
        return;
      }
      this.shared = target;
      this.set({ queue: [track], skipped: new Set(), error: null });
      void this.start(0, 1);
      return;
    }
    this.shared = target;
    if (!target.playing) {
      if (this.state.phase === 'playing' || this.state.phase === 'loading') this.pause();
      return;
    }
    if (this.state.phase === 'paused') this.resume();
    // A clip that ended starts again only while the shared position is still inside it.
    else if (this.state.phase === 'ended' && target.positionSeconds() < (this.state.duration || 30) - 1) this.resume();
    else if (this.state.phase === 'playing') this.catchUp();
  }

  /** Seeks to the shared position when the clip has drifted from it. */
  private catchUp(): void {
    if (!this.shared || !this.sound) return;
    const want = this.shared.positionSeconds();
    if (Math.abs(this.sound.position() - want) > SHARED_DRIFT_SECONDS) this.seek(want);
  }

  /** Pauses or resumes the current track (starts the queue again once it has ended). */
  togglePlay(): void {
    const { phase, index } = this.state;
    if (phase === 'playing' || phase === 'loading') this.pause();
    else if (phase === 'paused') this.resume();
    else if (phase === 'ended' && index >= 0) void this.start(index, 1);
  }

  pause(): void {
    if (this.state.phase === 'loading') {
      this.cancelLoad();
      this.set({ phase: 'paused' });
      return;
    }
    this.sound?.pause();
  }

  resume(): void {
    if (this.sound) this.sound.play();
    else if (this.state.index >= 0) void this.start(this.state.index, 1);
  }

  /** The next preview of the queue, skipping tracks without one. */
  next(): void {
    this.set({ error: null });
    this.advance(1, false);
  }

  /** Back to the start of the clip after a few seconds of it, else the previous preview. */
  previous(): void {
    if (this.state.position > RESTART_AFTER_SECONDS && this.sound) {
      this.seek(0);
      return;
    }
    this.set({ error: null });
    this.advance(-1, false);
  }

  seek(seconds: number): void {
    if (!this.sound) return;
    const to = Math.max(0, Math.min(seconds, this.state.duration || seconds));
    this.sound.seek(to);
    this.set({ position: to });
  }

  seekBy(delta: number): void {
    this.seek(this.state.position + delta);
  }

  setVolume(level: number): void {
    const volume = Math.max(0, Math.min(1, level));
    this.sound?.volume(volume);
    this.set({ volume, muted: volume === 0 ? this.state.muted : false });
    this.sound?.mute(this.state.muted);
  }

  toggleMute(): void {
    const muted = !this.state.muted;
    this.sound?.mute(muted);
    this.set({ muted, announcement: muted ? 'Muted.' : 'Sound on.' });
  }

  /** Stops and empties the player. */
  stop(): void {
    this.shared = null;
    this.cancelLoad();
    this.unloadSound();
    this.set({ ...INITIAL, volume: this.state.volume, muted: this.state.muted, announcement: 'Player closed.' });
  }

  /** Reads the sound's position and length (the interval calls it while playing). */
  tick(): void {
    if (!this.sound) return;
    const position = this.sound.position();
    const duration = this.sound.duration();
    if (position !== this.state.position || duration !== this.state.duration) this.set({ position, duration });
  }

  /** Stops any sound (the shell unmounting: signing out). Listeners stay, so a remount under StrictMode keeps working. */
  dispose(): void {
    this.cancelLoad();
    this.unloadSound();
  }

  private advance(direction: 1 | -1, automatic: boolean): void {
    const { queue, index, skipped } = this.state;
    const to = nextPlayable(queue, index, direction, skipped);
    if (to === -1) {
      if (automatic) {
        this.unloadSound();
        this.set({
          phase: 'ended',
          position: 0,
          announcement: this.state.error ? `${this.state.error} No more previews in this list.` : 'End of the previews.',
        });
      } else {
        this.set({ announcement: direction === 1 ? 'This is the last preview of the list.' : 'This is the first preview of the list.' });
      }
      return;
    }
    void this.start(to, direction);
  }

  /** Loads and plays `queue[index]`: waits until its clip is stored, then plays it; a track that cannot play is skipped in `direction`. */
  private async start(index: number, direction: 1 | -1): Promise<void> {
    const generation = ++this.generation;
    this.cancelLoad();
    this.unloadSound();
    const track = this.state.queue[index]!;
    this.set({ index, phase: 'loading', position: 0, duration: 0, announcement: `Loading the preview of ${track.title}.` });
    if (track.trackId === null) return this.skip(track, 'It is not in the Muse catalog.', direction);
    const loading = new AbortController();
    this.loading = loading;
    let readiness: Awaited<ReturnType<ReadinessCheck>>;
    try {
      readiness = await this.deps.waitUntilReady(track.trackId, loading.signal);
    } catch (err) {
      if (loading.signal.aborted || generation !== this.generation) return;
      readiness = { ready: false, reason: (err as Error).message || 'Muse could not be reached.' };
    }
    if (loading.signal.aborted || generation !== this.generation) return;
    this.loading = null;
    if (!readiness.ready) return this.skip(track, readiness.reason, direction);
    const mine = () => generation === this.generation;
    this.sound = this.deps.createSound(
      this.deps.src(track.trackId),
      {
        onPlay: () => mine() && this.onPlay(track),
        onPause: () => mine() && this.set({ phase: 'paused', announcement: `Paused ${track.title}.` }),
        onEnd: () => mine() && this.advance(1, true),
        onError: () => mine() && this.skip(track, `The preview of ${track.title} could not be played.`, 1),
      },
      { volume: this.state.volume, muted: this.state.muted },
    );
    this.sound.play();
  }

  private onPlay(track: PreviewTrack): void {
    this.set({ phase: 'playing', duration: this.sound?.duration() ?? 0, announcement: `Playing ${track.title} by ${track.artist}.` });
    this.startTicking();
    this.catchUp();
  }

  /** Remembers that `track` cannot play, says why, and moves on to the next one in `direction` (if any). */
  private skip(track: PreviewTrack, reason: string, direction: 1 | -1): void {
    this.unloadSound();
    const skipped = new Set(this.state.skipped);
    if (track.trackId) skipped.add(track.trackId);
    const error = `No preview of ${track.title}: ${reason.replace(/^No preview(?: right now)?: /, '')}`;
    this.set({ skipped, error, announcement: error });
    const to = nextPlayable(this.state.queue, this.state.index, direction, skipped);
    if (to === -1) {
      this.set({ phase: 'ended', position: 0 });
      return;
    }
    void this.start(to, direction);
  }

  private startTicking(): void {
    const every = this.deps.tickMs ?? 250;
    if (this.ticker || every <= 0) return;
    this.ticker = setInterval(() => this.tick(), every);
  }

  private cancelLoad(): void {
    this.loading?.abort();
    this.loading = null;
  }

  private unloadSound(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.sound?.unload();
    this.sound = null;
  }

  private set(patch: Partial<PlayerState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
