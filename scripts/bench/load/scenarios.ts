import type { DatasetScale } from '../dataset/dataset-scale';
import type { BenchSession } from '../server/session-pool';
import type { RequestSpec } from './load-runner';
import type { PlaylistTargets } from './playlist-targets';
import { pickFrom, popularId, seededRandom } from './random';
import { searchQueries } from './search-queries';

/** What a scenario may draw its requests from. */
export interface ScenarioContext {
  scale: DatasetScale;
  sessions: BenchSession[];
  playlists: PlaylistTargets;
}

/** One measured workload. */
export interface Scenario {
  name: string;
  /** Which process it drives. */
  target: 'muse' | 'baseline';
  /** DESIGN.md's budget for p99, or null for the baseline. */
  budgetP99Ms: number | null;
  /** Offered requests per second while checking the budget; null = as fast as answered. */
  rate: number | null;
  /** Connections of both phases (enough to keep the offered rate when answers slow down). */
  connections: number;
  /** It reads or writes playlist documents, so it runs once per reachable document-store adapter. */
  documentStore?: boolean;
  /** Builds the request source; each call of the result gives the next request. */
  requests(context: ScenarioContext): () => RequestSpec;
}

function withSession(session: BenchSession, headers: Record<string, string> = {}): Record<string, string> {
  return { ...headers, cookie: session.cookie };
}

/** A state-changing request's headers: the session, its CSRF token and a JSON body. */
function writeHeaders(session: BenchSession): Record<string, string> {
  return withSession(session, { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken });
}

function need<T>(list: readonly T[], what: string): readonly T[] {
  if (list.length === 0) throw new Error(`the data set has no ${what}; rebuild it (--rebuild)`);
  return list;
}

/** The scenarios in the order they run; the baseline comes first so every ratio has it. */
/** Signed-in reads of the first page of the feed, by sessions drawn at random. */
function feedScenario(name: string, o: { budgetP99Ms: number; rate: number; connections: number; seed: number }): Scenario {
  return {
    name,
    target: 'muse',
    budgetP99Ms: o.budgetP99Ms,
    rate: o.rate,
    connections: o.connections,
    requests: ({ sessions }) => {
      const random = seededRandom(o.seed);
      return () => ({ method: 'GET', path: '/api/feed?limit=20', headers: withSession(pickFrom(sessions, random)) });
    },
  };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'express-baseline',
    target: 'baseline',
    budgetP99Ms: null,
    rate: null,
    // A bare endpoint is saturated by a handful of connections.
    connections: 10,
    requests: () => () => ({ method: 'GET', path: '/' }),
  },
  {
    // Half of the visitors are signed in, so the viewer's rating, history and diary are read too.
    name: 'album-page',
    target: 'muse',
    budgetP99Ms: 50,
    rate: 500,
    connections: 40,
    requests: ({ scale, sessions }) => {
      const random = seededRandom(1);
      return () => {
        const path = `/api/albums/${popularId(scale.albums, random)}`;
        return random() < 0.5 ? { method: 'GET', path } : { method: 'GET', path, headers: withSession(pickFrom(sessions, random)) };
      };
    },
  },
  {
    name: 'rate-album',
    target: 'muse',
    budgetP99Ms: 30,
    rate: 500,
    connections: 40,
    requests: ({ scale, sessions }) => {
      const random = seededRandom(2);
      return () => {
        const session = pickFrom(sessions, random);
        const rating = (1 + Math.floor(random() * 10)) / 2;
        return {
          method: 'PUT',
          path: `/api/albums/${popularId(scale.albums, random)}/rating`,
          headers: writeHeaders(session),
          body: JSON.stringify({ rating }),
        };
      };
    },
  },
  {
    // Autocomplete fires on every keystroke, but fewer people search than browse.
    name: 'search',
    target: 'muse',
    budgetP99Ms: 60,
    rate: 200,
    connections: 20,
    requests: () => {
      const random = seededRandom(3);
      const queries = searchQueries(5000, random);
      let i = 0;
      return () => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(queries[i++ % queries.length]!)}` });
    },
  },
  {
    // Loaded beside every album page, so offered at the album page's rate.
    name: 'review-list',
    target: 'muse',
    budgetP99Ms: 50,
    rate: 500,
    connections: 40,
    requests: ({ scale }) => {
      const random = seededRandom(4);
      return () => ({ method: 'GET', path: `/api/albums/${popularId(scale.albums, random)}/reviews?sort=popular` });
    },
  },
  // The signed-in home page: the sessions are the data set's feed users, each following 500
  // recently active people; then issue 14's headroom goal for the same reads (p99 < 50 ms at 500/s).
  feedScenario('feed', { budgetP99Ms: 80, rate: 200, connections: 20, seed: 5 }),
  feedScenario('feed-500', { budgetP99Ms: 50, rate: 500, connections: 40, seed: 15 }),
  {
    // A 500-entry public playlist, each entry with its album, community stars and (signed in) the
    // viewer's own rating; half of the visitors are signed in.
    name: 'playlist-page',
    target: 'muse',
    budgetP99Ms: 50,
    rate: 300,
    connections: 40,
    documentStore: true,
    requests: ({ sessions, playlists }) => {
      const random = seededRandom(6);
      const ids = need(playlists.page, '500-entry playlists');
      return () => {
        const path = `/api/playlists/${pickFrom(ids, random)}`;
        return random() < 0.5 ? { method: 'GET', path } : { method: 'GET', path, headers: withSession(pickFrom(sessions, random)) };
      };
    },
  },
  {
    // Owners appending a catalog track to one of their own playlists (a few each, of every size
    // up to a few hundred entries), so no single document takes all the writes.
    name: 'playlist-add',
    target: 'muse',
    budgetP99Ms: 30,
    rate: 300,
    connections: 40,
    documentStore: true,
    requests: ({ scale, playlists }) => {
      const random = seededRandom(7);
      const writers = need(playlists.writers, 'playlists owned by the signed-in users');
      return () => {
        const { session, playlistIds } = pickFrom(writers, random);
        return {
          method: 'POST',
          path: `/api/playlists/${pickFrom(playlistIds, random)}/entries`,
          headers: writeHeaders(session),
          body: JSON.stringify({ trackId: String(popularId(scale.tracks, random)) }),
        };
      };
    },
  },
  {
    // Discover's first page as the web app asks for it: newest public playlists or the most liked
    // this week, signed out and in.
    name: 'playlist-discover',
    target: 'muse',
    budgetP99Ms: 60,
    rate: 200,
    connections: 20,
    documentStore: true,
    requests: ({ sessions }) => {
      const random = seededRandom(8);
      return () => {
        const path = `/api/playlists/discover?section=${random() < 0.5 ? 'newest' : 'popular'}&limit=24`;
        return random() < 0.5 ? { method: 'GET', path } : { method: 'GET', path, headers: withSession(pickFrom(sessions, random)) };
      };
    },
  },
];

/** Names accepted by --scenario. */
export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);
