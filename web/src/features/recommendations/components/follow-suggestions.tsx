import type { FollowSuggestion } from '@muse/shared';
import { Link } from 'react-router';
import { useFollowSuggested, useFollowSuggestions } from '../api/recommendations';

function SuggestionRow({ suggestion }: { suggestion: FollowSuggestion }) {
  const { user } = suggestion;
  const follow = useFollowSuggested(user.handle);
  const followed = follow.isSuccess;
  return (
    <li className="person-row">
      <span className="person-text">
        <Link to={`/users/${encodeURIComponent(user.handle)}`} className="person-name">
          {user.displayName}
        </Link>
        <span className="muted person-handle">
          @{user.handle} · {suggestion.compatibility}% taste match over {suggestion.sharedCount} albums
        </span>
      </span>
      <span className="person-actions">
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={follow.isPending || followed}
          onClick={() => follow.mutate()}
          aria-label={followed ? `Following ${user.displayName}` : `Follow ${user.displayName}`}
        >
          {followed ? (follow.data?.status === 'requested' ? 'Requested' : 'Following') : 'Follow'}
        </button>
      </span>
    </li>
  );
}

/** People whose ratings agree with the user's, with a Follow button each. */
export function FollowSuggestions() {
  const suggestions = useFollowSuggestions();
  if (suggestions.isPending) return <p className="muted">Looking for people with your taste…</p>;
  if (suggestions.isError) return <p className="muted">Suggestions could not be loaded right now.</p>;
  if (suggestions.data.items.length === 0) return <p className="muted">Rate more albums and people who agree with you show up here.</p>;
  return (
    <ul className="person-list" aria-label="People with your taste">
      {suggestions.data.items.map((s) => (
        <SuggestionRow key={s.user.id} suggestion={s} />
      ))}
    </ul>
  );
}
