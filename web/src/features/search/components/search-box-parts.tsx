import { LineIcon } from '../../../components/ui/line-icon';

/** What an empty search box says, in the header and its stand-in alike. */
export const SEARCH_PLACEHOLDER = 'Search albums, artists, people';

/** The magnifier at the start of the search field. */
export function SearchIcon() {
  return (
    <LineIcon size={18}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </LineIcon>
  );
}
