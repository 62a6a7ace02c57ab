import type { PlaylistSummary, SearchQuery, SearchResults } from '@muse/shared';
import { presentSearchResults, type SearchHits } from './search.presenter';
import type { SearchRepo } from './search.repo';

export interface SearchServiceDeps {
  repo: SearchRepo;
  /** The Bayesian prior for album stats (cached by the caller). */
  priorMean: () => Promise<number>;
  /** Public playlists by title, held to the playlists' access rule for this viewer. */
  playlists(text: string, viewerId: string | null, limit: number): Promise<PlaylistSummary[]>;
}

// Postgres text cannot hold NUL, and no control character is worth searching for.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** The one search box: albums, artists, tracks and users in one answer. */
export class SearchService {
  constructor(private readonly deps: SearchServiceDeps) {}

  /**
   * Finds what the text names, best first, in each requested group. A genre or year narrows
   * albums, tracks (by their album) and artists (by an album of theirs) and leaves users out.
   */
  async search(query: SearchQuery, viewerId: string | null = null): Promise<SearchResults> {
    const { repo } = this.deps;
    const text = query.q.replace(CONTROL_CHARACTERS, ' ').trim();
    const empty: SearchHits = { albums: [], artists: [], tracks: [], users: [] };
    if (!text) return presentSearchResults(query.q, empty, 0);

    const prepared = await repo.prepare(text);
    if (!prepared.text.trim()) return presentSearchResults(query.q, empty, 0);
    const filters = { genre: query.genre?.replace(CONTROL_CHARACTERS, ' '), year: query.year };
    const filtered = filters.genre !== undefined || filters.year !== undefined;
    const wants = (type: SearchQuery['type']) => query.type === 'all' || query.type === type;
    const groups = { albums: wants('album'), artists: wants('artist'), tracks: wants('track'), users: wants('user') && !filtered };

    // Playlists only when asked for by type: the search box asks for everything on every
    // keystroke, and a title search over every public playlist there halved search's capacity;
    // the results page asks for playlists in a request of their own. No genre or year applies.
    const playlists = query.type === 'playlist' && !filtered;
    const [hits, priorMean, playlistHits] = await Promise.all([
      repo.find(prepared, groups, filters, query.limit),
      groups.albums ? this.deps.priorMean() : 0,
      playlists ? this.deps.playlists(text, viewerId, query.limit) : [],
    ]);
    return presentSearchResults(query.q, hits, priorMean, playlistHits);
  }
}
