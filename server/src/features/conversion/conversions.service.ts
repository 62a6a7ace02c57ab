import { z } from 'zod';
import type { Redis } from 'ioredis';
import type { Response } from 'express';
import {
  isServicePlaylistId,
  readPlaylistUrl,
  type Connection,
  type ConversionCandidate,
  type ConversionCreateInput,
  type ConversionFixInput,
  type ConversionListQuery,
  type ConversionProgress,
  type ConversionReportQuery,
  type ConversionReportRow,
  type ConversionView,
  type Page,
  type ProviderName,
} from '@muse/shared';
import type { ConversionReportRepository } from '../../docstore/conversion-report-store.port';
import type { JobQueues } from '../../jobs/queues';
import { AppError } from '../../lib/app-error';
import { randomToken } from '../../lib/ids';
import { decodeOptionalCursor, encodeCursor, rowsToRead, TimestampKey, toPage } from '../../lib/pagination';
import { ProviderError } from '../../providers/music-provider.port';
import type { PlaylistsService } from '../playlists/playlists.service';
import { candidateOf, type StoredReportRow } from './conversion-decision';
import type { ConversionEndpoints } from './conversion-endpoints';
import { writeReportCsv } from './conversion-report-csv';
import type { ConversionRunner, RunOptions } from './conversion-runner';
import { SERVICE_NAMES } from './conversion-target';
import { conversionJob, conversionJobId } from './conversion.job';
import { decideMatch } from '../../lib/track-matching';
import { presentConversion, presentProgress, presentReportRow } from './conversions.presenter';
import type { ConversionRow, ConversionsRepo } from './conversions.repo';

export interface ConversionsServiceDeps {
  repo: ConversionsRepo;
  reports: ConversionReportRepository;
  queues: JobQueues;
  connections: { list(userId: string): Promise<Connection[]>; available(provider: ProviderName): boolean };
  playlists: Pick<PlaylistsService, 'readVisible'>;
  endpoints: ConversionEndpoints;
  runner: ConversionRunner;
  redis: Redis;
  prefix: string;
  announce(userId: string, conversionId: string): Promise<void>;
}

const LIST_CURSOR = 'conversions';
const REPORT_CURSOR = 'conversion-report';
/** How long search hits offered for a row stay pickable. */
const SEARCH_HITS_TTL_SECONDS = 24 * 3600;

const NOT_FOUND = () => AppError.notFound('Conversion');

/** A service call made for a request that failed: said plainly, never a 5xx. */
function serviceFailed(err: unknown, service: string): AppError {
  if (err instanceof ProviderError && err.kind === 'unauthorized')
    return AppError.conflict('connection_needs_reconnect', `Muse lost access to your ${service} account. Reconnect it in Settings.`);
  return AppError.conflict('service_unavailable', `${service} did not answer properly. Try again in a moment.`);
}

/**
 * Playlist conversions: start one (checking connections, access and what a sync appends to),
 * follow it, cancel it, read and download its report, and fix rows by hand — a fix is appended
 * to the target once and remembered as the user's rule for that source track.
 */
export class ConversionsService {
  constructor(private readonly deps: ConversionsServiceDeps) {}

  async create(userId: string, input: ConversionCreateInput): Promise<ConversionView> {
    const { repo } = this.deps;
    const source = await this.resolveSource(userId, input.source);
    if (source.kind === 'service') await this.requireConnection(userId, source.provider);
    if (input.target !== 'muse') await this.requireConnection(userId, input.target);

    let targetPlaylist: { id: string; url: string | null } | null = null;
    let name = input.name ?? source.title ?? '';
    if (input.mode === 'sync') {
      const previous = await repo.previousDone(userId, source.key, input.target);
      if (!previous)
        throw AppError.conflict(
          'nothing_to_sync',
          `There is no finished conversion of this playlist to ${SERVICE_NAMES[input.target]} to sync into. Convert it as a new playlist first.`,
        );
      targetPlaylist = { id: previous.target_playlist_id!, url: previous.target_playlist_url };
      name = previous.name;
    }
    const row = await repo.insert({
      id: randomToken(12).slice(0, 16),
      userId,
      sourceKind: source.kind,
      sourceProvider: source.kind === 'service' ? source.provider : null,
      sourcePlaylistId: source.playlistId,
      sourceKey: source.key,
      sourceTitle: source.title,
      target: input.target,
      mode: input.mode,
      name,
      targetPlaylistId: targetPlaylist?.id ?? null,
      targetPlaylistUrl: targetPlaylist?.url ?? null,
    });
    await this.deps.queues.enqueue(conversionJob, { conversionId: row.id }, { jobId: conversionJobId(row.id) });
    await this.deps.announce(userId, row.id);
    return presentConversion(row);
  }

  async list(userId: string, query: ConversionListQuery): Promise<Page<ConversionView>> {
    const after = decodeOptionalCursor(query.cursor, LIST_CURSOR, z.tuple([TimestampKey, z.string().max(40)]));
    const rows = await this.deps.repo.listByUser(userId, after ? { at: after[0], id: after[1] } : undefined, rowsToRead(query.limit));
    return toPage(rows, query.limit, presentConversion, (last) => encodeCursor(LIST_CURSOR, [last.at_key, last.id]));
  }

  async get(userId: string, id: string): Promise<ConversionView> {
    return presentConversion(await this.owned(userId, id));
  }

  /** The live snapshot the socket sends, or null when the conversion is gone. */
  async progress(userId: string, id: string): Promise<ConversionProgress | null> {
    const row = await this.deps.repo.findForUser(userId, id);
    return row ? presentProgress(row) : null;
  }

  /** Stops a queued or running conversion; its report and what it wrote stay. A finished one is answered as it is. */
  async cancel(userId: string, id: string): Promise<ConversionView> {
    await this.owned(userId, id);
    if (await this.deps.repo.finish(id, 'cancelled', null)) await this.deps.announce(userId, id);
    return presentConversion((await this.deps.repo.find(id))!);
  }

  async report(userId: string, id: string, query: ConversionReportQuery): Promise<Page<ConversionReportRow>> {
    await this.owned(userId, id);
    const after = decodeOptionalCursor(query.cursor, REPORT_CURSOR, z.tuple([z.number().int().min(0).max(1_000_000)]));
    const rows = await this.deps.reports.listRows(id, { afterIndex: after?.[0], limit: rowsToRead(query.limit), outcome: query.outcome });
    return toPage(rows, query.limit, presentReportRow, (last) => encodeCursor(REPORT_CURSOR, [last.index]));
  }

  /** Streams the whole report as CSV, a few hundred rows at a time. */
  async downloadCsv(userId: string, id: string, res: Response): Promise<void> {
    const conv = await this.owned(userId, id);
    await writeReportCsv(this.deps.reports, conv, res);
  }

  /** Target tracks for a row being fixed; each is remembered for a day as one the row may be fixed with. */
  async search(userId: string, id: string, index: number, q: string): Promise<ConversionCandidate[]> {
    const conv = await this.owned(userId, id);
    const row = await this.row(id, index);
    const target = await this.deps.endpoints.target(userId, conv.target, conv.id);
    let hits;
    try {
      hits = await target.search(q);
    } catch (err) {
      throw serviceFailed(err, target.serviceName);
    }
    const decision = decideMatch(
      row.source,
      hits.map((track) => ({ track, via: 'search' as const })),
    );
    const confidence = new Map([decision.chosen, ...decision.alternatives].flatMap((c) => (c ? [[c.track.id, c.confidence] as const] : [])));
    const candidates = hits.map((t) => candidateOf(t, confidence.get(t.id) ?? 0));
    if (candidates.length) {
      const key = this.hitsKey(id, index);
      await this.deps.redis
        .multi()
        .hset(key, Object.fromEntries(candidates.map((c) => [c.id, JSON.stringify(c)])))
        .expire(key, SEARCH_HITS_TTL_SECONDS)
        .exec();
    }
    return candidates;
  }

  /** Fixes a row by hand: a pick is appended once and remembered; "not on this service" is remembered and not offered again. */
  async fix(userId: string, id: string, index: number, input: ConversionFixInput): Promise<ConversionReportRow> {
    const { repo, reports } = this.deps;
    const conv = await this.owned(userId, id);
    if (conv.status === 'queued' || conv.status === 'running')
      throw AppError.conflict('conversion_running', 'This conversion is still running. Fix its rows once it has finished.');
    const row = await this.row(id, index);
    const key = row.sourceKey ?? `isrc-or-text:${row.source.isrc ?? `${row.source.artists.join(' & ')}|${row.source.title}`.toLowerCase()}`;
    const from = row.outcome;

    if (input.action === 'not_on_service') {
      if (from === 'matched' || from === 'skipped')
        throw AppError.conflict('row_not_fixable', `This track is ${from}; only tracks that need review or were not found can be marked.`);
      const service = SERVICE_NAMES[conv.target];
      const fixed: StoredReportRow = {
        ...row,
        outcome: 'not_found',
        method: 'manual',
        reason: `You marked this track as not on ${service}.`,
        alternatives: [],
        notOnService: true,
      };
      await repo.saveRule(userId, conv.target, key, 'not_on_service', null);
      await reports.putRows(id, userId, [fixed]);
      await repo.applyFix(id, from, 'not_found', false);
      await this.deps.announce(userId, id);
      return presentReportRow(fixed);
    }

    const trackId = input.trackId;
    if (from === 'matched' && row.method === 'manual' && row.chosen?.id === trackId && row.written) return presentReportRow(row);
    if (from === 'matched' || from === 'skipped')
      throw AppError.conflict('row_not_fixable', `This track is ${from}; only tracks that need review or were not found can be fixed.`);
    const candidate = await this.pickable(id, row, trackId);
    if (!conv.target_playlist_id) throw AppError.conflict('no_target_playlist', 'This conversion made no playlist to add the track to.');
    const target = await this.deps.endpoints.target(userId, conv.target, conv.id);
    try {
      if (await repo.claimFixWrite(id, index, trackId)) await target.append(conv.target_playlist_id, [trackId]);
      else if (!(await this.inTarget(target, conv.target_playlist_id, trackId))) await target.append(conv.target_playlist_id, [trackId]);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw serviceFailed(err, target.serviceName);
    }
    const fixed: StoredReportRow = {
      ...row,
      outcome: 'matched',
      method: 'manual',
      reason: null,
      confidence: 1,
      chosen: { ...candidate, confidence: 1 },
      alternatives: row.alternatives.filter((a) => a.id !== trackId),
      written: true,
      notOnService: false,
    };
    await repo.saveRule(userId, conv.target, key, 'pick', { ...candidate, confidence: 1 });
    await reports.putRows(id, userId, [fixed]);
    await repo.applyFix(id, from, 'matched', true);
    await this.deps.announce(userId, id);
    return presentReportRow(fixed);
  }

  /** The job's work (see ConversionRunner). */
  run(conversionId: string, options: RunOptions): Promise<void> {
    return this.deps.runner.run(conversionId, options);
  }

  private async owned(userId: string, id: string): Promise<ConversionRow> {
    const row = await this.deps.repo.findForUser(userId, id);
    if (!row) throw NOT_FOUND();
    return row;
  }

  private async row(id: string, index: number): Promise<StoredReportRow> {
    const row = await this.deps.reports.getRow(id, index);
    if (!row) throw AppError.notFound('Report row');
    return row;
  }

  /** The candidate a pick names: one the row offered, or a search hit shown for it. */
  private async pickable(id: string, row: StoredReportRow, trackId: string): Promise<ConversionCandidate> {
    const offered = [row.chosen, ...row.alternatives].find((c) => c?.id === trackId);
    if (offered) return offered;
    const hit = await this.deps.redis.hget(this.hitsKey(id, row.index), trackId);
    if (hit) return JSON.parse(hit) as ConversionCandidate;
    throw new AppError(422, 'unknown_track', 'Pick one of the alternatives offered for this track, or a result of searching for it.', [
      { path: 'trackId', message: 'Not an alternative or a search result for this track' },
    ]);
  }

  /** Whether the target playlist holds a track (a replayed fix whose first attempt may have appended). */
  private async inTarget(target: Awaited<ReturnType<ConversionEndpoints['target']>>, playlistId: string, trackId: string): Promise<boolean> {
    for await (const ids of target.readIds(playlistId)) if (ids.includes(trackId)) return true;
    return false;
  }

  private hitsKey(id: string, index: number): string {
    return `${this.deps.prefix}conversion-hits:${id}:${index}`;
  }

  private async requireConnection(userId: string, provider: ProviderName): Promise<void> {
    const service = SERVICE_NAMES[provider];
    if (!this.deps.connections.available(provider))
      throw AppError.conflict('connection_required', `${service} is not available on this server, so nothing can be converted from or to it.`);
    const connection = (await this.deps.connections.list(userId)).find((c) => c.provider === provider);
    if (!connection) throw AppError.conflict('connection_required', `Connect your ${service} account in Settings first.`);
    if (connection.status === 'needs_reconnect')
      throw AppError.conflict('connection_needs_reconnect', `Muse lost access to your ${service} account. Reconnect it in Settings.`);
  }

  private async resolveSource(
    userId: string,
    source: ConversionCreateInput['source'],
  ): Promise<
    { kind: 'muse'; playlistId: string; title: string; key: string } | { kind: 'service'; provider: ProviderName; playlistId: string; title: null; key: string }
  > {
    if (source.kind === 'muse') {
      const { doc } = await this.deps.playlists.readVisible(source.playlistId, userId, undefined, { entries: 0 });
      if (doc.kind !== 'playlist') throw AppError.badRequest('not_a_playlist', 'Only playlists of tracks can be converted, not album lists.');
      return { kind: 'muse', playlistId: doc.id, title: doc.title, key: `muse:${doc.id}` };
    }
    let provider: ProviderName;
    let playlistId: string;
    if (source.kind === 'url') {
      const reading = readPlaylistUrl(source.url);
      if (!reading.ok) throw AppError.badRequest(reading.code, reading.message, [{ path: 'source.url', message: reading.message }]);
      ({ provider, playlistId } = reading);
    } else {
      ({ provider, playlistId } = source);
      if (!isServicePlaylistId(provider, playlistId))
        throw AppError.badRequest('invalid_playlist_id', `This is not a ${SERVICE_NAMES[provider]} playlist id.`, [
          { path: 'source.playlistId', message: 'Not a playlist id of the service' },
        ]);
    }
    return { kind: 'service', provider, playlistId, title: null, key: `${provider}:${playlistId}` };
  }
}
