import { SearchQuerySchema } from '@muse/shared';
import type { SearchService } from '../search.service';
import { QUERY_KINDS, type EvalAlbum, type EvalQuery, type QueryKind } from './eval-queries';

/** Where a right answer must appear among the album hits to count. */
export const EVAL_TOP_N = 5;

/**
 * The least hit rate (in the top 5) each kind must reach. Exact forms of the title and artist
 * must always work; one typo anywhere may fail rarely (a typo can turn one word into another
 * real one).
 */
export const EVAL_FLOORS: Record<QueryKind, number> = {
  'exact title': 1,
  prefix: 1,
  'lower-case accent-free': 1,
  'title with a typo': 0.98,
  'title artist': 1,
  'artist title': 1,
  'artist-with-a-typo title': 0.98,
  'title artist-with-a-typo': 0.98,
};

export interface KindResult {
  kind: QueryKind;
  total: number;
  hits: number;
  rate: number;
  floor: number;
  /** The queries whose answer was not in the top 5, with what came instead. */
  misses: { q: string; got: string[] }[];
}

/**
 * Runs every query through the search service as the API hands it over (validated, all groups,
 * the default page size) and counts, per kind, the queries with a right album in the top 5.
 * `catalog` gives the keys of every album a search can return.
 */
export async function runSearchEval(
  search: SearchService,
  queries: readonly EvalQuery[],
  catalog: readonly EvalAlbum[],
  concurrency = 4,
): Promise<KindResult[]> {
  const byId = new Map(catalog.map((a) => [a.id, a]));
  const found: boolean[] = [];
  const got: string[][] = [];
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const i = next++;
      const query = queries[i]!;
      const { albums } = await search.search(SearchQuerySchema.parse({ q: query.q }));
      const top = albums.slice(0, EVAL_TOP_N);
      found[i] = top.some((hit) => {
        const album = byId.get(hit.id);
        return album !== undefined && query.accepts(album);
      });
      got[i] = top.map((hit) => `${hit.title} / ${hit.artistCredit}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  return QUERY_KINDS.map((kind) => {
    const indexes = queries.flatMap((q, i) => (q.kind === kind ? [i] : []));
    const hits = indexes.filter((i) => found[i]).length;
    return {
      kind,
      total: indexes.length,
      hits,
      rate: indexes.length ? hits / indexes.length : 1,
      floor: EVAL_FLOORS[kind],
      misses: indexes.filter((i) => !found[i]).map((i) => ({ q: queries[i]!.q, got: got[i]! })),
    };
  });
}

/** The kinds whose hit rate is below their floor. */
export function kindsBelowFloor(results: readonly KindResult[]): KindResult[] {
  return results.filter((r) => r.rate < r.floor);
}

/** The results as a Markdown table: kind, queries, hits, hit rate in the top 5, floor. */
export function formatEvalTable(results: readonly KindResult[]): string {
  const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `| query kind | queries | in top ${EVAL_TOP_N} | hit rate | floor |`,
    '|---|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.kind} | ${r.total} | ${r.hits} | ${percent(r.rate)} | ${percent(r.floor)}${r.rate < r.floor ? ' (below)' : ''} |`),
  ];
  return lines.join('\n');
}
