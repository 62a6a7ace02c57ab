import type { RequestSpec } from '../load/load-runner';
import { pickFrom, seededRandom } from '../load/random';
import { SCENARIOS, type ScenarioContext } from '../load/scenarios';
import type { BenchSession } from '../server/session-pool';

/** One kind of request in the soak's mix, named by its route template. */
export interface SoakRoute {
  route: string;
  /** Share of the offered rate, in requests per second at 500/s. */
  weight: number;
  /** The bench scenario whose request stream and p99 budget it reuses, if any. */
  scenario?: string;
  /** p99 budget in ms (the scenario's), or null when DESIGN.md names none. */
  budgetP99Ms: number | null;
}

const FOLLOW = 'PUT /api/users/:handle/follow';
const UNFOLLOW = 'DELETE /api/users/:handle/follow';
const REVIEW_CREATE = 'POST /api/albums/:id/reviews';

const budgetOf = (scenario: string): number | null => SCENARIOS.find((s) => s.name === scenario)?.budgetP99Ms ?? null;
const fromScenario = (route: string, weight: number, scenario: string): SoakRoute => ({ route, weight, scenario, budgetP99Ms: budgetOf(scenario) });

/**
 * A day on Muse at 500 requests/s: mostly album pages and the reviews under them, then the home
 * feed, ratings, search and playlists, and a trickle of reviews written and follows toggled.
 * Follows and unfollows share one weight (each toggles a pair).
 */
export const SOAK_ROUTES: readonly SoakRoute[] = [
  fromScenario('GET /api/albums/:id', 150, 'album-page'),
  fromScenario('GET /api/albums/:id/reviews', 100, 'review-list'),
  fromScenario('GET /api/feed', 60, 'feed'),
  fromScenario('PUT /api/albums/:id/rating', 50, 'rate-album'),
  fromScenario('GET /api/search', 40, 'search'),
  fromScenario('GET /api/playlists/:id', 40, 'playlist-page'),
  fromScenario('POST /api/playlists/:id/entries', 20, 'playlist-add'),
  { route: 'GET /api/reviews/:id', weight: 25, budgetP99Ms: null },
  { route: REVIEW_CREATE, weight: 5, budgetP99Ms: null },
  { route: `${FOLLOW} | ${UNFOLLOW}`, weight: 10, budgetP99Ms: null },
];

/** The p99 budget of a route as the soak reports it (follow and unfollow have none). */
export function budgetOfRoute(route: string): number | null {
  return SOAK_ROUTES.find((r) => r.route === route)?.budgetP99Ms ?? null;
}

/** What the soak's own requests draw on, beyond a scenario's context. */
export interface SoakTargets {
  /** Reviews to read (public, not hidden). */
  reviewIds: string[];
  /** Albums none of the sessions has reviewed, to review. */
  reviewAlbums: string[];
  /** For each session (same order), public profiles it does not follow, to follow and unfollow. */
  follows: string[][];
}

/** What the mix changed that the soak puts back afterwards. */
export interface SoakWrites {
  /** Every pair a follow or unfollow was made for, by `sessionIndex:handle` (a request made may not have been sent). */
  touched: Map<string, { session: BenchSession; handle: string }>;
}

/** Profiles each signed-in user follows and unfollows in turn. */
export const FOLLOWS_PER_SESSION = 5;

const writeHeaders = (session: BenchSession): Record<string, string> => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  'content-type': 'application/json',
});

/**
 * The soak's request stream: each call draws a route by weight (seeded, so two runs send the same
 * requests) and asks that route's source for its next request. The bench scenarios' own streams
 * serve the routes they measure; follows toggle a few fixed pairs per session, so each pair is
 * followed and unfollowed in turn, and `writes` lists the pairs to unfollow when the soak stops.
 */
export function soakRequests(context: ScenarioContext, targets: SoakTargets): { next: () => RequestSpec; writes: SoakWrites } {
  const random = seededRandom(11);
  const writes: SoakWrites = { touched: new Map() };
  const following = new Set<string>();
  const sources = new Map<string, () => RequestSpec>();
  for (const r of SOAK_ROUTES) {
    if (!r.scenario) continue;
    const stream = SCENARIOS.find((s) => s.name === r.scenario)!.requests(context);
    sources.set(r.route, () => ({ ...stream(), route: r.route }));
  }
  const { sessions } = context;
  const reviewRandom = seededRandom(12);
  sources.set('GET /api/reviews/:id', () => {
    const path = `/api/reviews/${pickFrom(targets.reviewIds, reviewRandom)}`;
    return reviewRandom() < 0.5
      ? { method: 'GET', path, route: 'GET /api/reviews/:id' }
      : { method: 'GET', path, headers: { cookie: pickFrom(sessions, reviewRandom).cookie }, route: 'GET /api/reviews/:id' };
  });
  let reviews = 0;
  sources.set(REVIEW_CREATE, () => {
    const k = reviews++;
    const session = sessions[k % sessions.length]!;
    const albumId = targets.reviewAlbums[Math.floor(k / sessions.length) % targets.reviewAlbums.length]!;
    return {
      method: 'POST',
      path: `/api/albums/${albumId}/reviews`,
      headers: writeHeaders(session),
      body: JSON.stringify({ body: `Soak review ${k}: the second side holds up on every listen.`, rating: 1 + (k % 9) / 2 }),
      route: REVIEW_CREATE,
    };
  });
  const followRandom = seededRandom(13);
  const followers = sessions.flatMap((_, i) => (targets.follows[i]?.length ? [i] : []));
  if (followers.length === 0) throw new Error('no signed-in user has anyone left to follow');
  sources.set(`${FOLLOW} | ${UNFOLLOW}`, () => {
    const s = pickFrom(followers, followRandom);
    const handle = pickFrom(targets.follows[s]!, followRandom);
    const key = `${s}:${handle}`;
    const session = sessions[s]!;
    const path = `/api/users/${encodeURIComponent(handle)}/follow`;
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    writes.touched.set(key, { session, handle });
    if (following.delete(key)) return { method: 'DELETE', path, headers, route: UNFOLLOW };
    following.add(key);
    return { method: 'PUT', path, headers, route: FOLLOW };
  });

  const total = SOAK_ROUTES.reduce((sum, r) => sum + r.weight, 0);
  const next = (): RequestSpec => {
    let draw = random() * total;
    const chosen = SOAK_ROUTES.find((r) => (draw -= r.weight) < 0) ?? SOAK_ROUTES.at(-1)!;
    return sources.get(chosen.route)!();
  };
  return { next, writes };
}

/** Requests the mix offers per second for each route at `rate`. */
export function routeRates(rate: number): Map<string, number> {
  const total = SOAK_ROUTES.reduce((sum, r) => sum + r.weight, 0);
  return new Map(SOAK_ROUTES.map((r) => [r.route, (r.weight * rate) / total]));
}
