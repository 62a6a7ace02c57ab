import { z } from 'zod';
import type { AggregateHoldListQuery, AggregateHoldPage, HoldDecisionInput, ModerationLogPage, ModerationLogQuery } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { Transactions } from '../../db/transaction';
import { decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, TimestampKey, toPage } from '../../lib/pagination';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { presentAlbumSummary } from '../../http/presenters/catalog.presenter';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import type { PriorMeanCache } from '../../lib/prior-mean.cache';
import type { RaterWeightRule } from '../../lib/rater-weight';
import { presentHold, presentLogEntry } from './aggregate-trust.presenter';
import type { AggregateTrustRepo } from './aggregate-trust.repo';
import { isSurge, lowHistoryMean, type SurgeRule } from './surge-rule';

export interface AggregateTrustServiceDeps {
  transactions: Transactions;
  repo: AggregateTrustRepo;
  catalog: Pick<CatalogReadModel, 'albumSummaries'>;
  priorMean: PriorMeanCache;
  events: DomainEventPublisher;
  surge: SurgeRule;
  weights: RaterWeightRule;
  logger: Logger;
  /** Asks for the charts to be recomputed soon (they rank by the held score while a hold is on). */
  requestChartsRefresh(): Promise<void>;
}

const HOLDS = 'aggregate-holds';
const HOLD_KEYS = z.tuple([TimestampKey, IdKey]);
const LOG = 'moderation-log';
const LOG_KEYS = z.tuple([IdKey]);

/**
 * Brigading defence around the weighted score: the surge rule, run after every album rating from
 * a low-history account, holds an album's weighted score at its last stable value; moderators
 * release the hold or confirm the brigade (its ratings then lose their weight); every hold and
 * decision goes to the public moderation log. A sweep gives full weight to accounts that became
 * established.
 */
export class AggregateTrustService {
  constructor(private readonly deps: AggregateTrustServiceDeps) {}

  /** Runs the surge rule on the album and holds it when the rule says so; a held album is left alone. */
  async checkAfterRating(albumId: string): Promise<void> {
    const { repo, surge } = this.deps;
    const window = await repo.surgeWindow(albumId, surge.windowHours);
    if (!window || window.held_at) return;
    const facts = {
      recent: window.recent,
      low: window.low,
      lowSum: window.low_sum,
      stableWeightSum: Number(window.stable_weight_sum),
      stableWeightedSum: Number(window.stable_weighted_sum),
    };
    if (!isSurge(facts, surge, await this.deps.priorMean.get())) return;
    const detail = { ratings: facts.low, mean: lowHistoryMean(facts) ?? 0 };
    const held = await this.deps.transactions.run((trx) => repo.hold(trx, albumId, detail));
    if (!held) return;
    this.deps.logger.info({ albumId, ...detail }, 'weighted score held: surge of ratings from low-history accounts');
    await this.changed(albumId);
  }

  /** Held albums for moderators, oldest hold first. */
  async holds(query: AggregateHoldListQuery): Promise<AggregateHoldPage> {
    const after = decodeOptionalCursor(query.cursor, HOLDS, HOLD_KEYS);
    const rows = await this.deps.repo.held(rowsToRead(query.limit), this.deps.surge.windowHours, after && { heldAt: after[0], albumId: after[1] });
    const [albums, prior] = await Promise.all([this.albums(rows.map((r) => r.album_id)), this.deps.priorMean.get()]);
    const shown = rows.filter((r) => albums.has(r.album_id));
    return toPage(
      shown,
      query.limit,
      (r) => presentHold(r, albums.get(r.album_id)!, prior),
      (last) => encodeCursor(HOLDS, [last.held_key, last.album_id]),
    );
  }

  /**
   * A moderator's decision on a held album: 404 for an unknown album, 409 `not_held` when no hold
   * is on (already decided, or never held). The album's watchers and the charts follow.
   */
  async decide(moderatorId: string, albumId: string, input: HoldDecisionInput): Promise<void> {
    const { repo } = this.deps;
    if (!(await repo.albumExists(albumId))) throw AppError.notFound('Album');
    const ended = await this.deps.transactions.run((trx) => repo.endHold(trx, albumId, moderatorId, input.decision, this.deps.surge.windowHours));
    if (!ended) throw AppError.conflict('not_held', 'This album’s score is not held.');
    this.deps.logger.info({ albumId, moderatorId, decision: input.decision }, 'weighted score hold ended');
    await this.changed(albumId);
  }

  /** The public moderation log, newest first. */
  async log(query: ModerationLogQuery): Promise<ModerationLogPage> {
    const before = decodeOptionalCursor(query.cursor, LOG, LOG_KEYS);
    const rows = await this.deps.repo.logPage(rowsToRead(query.limit), before?.[0]);
    const albums = await this.albums(rows.map((r) => r.album_id));
    return toPage(
      rows.filter((r) => albums.has(r.album_id)),
      query.limit,
      (r) => presentLogEntry(r, albums.get(r.album_id)!),
      (last) => encodeCursor(LOG, [last.id]),
    );
  }

  /** Full weight for the ratings of accounts that became established (a batch per call); answers how many ratings moved. */
  async reweigh(): Promise<number> {
    const moved = await this.deps.repo.reweigh(this.deps.weights);
    if (moved) this.deps.logger.info({ moved }, 'ratings of newly established accounts now count with full weight');
    return moved;
  }

  private async albums(ids: string[]) {
    const rows = await this.deps.catalog.albumSummaries([...new Set(ids)]);
    return new Map(rows.map((row) => [String(row.id), presentAlbumSummary(row)]));
  }

  private async changed(albumId: string): Promise<void> {
    await Promise.all([this.deps.events.publish({ type: 'album.stats_changed', albumId }), this.deps.requestChartsRefresh()]);
  }
}
