import type { ChartQuery } from '@muse/shared';
import { Link } from 'react-router';
import { SelectField } from '../../../components/ui/select-field';

interface ChartNavProps {
  kind: ChartQuery['kind'];
  year?: number;
  genre?: string;
  years: number[];
  genres: string[];
  /** Goes to another chart (the page keeps its choice in the URL). */
  onSelect: (next: { kind: ChartQuery['kind']; year?: number; genre?: string }) => void;
}

/** The address of a chart, as the charts page reads it back. */
export function chartPath(next: { kind: ChartQuery['kind']; year?: number; genre?: string }): string {
  const params = new URLSearchParams();
  if (next.kind !== 'all-time') params.set('kind', next.kind);
  if (next.kind === 'year' && next.year !== undefined) params.set('year', String(next.year));
  if (next.kind === 'genre' && next.genre) params.set('genre', next.genre);
  const query = params.toString();
  return query ? `/charts?${query}` : '/charts';
}

/** Chart tabs (all-time, by year, by genre, trending, growers) as links, plus the year or genre picker. */
export function ChartNav({ kind, year, genre, years, genres, onSelect }: ChartNavProps) {
  const tabs: { kind: ChartQuery['kind']; label: string; to: string }[] = [
    { kind: 'all-time', label: 'All-time', to: chartPath({ kind: 'all-time' }) },
    { kind: 'year', label: 'By year', to: chartPath({ kind: 'year', year: year ?? years[0] }) },
    { kind: 'genre', label: 'By genre', to: chartPath({ kind: 'genre', genre: genre ?? genres[0] }) },
    { kind: 'trending', label: 'Trending this week', to: chartPath({ kind: 'trending' }) },
    { kind: 'growers', label: 'Growers', to: chartPath({ kind: 'growers' }) },
  ];
  return (
    <div className="chart-nav">
      <nav aria-label="Charts">
        <ul className="tabs">
          {tabs.map((tab) => (
            <li key={tab.kind}>
              <Link className="tab" to={tab.to} aria-current={tab.kind === kind ? 'page' : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {kind === 'year' && (
        <SelectField
          label="Year"
          className="chart-picker"
          value={year !== undefined ? String(year) : ''}
          options={[{ value: '', label: 'Choose a year' }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
          onChange={(event) => onSelect({ kind: 'year', year: event.target.value ? Number(event.target.value) : undefined })}
        />
      )}
      {kind === 'genre' && (
        <SelectField
          label="Genre"
          className="chart-picker"
          value={genre ?? ''}
          options={[{ value: '', label: 'Choose a genre' }, ...genres.map((g) => ({ value: g, label: g }))]}
          onChange={(event) => onSelect({ kind: 'genre', genre: event.target.value || undefined })}
        />
      )}
    </div>
  );
}
