import type { ConnectionList, ConversionCandidate, ConversionProgress, ConversionReportRow, ConversionView } from '@muse/shared';

/** A conversion of "Road trip" from Spotify to Apple Music, running, 10 of 40 tracks done. */
export function conversionView(overrides: Partial<ConversionView> = {}): ConversionView {
  return {
    id: 'conv-0000001',
    conversionId: 'conv-0000001',
    status: 'running',
    phase: 'matching',
    total: 40,
    processed: 10,
    matched: 8,
    needsReview: 1,
    notFound: 1,
    skipped: 0,
    written: 0,
    currentTrack: null,
    waitingUntil: null,
    source: { kind: 'service', provider: 'spotify', playlistId: 'sp-pl-1', title: 'Road trip' },
    target: 'apple',
    mode: 'new',
    name: 'Road trip',
    targetPlaylist: null,
    calls: { made: 0, minimum: 0 },
    error: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

/** A progress event for the conversion above. */
export function progressEvent(overrides: Partial<ConversionProgress> = {}): ConversionProgress {
  const {
    id: _id,
    source: _s,
    target: _t,
    mode: _m,
    name: _n,
    targetPlaylist: _p,
    calls: _c,
    error: _e,
    createdAt: _a,
    finishedAt: _f,
    ...live
  } = conversionView();
  return { ...live, ...overrides };
}

/** A target-service track offered for a source track. */
export function candidate(id: string, title: string, confidence: number, overrides: Partial<ConversionCandidate> = {}): ConversionCandidate {
  return {
    id,
    title,
    artists: ['Massive Attack'],
    album: 'Mezzanine',
    durationMs: 200_000,
    isrc: null,
    explicit: null,
    confidence,
    url: null,
    ...overrides,
  };
}

/** A report row; `index` 0-based. */
export function reportRow(index: number, title: string, overrides: Partial<ConversionReportRow> = {}): ConversionReportRow {
  return {
    index,
    source: { title, artists: ['Massive Attack'], album: 'Mezzanine', durationMs: 200_000, isrc: null, explicit: null },
    outcome: 'matched',
    reason: null,
    method: 'isrc',
    confidence: 0.98,
    chosen: candidate(`am-${index}`, title, 0.98),
    alternatives: [],
    written: true,
    notOnService: false,
    ...overrides,
  };
}

/** Spotify connected, Apple Music offered but not connected. */
export const spotifyOnly: ConnectionList = {
  items: [{ provider: 'spotify', displayName: 'Nina', scopes: [], status: 'active', connectedAt: '2026-11-01T00:00:00.000Z' }],
  available: ['spotify', 'apple'],
};
