import { useId, useRef, useState, type FocusEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { AlbumCover } from '../../../components/ui/album-cover';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { SEARCH_MIN_CHARS, useSearch } from '../api/search';
import { GROUP_LABELS, searchPagePath, toSuggestions, type Suggestion } from './search-suggestions';
import { SEARCH_PLACEHOLDER, SearchIcon } from './search-box-parts';

const DEBOUNCE_MS = 180;

export interface SearchBoxProps {
  /** "header" is the compact box in the top bar; "hero" the large one on home. */
  variant?: 'header' | 'hero';
  placeholder?: string;
  /** Text already typed (into the stand-in the header shows until this box has loaded). */
  initialText?: string;
  /** Take the focus on mount (the stand-in had it). */
  autoFocus?: boolean;
}

/**
 * The search box with autocomplete (ARIA 1.2 combobox with a grouped listbox): suggestions
 * from two characters, debounced; arrow keys move through them, Enter opens the highlighted
 * one (or the full results page), Escape closes the list and then clears the text.
 */
export function SearchBox({ variant = 'header', placeholder = SEARCH_PLACEHOLDER, initialText = '', autoFocus = false }: SearchBoxProps) {
  const navigate = useNavigate();
  const baseId = useId();
  const listboxId = `${baseId}-listbox`;
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(autoFocus);
  const [activeIndex, setActiveIndex] = useState(-1);
  const rootRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const query = useDebouncedValue(text, DEBOUNCE_MS);
  const longEnough = text.trim().length >= SEARCH_MIN_CHARS;
  const results = useSearch({ q: query, limit: 5 }, { enabled: open && longEnough });
  const settled = query.trim() === text.trim();
  const suggestions = longEnough ? toSuggestions(results.data, text) : [];
  const expanded = open && longEnough;
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const activeId = expanded && activeIndex >= 0 && activeIndex < suggestions.length ? optionId(activeIndex) : undefined;

  const close = () => {
    setOpen(false);
    setActiveIndex(-1);
  };

  const choose = (suggestion: Suggestion) => {
    close();
    setText('');
    inputRef.current?.blur();
    void navigate(suggestion.to);
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = activeIndex >= 0 ? suggestions[activeIndex] : undefined;
    if (chosen && expanded) return choose(chosen);
    if (!longEnough) return;
    choose({ id: 'all', group: 'all', label: '', detail: '', to: searchPagePath(text) });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        if (count > 0) setActiveIndex((index) => (index + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        if (count > 0) setActiveIndex((index) => (index <= 0 ? count - 1 : index - 1));
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
      default:
    }
  };

  const handleBlur = (event: FocusEvent<HTMLFormElement>) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !rootRef.current?.contains(next)) close();
  };

  const statusText = !expanded
    ? ''
    : results.isError
      ? 'Search is unavailable right now.'
      : !settled || results.isPending
        ? 'Searching…'
        : suggestions.length <= 1
          ? `No matches for ${text.trim()}.`
          : `${suggestions.length - 1} suggestions. Use the up and down arrows to choose.`;

  // Rows grouped in display order; indices stay those of the flat list the keyboard walks.
  const groups: { key: Suggestion['group']; rows: { suggestion: Suggestion; index: number }[] }[] = [];
  suggestions.forEach((suggestion, index) => {
    const last = groups[groups.length - 1];
    if (last && last.key === suggestion.group) last.rows.push({ suggestion, index });
    else groups.push({ key: suggestion.group, rows: [{ suggestion, index }] });
  });

  const renderOption = ({ suggestion, index }: { suggestion: Suggestion; index: number }) => (
    <div
      key={suggestion.id}
      id={optionId(index)}
      role="option"
      aria-selected={index === activeIndex}
      className={`combo-option combo-option-${suggestion.group}${index === activeIndex ? ' combo-option-active' : ''}`}
      // Keep focus in the input: a blur would close the list before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={() => setActiveIndex(index)}
      onClick={() => choose(suggestion)}
    >
      {suggestion.cover ? (
        <AlbumCover title={suggestion.cover.title} artist={suggestion.cover.artist} coverUrl={suggestion.cover.coverUrl} size={36} decorative />
      ) : suggestion.group !== 'all' ? (
        <span className={`combo-option-icon combo-icon-${suggestion.group}`} aria-hidden="true">
          {suggestion.group === 'artists' ? '♪' : suggestion.group === 'tracks' ? '♫' : '@'}
        </span>
      ) : null}
      <span className="combo-option-text">
        <span className="combo-option-label">{suggestion.label}</span>
        {suggestion.detail && <span className="combo-option-detail">{suggestion.detail}</span>}
      </span>
    </div>
  );

  return (
    <form ref={rootRef} role="search" className={`search-box search-box-${variant}`} onSubmit={handleSubmit} onBlur={handleBlur} aria-label="Search Muse">
      <div className="search-box-field">
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          className="search-box-input"
          role="combobox"
          aria-label="Search albums, artists, tracks and people"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
          }}
          autoFocus={autoFocus}
          onFocus={() => setOpen(true)}
          onKeyDown={handleKeyDown}
        />
        {expanded && (results.isFetching || !settled) && <span className="spinner search-box-spinner" aria-hidden="true" />}
      </div>
      <div className="combo-popup" hidden={!expanded}>
        {expanded && settled && results.isSuccess && !results.isPlaceholderData && suggestions.length <= 1 && (
          <p className="combo-message">No quick matches. Try the full search for more.</p>
        )}
        {expanded && results.isError && <p className="combo-message">Search is unavailable right now.</p>}
        <div id={listboxId} role="listbox" aria-label="Search suggestions" className="combo-listbox">
          {expanded &&
            groups.map((group) =>
              group.key === 'all' ? (
                group.rows.map(renderOption)
              ) : (
                <div key={group.key} role="group" aria-labelledby={`${baseId}-group-${group.key}`} className="combo-group">
                  <div id={`${baseId}-group-${group.key}`} className="combo-group-label" role="presentation">
                    {GROUP_LABELS[group.key]}
                  </div>
                  {group.rows.map(renderOption)}
                </div>
              ),
            )}
        </div>
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {statusText}
      </span>
    </form>
  );
}
