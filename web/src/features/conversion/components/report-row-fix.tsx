import type { ConversionCandidate, ConversionReportRow } from '@muse/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { formatDuration } from '../../../lib/format-music';
import { useFixConversionRow } from '../api/fix-conversion-row';
import { useConversionRowSearch } from '../api/search-conversion-row';
import { formatConfidence, trackLine } from './conversion-labels';

interface ReportRowFixProps {
  conversionId: string;
  row: ConversionReportRow;
  /** The target service's name, for labels ("Search Apple Music"). */
  targetName: string;
  onFixed: (row: ConversionReportRow) => void;
  onClose: () => void;
}

function CandidateOption({ candidate, name, checked, onChange }: { candidate: ConversionCandidate; name: string; checked: boolean; onChange: () => void }) {
  const facts = [candidate.album, candidate.durationMs ? formatDuration(candidate.durationMs) : null, candidate.explicit ? 'explicit' : null].filter(Boolean);
  return (
    <li>
      <label className="radio-field conversion-candidate">
        <input type="radio" name={name} value={candidate.id} checked={checked} onChange={onChange} />
        <span>
          <span className="conversion-candidate-title">{trackLine(candidate)}</span>
          {facts.length > 0 && (
            <>
              {' · '}
              <span className="muted">{facts.join(' · ')}</span>
            </>
          )}
          {' · '}
          <span className="conversion-confidence">{formatConfidence(candidate.confidence)} confidence</span>
        </span>
      </label>
    </li>
  );
}

/**
 * Fixing one `needs_review` / `not_found` row: pick one of the alternatives, or search the target
 * service and pick a hit, or say the track is not on the service. The fixed row comes back from the server.
 */
export function ReportRowFix({ conversionId, row, targetName, onFixed, onClose }: ReportRowFixProps) {
  const fix = useFixConversionRow();
  const [selected, setSelected] = useState<string | null>(row.alternatives[0]?.id ?? null);
  const [draft, setDraft] = useState(() => [row.source.artists[0], row.source.title].filter(Boolean).join(' '));
  const [query, setQuery] = useState('');
  const search = useConversionRowSearch(conversionId, row.index, query);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { heading: useId(), alternatives: useId(), results: useId(), search: useId() };

  useEffect(() => headingRef.current?.focus(), []);

  const send = (input: Parameters<typeof fix.mutate>[0]['fix']) => fix.mutate({ id: conversionId, index: row.index, fix: input }, { onSuccess: onFixed });

  const handleSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(draft.trim());
  };

  const results = (search.data ?? []).filter((hit) => !row.alternatives.some((alt) => alt.id === hit.id));

  return (
    <div className="conversion-fix" role="group" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} ref={headingRef} tabIndex={-1} className="conversion-fix-title">
        Fix “{trackLine(row.source)}”
      </h3>
      {fix.isError && <Alert tone="error">Not fixed: {isApiError(fix.error) ? fix.error.detail : 'please try again.'}</Alert>}
      {row.alternatives.length > 0 ? (
        <fieldset className="fieldset">
          <legend className="field-label">Alternatives on {targetName}</legend>
          <ul className="conversion-candidates" id={ids.alternatives}>
            {row.alternatives.map((candidate) => (
              <CandidateOption
                key={candidate.id}
                candidate={candidate}
                name={`fix-${row.index}`}
                checked={selected === candidate.id}
                onChange={() => setSelected(candidate.id)}
              />
            ))}
          </ul>
        </fieldset>
      ) : (
        <p className="muted">No alternatives were found. Search {targetName} below.</p>
      )}
      <form className="form-inline conversion-fix-search" onSubmit={handleSearch} role="search" aria-label={`Search ${targetName}`}>
        <label className="sr-only" htmlFor={ids.search}>
          Search {targetName}
        </label>
        <input id={ids.search} className="field-input" type="search" value={draft} onChange={(event) => setDraft(event.target.value)} maxLength={200} />
        <Button type="submit" variant="secondary" size="sm" pending={search.isFetching}>
          Search {targetName}
        </Button>
      </form>
      {search.isError && <Alert tone="error">The search failed: {isApiError(search.error) ? search.error.detail : 'please try again.'}</Alert>}
      {search.isSuccess && (
        <fieldset className="fieldset">
          <legend className="field-label">Search results for “{query}”</legend>
          {results.length === 0 ? (
            <p className="muted" role="status">
              Nothing else found on {targetName}.
            </p>
          ) : (
            <ul className="conversion-candidates" id={ids.results}>
              {results.map((candidate) => (
                <CandidateOption
                  key={candidate.id}
                  candidate={candidate}
                  name={`fix-${row.index}`}
                  checked={selected === candidate.id}
                  onChange={() => setSelected(candidate.id)}
                />
              ))}
            </ul>
          )}
        </fieldset>
      )}
      <div className="form-actions conversion-fix-actions">
        <Button
          size="sm"
          disabled={!selected}
          pending={fix.isPending && fix.variables?.fix.action === 'pick'}
          onClick={() => selected && send({ action: 'pick', trackId: selected })}
        >
          Use this track
        </Button>
        <Button
          variant="secondary"
          size="sm"
          pending={fix.isPending && fix.variables?.fix.action === 'not_on_service'}
          onClick={() => send({ action: 'not_on_service' })}
        >
          Not on this service
        </Button>
        <Button variant="ghost" size="sm" onClick={onClose} disabled={fix.isPending}>
          Close
        </Button>
      </div>
    </div>
  );
}
