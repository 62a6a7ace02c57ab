import { describe, expect, it } from 'vitest';
import { clockOffsetFrom, playbackSecondsAt } from './playback-position';

const at = (iso: string) => Date.parse(iso);

describe('playbackSecondsAt', () => {
  it('when the shared player plays, then a late joiner lands the time since the update further on', () => {
    const playback = { positionMs: 10_000, playing: true, updatedAt: '2026-12-07T20:00:00.000Z' };
    expect(playbackSecondsAt(playback, 0, at('2026-12-07T20:00:04.500Z'))).toBe(14.5);
  });

  it('when it is paused, then the position stays where it was stored', () => {
    const playback = { positionMs: 10_000, playing: false, updatedAt: '2026-12-07T20:00:00.000Z' };
    expect(playbackSecondsAt(playback, 0, at('2026-12-07T20:05:00.000Z'))).toBe(10);
  });

  it('when this browser’s clock is two seconds behind the server, then the offset puts it right, and never before the stored position', () => {
    const playback = { positionMs: 5_000, playing: true, updatedAt: '2026-12-07T20:00:03.000Z' };
    const offset = clockOffsetFrom('2026-12-07T20:00:03.000Z', at('2026-12-07T20:00:01.000Z'));
    expect(offset).toBe(2000);
    expect(playbackSecondsAt(playback, offset, at('2026-12-07T20:00:02.000Z'))).toBe(6);
    expect(playbackSecondsAt(playback, 0, at('2026-12-07T20:00:00.000Z'))).toBe(5);
    expect(clockOffsetFrom('not a time', 0)).toBe(0);
  });
});
