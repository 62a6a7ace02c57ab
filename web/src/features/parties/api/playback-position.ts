import type { PartyPlayback } from '@muse/shared';

/**
 * Where the shared player is now, in seconds: the stored position, plus the time since it was
 * stored while playing. `clockOffsetMs` is the server's clock minus this browser's (from the
 * `serverTime` of the latest answer), so a listener whose clock is off still lands on the beat.
 */
export function playbackSecondsAt(playback: Pick<PartyPlayback, 'positionMs' | 'playing' | 'updatedAt'>, clockOffsetMs: number, nowMs: number): number {
  if (!playback.playing) return playback.positionMs / 1000;
  const elapsed = Math.max(0, nowMs + clockOffsetMs - Date.parse(playback.updatedAt));
  return (playback.positionMs + elapsed) / 1000;
}

/** The server's clock minus this browser's, from a server time read just now. */
export function clockOffsetFrom(serverTime: string, receivedAtMs: number): number {
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? 0 : server - receivedAtMs;
}
