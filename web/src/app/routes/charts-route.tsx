import { ChartQuerySchema, type ChartQuery } from '@muse/shared';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { PageSpinner } from '../../components/ui/spinner';
import { useMe } from '../../features/auth/api/get-me';
import { useChart } from '../../features/charts/api/get-chart';
import { useChartFacets } from '../../features/charts/api/get-chart-facets';
import { ChartFormula } from '../../features/charts/components/chart-formula';
import { ChartList } from '../../features/charts/components/chart-list';
import { ChartNav, chartPath } from '../../features/charts/components/chart-nav';
import { ListenLaterButton } from '../../features/listen-later/components/listen-later-button';

const TITLES: Record<ChartQuery['kind'], string> = {
  'all-time': 'Top albums of all time',
  year: 'Top albums of',
  genre: 'Top',
  trending: 'Trending this week',
  growers: 'Growers: albums that grow on relistens',
};

/** Reads the chart asked for in the URL, ignoring anything malformed. */
function readChartParams(params: URLSearchParams): { kind: ChartQuery['kind']; year?: number; genre?: string } {
  const parsed = ChartQuerySchema.safeParse({
    kind: params.get('kind') ?? undefined,
    year: params.get('year') ?? undefined,
    genre: params.get('genre') ?? undefined,
  });
  if (!parsed.success) return { kind: 'all-time' };
  return { kind: parsed.data.kind, year: parsed.data.year, genre: parsed.data.genre };
}

/** `/charts`: top albums all-time, by year, by genre, trending this week and growers, with the published formula. */
export function ChartsRoute() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const facets = useChartFacets();
  const years = [...(facets.data?.years ?? [])].sort((a, b) => b - a);
  const genres = [...(facets.data?.genres ?? [])].sort((a, b) => a.localeCompare(b));
  const asked = readChartParams(searchParams);
  // "By year" and "By genre" open on the latest year and the first genre until the user picks.
  const params = {
    ...asked,
    year: asked.kind === 'year' ? (asked.year ?? years[0]) : undefined,
    genre: asked.kind === 'genre' ? (asked.genre ?? genres[0]) : undefined,
  };
  const chart = useChart(params);
  const heading =
    params.kind === 'year'
      ? `${TITLES.year} ${params.year ?? '…'}`
      : params.kind === 'genre'
        ? `${TITLES.genre} ${params.genre ?? '…'} albums`
        : TITLES[params.kind];

  return (
    <div className="page page-medium">
      <title>{`${heading} · Charts · Muse`}</title>
      <header className="page-header">
        <p className="eyebrow">Charts</p>
        <h1>{heading}</h1>
      </header>
      <ChartNav kind={params.kind} year={params.year} genre={params.genre} years={years} genres={genres} onSelect={(next) => void navigate(chartPath(next))} />
      {chart.isError ? (
        <Alert tone="error">Could not load this chart. {chart.error.message}</Alert>
      ) : chart.isPending ? (
        chart.fetchStatus !== 'idle' ? (
          <PageSpinner label="Loading the chart" />
        ) : facets.isSuccess && (params.kind === 'year' ? years : genres).length === 0 ? (
          <p className="empty-state card">No {params.kind === 'year' ? 'year' : 'genre'} has a chart yet: albums need a few ratings first.</p>
        ) : (
          <p className="empty-state card">Choose a {params.kind === 'year' ? 'year' : 'genre'}.</p>
        )
      ) : (
        <>
          {chart.data.items.length === 0 ? (
            <p className="empty-state card">
              {params.kind === 'trending'
                ? 'No ratings this week as of the last update. Charts are recomputed regularly; new ratings show up after the next update.'
                : params.kind === 'growers'
                  ? 'No album has grown on enough relisteners yet. It takes a few people rating an album higher on a relisten.'
                  : 'No album here has been rated yet. Charts are updated a few seconds after each rating.'}
            </p>
          ) : (
            <section className="card chart-card" aria-label={heading}>
              <ChartList
                items={chart.data.items}
                trending={params.kind === 'trending'}
                minCount={chart.data.minCount}
                renderAlbumAction={me ? (album) => <ListenLaterButton variant="icon" albumId={album.id} albumTitle={album.title} /> : undefined}
              />
            </section>
          )}
          <ChartFormula chart={chart.data} />
        </>
      )}
    </div>
  );
}
