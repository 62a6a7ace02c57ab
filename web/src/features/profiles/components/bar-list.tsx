import { formatNumber } from '../../../lib/format-music';

/** One labelled bar of a horizontal chart. */
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** What is read aloud and shown as a tooltip, e.g. "1970s: 12 ratings, mean 4.1". */
  description: string;
}

/** A small horizontal bar chart whose bars are scaled to the largest and described in words. */
export function BarList({ bars, label }: { bars: Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <ol className="bar-list" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="bar-row" title={bar.description}>
          <span className="bar-label" aria-hidden="true">
            {bar.label}
          </span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${bar.value === 0 ? 0 : Math.max(3, (bar.value / max) * 100)}%` }} />
          </span>
          <span className="bar-value" aria-hidden="true">
            {formatNumber(bar.value)}
          </span>
          <span className="sr-only">{bar.description}</span>
        </li>
      ))}
    </ol>
  );
}
