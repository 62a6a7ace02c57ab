import type { ConversionCandidate, ConversionMatchMethod, ConversionReportRow, MatchOutcome } from '@muse/shared';
import type { ProviderTrack } from '../../providers/music-provider.port';
import type { MatchDecision, ScoredCandidate } from '../../lib/track-matching';
import type { RuleRow } from './conversions.repo';
import type { Counterpart } from './track-counterparts.repo';

/** What became of one source track on the target: the report row without its source and write flag. */
export interface TrackDecision {
  outcome: MatchOutcome;
  reason: string | null;
  method: ConversionMatchMethod | null;
  confidence: number | null;
  chosen: ConversionCandidate | null;
  alternatives: ConversionCandidate[];
  notOnService: boolean;
}

/** A report row as stored: with the source track's identity, which a fix by hand remembers its rule under. */
export type StoredReportRow = ConversionReportRow & { sourceKey?: string };

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A service track as the report shows it. */
export function candidateOf(track: ProviderTrack, confidence: number): ConversionCandidate {
  return {
    id: track.id,
    title: track.title,
    artists: track.artists,
    album: track.album?.title ?? null,
    durationMs: track.durationMs,
    isrc: track.isrc,
    explicit: track.explicit,
    confidence: round(confidence),
    url: track.url ?? null,
  };
}

const scored = (c: ScoredCandidate) => candidateOf(c.track, c.confidence);

/** The matcher's verdict as a report row's fields. */
export function fromMatch(d: MatchDecision): TrackDecision {
  return {
    outcome: d.outcome,
    reason: d.reason,
    method: d.method,
    confidence: d.chosen || d.alternatives.length ? round(d.confidence) : null,
    chosen: d.chosen ? scored(d.chosen) : null,
    alternatives: d.alternatives.slice(0, 5).map(scored),
    notOnService: false,
  };
}

/** A remembered rule decides the track without asking the service. */
export function fromRule(rule: RuleRow, serviceName: string): TrackDecision {
  if (rule.action === 'not_on_service' || !rule.track) {
    return {
      outcome: 'not_found',
      reason: `You marked this track as not on ${serviceName}.`,
      method: 'rule',
      confidence: null,
      chosen: null,
      alternatives: [],
      notOnService: true,
    };
  }
  const track = rule.track as ConversionCandidate;
  return { outcome: 'matched', reason: null, method: 'rule', confidence: 1, chosen: { ...track, confidence: 1 }, alternatives: [], notOnService: false };
}

/** An earlier conversion's verdict for the same service track decides it without asking the service. */
export function fromKnown(known: Counterpart, serviceName: string): TrackDecision {
  if (!known.target) {
    const day = known.decidedAt.toISOString().slice(0, 10);
    const reason = `Not found on ${serviceName} when it was last looked up (${day}).`;
    return { outcome: 'not_found', reason, method: 'known', confidence: null, chosen: null, alternatives: [], notOnService: false };
  }
  return { outcome: 'matched', reason: null, method: 'known', confidence: known.confidence, chosen: known.target, alternatives: [], notOnService: false };
}

/** A track the job cannot convert (local file, unavailable), with why. */
export function skipped(reason: string): TrackDecision {
  return { outcome: 'skipped', reason, method: null, confidence: null, chosen: null, alternatives: [], notOnService: false };
}
