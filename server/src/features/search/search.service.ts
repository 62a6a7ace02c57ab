import type { PlaylistSummary, SearchQuery, SearchResults } from '@muse/shared';
import type { AggregateHidden } from '../../http/presenters/catalog.presenter';
import { JsonText } from '../../http/json-text';
import { ExpiringLruMap } from '../../lib/expiring-lru-map';
import { CATALOG_HITS_TTL_MS, CatalogHitsCache, MARKED_CATALOG_HITS_TTL_MS, type CatalogHits } from './catalog-hits.cache';
import { presentSearchResults, type SearchHits } from './search.presenter';
import type { SearchFilters, SearchGroups, SearchRepo } from './search.repo';
import type { SearchFactVersions } from './search-versions';

export interface SearchServiceDeps {
  repo: SearchRepo;
  /** The Bayesian prior for album stats (cached by the caller). */
  priorMean: () => Promise<number>;
  /** Public playlists by title, held to the playlists' access rule for this viewer. */
  playlists(text: string, viewerId: string | null, limit: number): Promise<PlaylistSummary[]>;
  /** Recent searches' catalog answers; each service keeps its own unless given one (tests give one with a clock). */
  catalogHits?: CatalogHitsCache;
  /** The pre-release embargo: albums whose aggregate is hidden (none unless given). */
  aggregateHidden?: AggregateHidden;
  /**
   * The versions of people's and the catalog's search-visible facts (see SearchVersions): given,
   * whole answers are kept and served as their JSON text while both stand, catalog answers while
   * the catalog's stands, each for at most MARKED_CATALOG_HITS_TTL_MS (CATALOG_HITS_TTL_MS without).
   */
  versions?: { current(): Promise<SearchFactVersions> };
  /** Characters of whole answers kept (SEARCH_ANSWER_BYTES unless given). */
  keptAnswerBytes?: number;
  now?: () => number;
}

/**
 * What one process keeps of whole search answers, counted in characters of their text: the
 * answers asked lately, within a bound that many odd searches with a large limit cannot pass.
 */
export const SEARCH_ANSWER_BYTES = 16 * 1024 * 1024;

interface KeptAnswer {
  /** The versions it was read under. */
  people: string;
  catalog: string;
  json: JsonText;
  bytes: number;
}

// Postgres text cannot hold NUL, and no control character is worth searching for.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** The one search box: albums, artists, tracks and users in one answer. */
export class SearchService {
  private readonly catalogHits: CatalogHitsCache;
  private readonly answers: ExpiringLruMap<string, KeptAnswer>;

  constructor(private readonly deps: SearchServiceDeps) {
    const ttlMs = deps.versions ? MARKED_CATALOG_HITS_TTL_MS : CATALOG_HITS_TTL_MS;
    this.catalogHits = deps.catalogHits ?? new CatalogHitsCache(ttlMs, deps.now);
    this.answers = new ExpiringLruMap(deps.keptAnswerBytes ?? SEARCH_ANSWER_BYTES, ttlMs, deps.now, (answer) => answer.bytes);
  }

  /**
   * The search's answer as JSON text. Everything but playlists is the same for every viewer, so
   * a whole answer is kept, as the text sent, while what it found stands (the versions of
   * people's and the catalog's facts it was read under have not moved; a minute at most): the
   * search box asks on every keystroke and people type the same beginnings. Playlists are held
   * to each viewer's access and read every time.
   */
  async answer(query: SearchQuery, viewerId: string | null = null): Promise<JsonText> {
    const { versions } = this.deps;
    if (!versions || query.type === 'playlist') return new JsonText(JSON.stringify(await this.search(query, viewerId)));
    const key = JSON.stringify([query.q, query.type, query.genre ?? null, query.year ?? null, query.limit]);
    // Read before the search, so an answer that overlapped a change carries the older version.
    const read = await versions.current();
    const kept = this.answers.get(key);
    if (kept && kept.people === read.people && kept.catalog === read.catalog) return kept.json;
    const text = JSON.stringify(await this.search(query, viewerId, read.catalog));
    const json = new JsonText(text);
    this.answers.set(key, { ...read, json, bytes: text.length + key.length });
    return json;
  }

  /**
   * Finds what the text names, best first, in each requested group. A genre or year narrows
   * albums, tracks (by their album) and artists (by an album of theirs) and leaves users out.
   */
  async search(query: SearchQuery, viewerId: string | null = null, catalogVersion?: string): Promise<SearchResults> {
    const text = query.q.replace(CONTROL_CHARACTERS, ' ').trim();
    const empty: SearchHits = { albums: [], artists: [], tracks: [], users: [] };
    if (!text) return presentSearchResults(query.q, empty, 0);

    const filters = { genre: query.genre?.replace(CONTROL_CHARACTERS, ' '), year: query.year };
    const filtered = filters.genre !== undefined || filters.year !== undefined;
    const wants = (type: SearchQuery['type']) => query.type === 'all' || query.type === type;
    const groups = { albums: wants('album'), artists: wants('artist'), tracks: wants('track'), users: wants('user') && !filtered };

    // Playlists only when asked for by type: the search box asks for everything on every
    // keystroke, and a title search over every public playlist there halved search's capacity;
    // the results page asks for playlists in a request of their own. No genre or year applies.
    const playlists = query.type === 'playlist' && !filtered;
    const version = catalogVersion ?? (await this.deps.versions?.current())?.catalog ?? '';
    const [{ catalog, users }, priorMean, playlistHits] = await Promise.all([
      this.find(text, groups, filters, query.limit, version),
      groups.albums ? this.deps.priorMean() : 0,
      playlists ? this.deps.playlists(text, viewerId, query.limit) : [],
    ]);
    if (!catalog.prepared) return presentSearchResults(query.q, empty, 0);
    const hits: SearchHits = { ...catalog.hits, users };
    return presentSearchResults(query.q, hits, priorMean, playlistHits, this.deps.aggregateHidden);
  }

  /** The catalog groups from a kept answer read under this catalog version when there is one, and the people read now. */
  private async find(
    text: string,
    groups: SearchGroups,
    filters: SearchFilters,
    limit: number,
    catalogVersion: string,
  ): Promise<{ catalog: CatalogHits; users: SearchHits['users'] }> {
    const key = JSON.stringify([catalogVersion, text, groups.albums, groups.artists, groups.tracks, filters.genre ?? null, filters.year ?? null, limit]);
    const kept = this.catalogHits.get(key);
    if (kept) {
      const users = groups.users && kept.prepared ? (await this.deps.repo.find(kept.prepared, { ...NO_GROUPS, users: true }, filters, limit)).users : [];
      return { catalog: kept, users };
    }
    const prepared = await this.deps.repo.prepare(text);
    if (!prepared.text.trim()) {
      const nothing: CatalogHits = { prepared: null, hits: { albums: [], artists: [], tracks: [] } };
      this.catalogHits.set(key, nothing);
      return { catalog: nothing, users: [] };
    }
    const { users, ...hits } = await this.deps.repo.find(prepared, groups, filters, limit);
    const catalog = { prepared, hits };
    this.catalogHits.set(key, catalog);
    return { catalog, users };
  }
}

const NO_GROUPS: SearchGroups = { albums: false, artists: false, tracks: false, users: false };
