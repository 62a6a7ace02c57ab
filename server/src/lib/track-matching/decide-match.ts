import type { ProviderTrack } from '../../providers/music-provider.port';
import { normaliseIsrc } from '../isrc';
import { DURATION, MATCH_THRESHOLDS } from './match-thresholds';
import { detailsAgree, scoreCandidate, type CandidateScore } from './score-candidate';
import { textSimilarity } from './text-similarity';
import { profileOf, sourceOf, type SourceTrack, type TrackProfile } from './track-profile';
import { GATE_TAGS } from './version-tags';

export type MatchMethod = 'isrc' | 'search' | 'rule';

/** A target track with how sure the matcher is that it is the source, and why. */
export interface ScoredCandidate {
  track: ProviderTrack;
  /** 0..1 */
  confidence: number;
  via: 'isrc' | 'search';
  reasons: string[];
}

/** The matcher's verdict for one source track. */
export interface MatchDecision {
  outcome: 'matched' | 'needs_review' | 'not_found';
  /** Null unless matched. */
  chosen: ScoredCandidate | null;
  /** Best first, at most 5, excluding chosen. */
  alternatives: ScoredCandidate[];
  /** How the chosen (or best) candidate was found. */
  method: MatchMethod | null;
  /** Of chosen, or of the best alternative (0 when there is none). */
  confidence: number;
  /** Plain words for needs_review / not_found ("only a live version found", ...). */
  reason: string | null;
}

interface Scored {
  track: ProviderTrack;
  via: 'isrc' | 'search';
  profile: TrackProfile;
  score: CandidateScore;
  /** Source album agreement etc. for choosing between copies of the same recording. */
  albumAgrees: boolean;
}

/** The same song by the same artist in the same version (live, remix, ...): at most edits, remasters or releases apart. */
function sameSong(a: Scored, b: Scored): boolean {
  if (textSimilarity(a.profile.main, b.profile.main) < 0.95) return false;
  if (!a.profile.names.length || !b.profile.names.length || textSimilarity(a.profile.names[0]!, b.profile.names[0]!) < 0.95) return false;
  return GATE_TAGS.every((tag) => {
    const da = a.profile.tags.get(tag);
    const db = b.profile.tags.get(tag);
    if (!da || !db) return da === db;
    // Two named versions of one kind ("Tiësto Remix" / "Kygo Remix") are different recordings.
    return !da.length || !db.length || detailsAgree(da, db);
  });
}

/** Copies of one recording (album, single, compilation): the same song lasting as long. */
function sameRecording(a: Scored, b: Scored): boolean {
  const da = a.profile.durationMs;
  const db = b.profile.durationMs;
  return sameSong(a, b) && (da === null || db === null || Math.abs(da - db) <= DURATION.sameRecordingMs);
}

/**
 * How near a candidate's length is to the source's, by whole seconds up to two (0 nearest): copies
 * of one master last the same to the second, so a copy two seconds off (an earlier take, another
 * mix) yields to one that matches, whatever album it is on. Unknown lengths sit in the middle.
 */
function closeness(source: TrackProfile, candidate: TrackProfile): number {
  if (source.durationMs === null || candidate.durationMs === null) return -1;
  return -Math.min(2, Math.floor(Math.abs(source.durationMs - candidate.durationMs) / 1000));
}

/**
 * Among copies of the same recording, which one a person would want: the explicit flag the source
 * has (a playlist of explicit songs must not come back clean, even where a service gave the clean
 * copy the same ISRC), the ISRC hit (the very recording), the source's album, fewer version differences, the length
 * nearest the source's, an original album over a compilation or a single, the earliest release, then the closest album and title wording.
 */
function preferenceKey(source: TrackProfile, s: Scored): number[] {
  // Without a flag on the source, the explicit cut is the original; clean edits are derived from it.
  const wanted = source.explicit ?? true;
  const explicit = s.profile.explicit === null ? 1 : wanted === s.profile.explicit ? 2 : 0;
  const albumWording = source.albumFull && s.profile.albumFull ? textSimilarity(source.albumFull, s.profile.albumFull) : 0;
  return [
    source.explicit === null ? 0 : explicit,
    s.via === 'isrc' ? 1 : 0,
    explicit,
    s.albumAgrees ? 1 : 0,
    -s.score.penaltyMismatches,
    closeness(source, s.profile),
    s.profile.compilation ? 0 : 1,
    -s.profile.single,
    // The earliest release of a recording is its original album (a best-of named after the band comes later).
    s.profile.releaseYear === null ? -9999 : -s.profile.releaseYear,
    albumWording,
    textSimilarity(source.full, s.profile.full),
    s.score.rank,
  ];
}

const preferenceKeys = new WeakMap<Scored, number[]>();

function comparePreference(source: TrackProfile, a: Scored, b: Scored): number {
  const key = (s: Scored) => preferenceKeys.get(s) ?? preferenceKeys.set(s, preferenceKey(source, s)).get(s)!;
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
  return 0;
}

const asScoredCandidate = (s: Scored): ScoredCandidate => ({
  track: s.track,
  confidence: Math.round(s.score.confidence * 1000) / 1000,
  via: s.via,
  reasons: s.score.reasons,
});

/** Why nothing was accepted, in plain words: the versions that failed a gate, then what is off with the closest other candidate. */
function reasonFor(best: Scored | undefined, all: Scored[], offered: number): string {
  if (!best) return offered ? 'only tracks that cannot be played on the target service found' : 'no candidates found on the target service';
  const gated = all.find((s) => s.score.gateFailure && s.score.text >= MATCH_THRESHOLDS.review);
  const closest = all.find((s) => !s.score.gateFailure);
  const why = closest?.score.reasons.filter((r) => !r.startsWith('same ')).join(', ');
  const parts = [
    gated
      ? gated.score.gateFailure!.startsWith('not ')
        ? `only versions other than the ${gated.score.gateFailure!.slice(8)} found`
        : `only ${gated.score.gateFailure} found`
      : null,
    closest && why ? `${gated ? 'otherwise the closest: ' : 'closest candidate: '}${why}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'no candidate is close enough';
}

/** Candidates once each (an ISRC hit also found by search counts as the ISRC hit); unplayable tracks are left out. */
function distinct(candidates: Array<{ track: ProviderTrack; via: 'isrc' | 'search' }>) {
  const byId = new Map<string, { track: ProviderTrack; via: 'isrc' | 'search' }>();
  for (const c of candidates) {
    if (c.track.isLocal || !c.track.available) continue;
    const seen = byId.get(c.track.id);
    if (!seen || (seen.via === 'search' && c.via === 'isrc')) byId.set(c.track.id, c);
  }
  return [...byId.values()];
}

/**
 * Decides which candidate, if any, is the source track. Accepted only at high confidence with no
 * different-looking runner-up close behind; a middle band is left for review with alternatives;
 * below it, not found with a reason. A missed track is better than a wrong one.
 */
export function decideMatch(source: SourceTrack, candidates: Array<{ track: ProviderTrack; via: 'isrc' | 'search' }>): MatchDecision {
  const wanted = profileOf(source, normaliseIsrc);
  const scored: Scored[] = distinct(candidates).map(({ track, via }) => {
    const profile = profileOf(sourceOf(track), normaliseIsrc);
    const score = scoreCandidate(wanted, profile, via);
    return { track, via, profile, score, albumAgrees: score.reasons.includes('same album') };
  });
  scored.sort((a, b) => b.score.rank - a.score.rank || comparePreference(wanted, a, b));
  const best = scored[0];
  if (!best || best.score.confidence < MATCH_THRESHOLDS.review) {
    return {
      outcome: 'not_found',
      chosen: null,
      alternatives: scored.slice(0, MATCH_THRESHOLDS.maxAlternatives).map(asScoredCandidate),
      method: best?.via ?? null,
      confidence: best ? asScoredCandidate(best).confidence : 0,
      reason: reasonFor(best, scored, candidates.length),
    };
  }
  const close = scored.filter((s) => s.score.confidence >= best.score.confidence - MATCH_THRESHOLDS.ambiguityMargin && !s.score.gateFailure);
  const copies = close.filter((s) => sameRecording(s, best));
  const pick = copies.sort((a, b) => comparePreference(wanted, a, b))[0] ?? best;
  // A close runner-up that is another song (or another artist's) makes the pick a guess; other edits of
  // the same song are only less preferred copies.
  const rivals = close.filter((s) => !sameSong(s, pick) && !sameSong(s, best));
  const ordered = [pick, ...scored.filter((s) => s !== pick)];
  const accepted = pick.score.confidence >= MATCH_THRESHOLDS.accept && !rivals.length;
  const top = asScoredCandidate(pick);
  if (accepted) {
    return {
      outcome: 'matched',
      chosen: top,
      alternatives: ordered.slice(1, 1 + MATCH_THRESHOLDS.maxAlternatives).map(asScoredCandidate),
      method: pick.via,
      confidence: top.confidence,
      reason: null,
    };
  }
  const doubts = pick.score.reasons.filter((r) => !r.startsWith('same ')).join(', ');
  const why = rivals.length ? 'several different tracks fit equally well' : doubts ? `not sure: ${doubts}` : 'not sure enough';
  return {
    outcome: 'needs_review',
    chosen: null,
    alternatives: ordered.slice(0, MATCH_THRESHOLDS.maxAlternatives).map(asScoredCandidate),
    method: pick.via,
    confidence: top.confidence,
    reason: why,
  };
}
