import { formatStars } from '../../lib/format-music';

/** Five stars filled to `value` (half stars included), read as e.g. "Rated 4.5 stars". */
export function Stars({ value, label, size = 'md' }: { value: number; label?: string; size?: 'sm' | 'md' | 'lg' }) {
  const percent = Math.max(0, Math.min(100, (value / 5) * 100));
  return (
    <span className={`stars-display stars-${size}`} role="img" aria-label={label ?? `Rated ${formatStars(value)}`}>
      <span className="stars-track" aria-hidden="true">
        ★★★★★
      </span>
      <span className="stars-fill" aria-hidden="true" style={{ width: `${percent}%` }}>
        ★★★★★
      </span>
    </span>
  );
}
