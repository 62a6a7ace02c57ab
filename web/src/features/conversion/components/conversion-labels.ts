import type { ConversionMatchMethod, ConversionPhase, ConversionStatus, ConversionTarget, ConversionView, MatchOutcome } from '@muse/shared';
import { SERVICE_NAMES } from '../../../lib/music-services';

/** Where a conversion can write, by name. */
export const TARGET_NAMES: Record<ConversionTarget, string> = { ...SERVICE_NAMES, muse: 'Muse' };

export const TARGETS: ConversionTarget[] = ['spotify', 'apple', 'muse'];

/** Outcome badges: words first (never colour alone), with the pill's tone. */
export const OUTCOME_TEXT: Record<MatchOutcome, { label: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }> = {
  matched: { label: 'Matched', tone: 'ok' },
  needs_review: { label: 'Needs review', tone: 'warn' },
  not_found: { label: 'Not found', tone: 'bad' },
  skipped: { label: 'Skipped', tone: 'muted' },
};

export const METHOD_TEXT: Record<ConversionMatchMethod, string> = {
  isrc: 'ISRC',
  search: 'Search',
  rule: 'Your earlier choice',
  manual: 'Fixed by you',
  known: 'Matched before',
};

export const STATUS_TEXT: Record<ConversionStatus, { label: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }> = {
  queued: { label: 'Queued', tone: 'muted' },
  running: { label: 'Running', tone: 'warn' },
  done: { label: 'Done', tone: 'ok' },
  failed: { label: 'Failed', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
};

/** What the phase means in words, naming the services involved. */
export function phaseText(view: Pick<ConversionView, 'phase' | 'status' | 'target' | 'source'>): string {
  if (view.status === 'queued') return 'Waiting to start';
  if (view.status === 'cancelled') return 'Stopped: you cancelled it';
  if (view.status === 'failed') return 'Stopped by an error';
  if (view.status === 'done') return 'Finished';
  const phases: Record<ConversionPhase, string> = {
    reading: `Reading the playlist from ${sourceName(view.source)}`,
    matching: `Finding the tracks on ${TARGET_NAMES[view.target]}`,
    writing: `Adding the tracks to ${TARGET_NAMES[view.target]}`,
    finished: 'Finished',
  };
  return phases[view.phase];
}

/** The service a source lives on ("Muse" for a Muse playlist). */
export function sourceName(source: Pick<ConversionView['source'], 'kind' | 'provider'>): string {
  return source.kind === 'muse' || !source.provider ? 'Muse' : TARGET_NAMES[source.provider];
}

/** The service whose rate limit a conversion waits out: the source's while reading, else the target's. */
export function throttlingService(view: Pick<ConversionView, 'phase' | 'target' | 'source'>): string {
  if (view.phase === 'reading' || view.target === 'muse') return sourceName(view.source);
  return TARGET_NAMES[view.target];
}

/** A confidence in 0..1 as a whole percentage. */
export function formatConfidence(confidence: number | null): string {
  return confidence === null ? '—' : `${Math.round(confidence * 100)} %`;
}

/** "Artist, Artist – Title". */
export function trackLine(track: { title: string; artists: string[] }): string {
  return track.artists.length > 0 ? `${track.artists.join(', ')} – ${track.title}` : track.title;
}
