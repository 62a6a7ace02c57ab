import type { PreviewSound, ReadinessCheck, SoundEvents, SoundFactory } from '../player-controller';

/** A sound that plays nothing: the test drives its events and reads what the player asked of it. */
export interface FakeSound extends PreviewSound {
  src: string;
  events: SoundEvents;
  playing: boolean;
  unloaded: boolean;
  at: number;
  length: number;
  volumeLevel: number;
  muted: boolean;
}

/** A sound factory keeping every sound it made, newest last; `play` reports onPlay at once like a clip that loads instantly. */
export function fakeSounds(length = 30): { create: SoundFactory; made: FakeSound[]; latest(): FakeSound } {
  const made: FakeSound[] = [];
  const create: SoundFactory = (src, events, settings) => {
    const sound: FakeSound = {
      src,
      events,
      playing: false,
      unloaded: false,
      at: 0,
      length,
      volumeLevel: settings.volume,
      muted: settings.muted,
      play() {
        if (this.unloaded) throw new Error('played an unloaded sound');
        this.playing = true;
        events.onPlay();
      },
      pause() {
        this.playing = false;
        events.onPause();
      },
      position() {
        return this.at;
      },
      seek(seconds) {
        this.at = seconds;
      },
      duration() {
        return this.length;
      },
      volume(level) {
        this.volumeLevel = level;
      },
      mute(muted) {
        this.muted = muted;
      },
      unload() {
        this.playing = false;
        this.unloaded = true;
      },
    };
    made.push(sound);
    return sound;
  };
  return { create, made, latest: () => made[made.length - 1]! };
}

/** Readiness from a fixed table: ids listed in `none` have no preview (with that reason); every other track is ready. */
export function readinessFrom(none: Record<string, string> = {}): ReadinessCheck {
  return async (trackId) => (trackId in none ? { ready: false, reason: none[trackId]! } : { ready: true });
}
