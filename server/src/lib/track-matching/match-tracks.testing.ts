import type { ProviderTrack } from '../../providers/music-provider.port';
import type { SourceTrack } from './track-profile';

let next = 0;

/** A source track for matcher tests: a plain studio recording unless the overrides say otherwise. */
export function sourceTrack(overrides: Partial<SourceTrack> = {}): SourceTrack {
  return {
    title: 'Mr. Blue Sky',
    artists: ['Electric Light Orchestra'],
    album: 'Out of the Blue',
    durationMs: 303_000,
    isrc: null,
    explicit: false,
    ...overrides,
  };
}

/** A target-service track for matcher tests, the same recording as `sourceTrack()` unless the overrides say otherwise. */
export function targetTrack(overrides: Partial<Omit<ProviderTrack, 'album'>> & { album?: string | null } = {}): ProviderTrack {
  const { album = 'Out of the Blue', ...rest } = overrides;
  return {
    id: `t${++next}`,
    title: 'Mr. Blue Sky',
    artists: ['Electric Light Orchestra'],
    album: album === null ? null : { id: null, title: album },
    durationMs: 303_500,
    isrc: null,
    explicit: false,
    available: true,
    isLocal: false,
    ...rest,
  };
}

/** Candidates as found by search. */
export const bySearch = (...tracks: ProviderTrack[]) => tracks.map((track) => ({ track, via: 'search' as const }));
/** Candidates as found by the ISRC lookup. */
export const byIsrc = (...tracks: ProviderTrack[]) => tracks.map((track) => ({ track, via: 'isrc' as const }));
