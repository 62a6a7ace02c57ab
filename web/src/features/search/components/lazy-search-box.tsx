import { useId, useState, type ComponentType } from 'react';
import { SEARCH_PLACEHOLDER, SearchIcon } from './search-box-parts';
import type { SearchBoxProps } from './search-box';

type SearchBoxComponent = ComponentType<SearchBoxProps>;

let loaded: SearchBoxComponent | null = null;
let loading: Promise<SearchBoxComponent> | null = null;

function loadSearchBox(): Promise<SearchBoxComponent> {
  loading ??= import('./search-box').then(
    (module) => (loaded = module.SearchBox),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The search box, with its autocomplete fetched the first time someone reaches for it (hovers,
 * touches or focuses it), so pages do not download it up front. Until then a plain search form
 * stands in, drawn and named the same way: it already takes typing, and Enter opens the results
 * page. The text typed and the focus carry over to the full box once it has arrived.
 */
export function LazySearchBox(props: Omit<SearchBoxProps, 'initialText' | 'autoFocus'>) {
  const [SearchBox, setSearchBox] = useState<SearchBoxComponent | null>(() => loaded);
  const [text, setText] = useState('');
  const [focused, setFocused] = useState(false);
  const listboxId = useId();

  if (SearchBox) return <SearchBox {...props} initialText={text} autoFocus={focused} />;

  const wake = () => {
    // A failed fetch leaves the plain form working; the next hover or focus asks again.
    loadSearchBox().then(
      (component) => setSearchBox(() => component),
      () => undefined,
    );
  };
  const { variant = 'header', placeholder = SEARCH_PLACEHOLDER } = props;
  return (
    <form role="search" action="/search" method="get" className={`search-box search-box-${variant}`} aria-label="Search Muse" onPointerEnter={wake}>
      <div className="search-box-field">
        <SearchIcon />
        <input
          type="search"
          name="q"
          className="search-box-input"
          role="combobox"
          aria-label="Search albums, artists, tracks and people"
          aria-expanded={false}
          aria-controls={listboxId}
          aria-autocomplete="list"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={placeholder}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onFocus={() => {
            setFocused(true);
            wake();
          }}
          onBlur={() => setFocused(false)}
          onTouchStart={wake}
        />
      </div>
      <div id={listboxId} role="listbox" aria-label="Search suggestions" hidden />
    </form>
  );
}
