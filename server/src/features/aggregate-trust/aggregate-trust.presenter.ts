import type { AggregateHoldView, AlbumSummary, ModerationLogEntry } from '@muse/shared';
import { weightedScore } from '../../http/presenters/catalog.presenter';
import type { HeldAlbumRow, ModerationLogRow } from './aggregate-trust.repo';
import { lowHistoryMean } from './surge-rule';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A held album for moderators: the score shown while held beside the one the ratings would give now. */
export function presentHold(row: HeldAlbumRow, album: AlbumSummary, priorMean: number): AggregateHoldView {
  const live = { ...row, held_at: null };
  return {
    album,
    heldSince: new Date(row.held_at!).toISOString(),
    heldScore: row.count ? round2(weightedScore(row, priorMean)) : null,
    liveScore: row.count ? round2(weightedScore(live, priorMean)) : null,
    lowHistoryCount: row.low,
    lowHistoryMean: lowHistoryMean({ low: row.low, lowSum: row.low_sum }),
  };
}

/** A public log entry: the action, the album, when, and the counts behind it; never who rated or which moderator. */
export function presentLogEntry(row: ModerationLogRow, album: AlbumSummary): ModerationLogEntry {
  return {
    id: row.id,
    action: row.action,
    album,
    by: row.moderator_id === null && row.action === 'hold' ? 'rule' : 'moderator',
    ratings: row.detail.ratings ?? null,
    mean: row.detail.mean ?? null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
