import type { AggregateView } from '@muse/shared';
import { useId } from 'react';

const VIEWS: { view: AggregateView; label: string; signedIn: boolean }[] = [
  { view: 'everyone', label: 'Everyone (weighted)', signedIn: false },
  { view: 'established', label: 'Established accounts', signedIn: false },
  { view: 'following', label: 'People I follow', signedIn: true },
  { view: 'taste', label: 'People with my taste', signedIn: true },
];

/** Whose ratings the aggregate shows: a radio group (arrow keys move between views). Follow and taste views need a signed-in viewer. */
export function AggregateViewPicker({ value, onChange, signedIn }: { value: AggregateView; onChange: (view: AggregateView) => void; signedIn: boolean }) {
  const name = useId();
  return (
    <fieldset className="aggregate-views">
      <legend className="aggregate-views-legend">Whose ratings</legend>
      {VIEWS.filter((v) => signedIn || !v.signedIn).map((v) => (
        <label key={v.view} className="aggregate-view-option">
          <input type="radio" name={name} value={v.view} checked={value === v.view} onChange={() => onChange(v.view)} />
          {v.label}
        </label>
      ))}
    </fieldset>
  );
}
