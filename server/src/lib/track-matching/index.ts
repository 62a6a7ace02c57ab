/** The track matcher of playlist conversions and previews: which target track, if any, a source track is. */
export { decideMatch, type MatchDecision, type MatchMethod, type ScoredCandidate } from './decide-match';
export { normaliseIsrc } from '../isrc';
export { searchQueries } from './search-queries';
export type { SourceTrack } from './track-profile';
