import type { Redis } from 'ioredis';
import type { AlbumSummary, ChartFacets, ChartGrowth, ChartQuery, RatingStats } from '@muse/shared';

/** A chart as stored: ranked album ids with their stats; albums live once per version. */
export interface CachedChart {
  /** Display name of the genre, or the year, or null. */
  label: string | number | null;
  entries: { rank: number; albumId: string; stats: RatingStats; recentCount?: number; growth?: ChartGrowth }[];
}

/** When a snapshot was computed and with which Bayesian parameters. */
export interface ChartsMeta {
  computedAt: string;
  priorMean: number;
  priorWeight: number;
  minCount: number;
}

/** The page's filters, stored with each snapshot. */
export type ChartsFacets = ChartFacets;

/** A whole refresh: every chart, the facets and the albums they mention. */
export interface ChartsSnapshot {
  meta: ChartsMeta;
  facets: ChartsFacets;
  charts: Map<string, CachedChart>;
  albums: Map<string, AlbumSummary>;
}

/** Where a chart lives inside a snapshot. Genres compare without case. */
export function chartField(query: Pick<ChartQuery, 'kind' | 'year' | 'genre'>): string | null {
  switch (query.kind) {
    case 'all-time':
    case 'trending':
    case 'growers':
      return query.kind;
    case 'year':
      return query.year === undefined ? null : `year:${query.year}`;
    case 'genre':
      return query.genre === undefined ? null : `genre:${query.genre.trim().toLowerCase()}`;
  }
}

// Readers may still hold the previous version's id for a moment after a switch.
const OLD_VERSION_TTL_SECONDS = 600;
const ALBUM_WRITE_CHUNK = 500;

// Switches the pointer only to a newer snapshot, so a slow refresh cannot replace a fresher one.
const SWITCH_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(string.match(current, '^(%d+)')) > tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
if current then
  redis.call('EXPIRE', ARGV[3] .. current, ARGV[4])
  redis.call('EXPIRE', ARGV[3] .. current .. ':albums', ARGV[4])
end
return 1`;

/**
 * Charts in Redis as versioned snapshots: `charts:<version>` (hash of chart JSON by field) and
 * `charts:<version>:albums` (hash of album summaries), with `charts:current` naming the live
 * version. A refresh writes a new version and switches the pointer atomically, so a reader
 * never sees half of one refresh and half of another.
 */
export class ChartsCache {
  private readonly base: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.base = `${prefix}charts:`;
  }

  /** Stores a snapshot and makes it current unless a newer one already is. */
  async write(snapshot: ChartsSnapshot): Promise<boolean> {
    const version = `${Date.parse(snapshot.meta.computedAt)}-${Math.random().toString(36).slice(2, 10)}`;
    const key = this.base + version;
    const fields: string[] = ['meta', JSON.stringify(snapshot.meta), 'facets', JSON.stringify(snapshot.facets)];
    for (const [field, chart] of snapshot.charts) fields.push(field, JSON.stringify(chart));
    const pipeline = this.redis
      .multi()
      .del(key, `${key}:albums`)
      .hset(key, ...fields);
    const albums = [...snapshot.albums];
    for (let i = 0; i < albums.length; i += ALBUM_WRITE_CHUNK) {
      pipeline.hset(`${key}:albums`, ...albums.slice(i, i + ALBUM_WRITE_CHUNK).flatMap(([id, album]) => [id, JSON.stringify(album)]));
    }
    await pipeline.exec();
    const switched = await this.redis.eval(
      SWITCH_SCRIPT,
      1,
      `${this.base}current`,
      version,
      Date.parse(snapshot.meta.computedAt),
      this.base,
      OLD_VERSION_TTL_SECONDS,
    );
    if (!switched) await this.redis.multi().expire(key, OLD_VERSION_TTL_SECONDS).expire(`${key}:albums`, OLD_VERSION_TTL_SECONDS).exec();
    return Boolean(switched);
  }

  /** The live snapshot's meta and one chart (null when that chart is empty); null when nothing is cached. */
  async readChart(field: string | null, limit: number): Promise<{ meta: ChartsMeta; chart: CachedChart | null; albums: Map<string, AlbumSummary> } | null> {
    const version = await this.redis.get(`${this.base}current`);
    if (!version) return null;
    const key = this.base + version;
    const [metaJson, chartJson] = await this.redis.hmget(key, 'meta', field ?? 'meta');
    if (!metaJson) return null;
    const chart = field && chartJson ? (JSON.parse(chartJson) as CachedChart) : null;
    if (chart) chart.entries = chart.entries.slice(0, limit);
    const ids = chart?.entries.map((e) => e.albumId) ?? [];
    const albumJson = ids.length ? await this.redis.hmget(`${key}:albums`, ...ids) : [];
    const albums = new Map<string, AlbumSummary>();
    albumJson.forEach((json, i) => json && albums.set(ids[i]!, JSON.parse(json) as AlbumSummary));
    return { meta: JSON.parse(metaJson) as ChartsMeta, chart, albums };
  }

  /** The live snapshot's facets, or null when nothing is cached. */
  async readFacets(): Promise<ChartsFacets | null> {
    const version = await this.redis.get(`${this.base}current`);
    if (!version) return null;
    const json = await this.redis.hget(this.base + version, 'facets');
    return json ? (JSON.parse(json) as ChartsFacets) : null;
  }
}
