import type { UserSummary } from '@muse/shared';
import { useId, useState } from 'react';
import { Avatar } from '../../../components/ui/avatar';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { usePeople } from '../api/get-people';
import { matchPeople } from './people-search';

interface FollowerPickerProps {
  ownerHandle: string;
  picked: UserSummary[];
  onChange: (picked: UserSummary[]) => void;
}

/**
 * Picks the followers a playlist is shared with: a search box over the owner's followers (as
 * far as they are loaded; "More followers" loads the next hundred) and a checkbox per person.
 * People already picked stay listed first even when they are not loaded yet.
 */
export function FollowerPicker({ ownerHandle, picked, onChange }: FollowerPickerProps) {
  const [query, setQuery] = useState('');
  const followers = usePeople(ownerHandle, 'followers', true);
  const countId = useId();
  const pickedIds = new Set(picked.map((user) => user.id));
  const loaded = followers.data?.pages.flatMap((page) => page.items) ?? [];
  const candidates = [...picked.map((user) => ({ user })), ...loaded.filter((item) => !pickedIds.has(item.user.id))];
  const shown = matchPeople(candidates, query);

  const toggle = (user: UserSummary, on: boolean) =>
    onChange(on ? [...picked, { id: user.id, handle: user.handle, displayName: user.displayName }] : picked.filter((p) => p.id !== user.id));

  return (
    <div className="people-picker">
      <TextField
        label="Search your followers"
        name="follower-search"
        type="search"
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-describedby={countId}
      />
      <p className="muted people-picker-count" id={countId} aria-live="polite">
        {picked.length === 1 ? '1 person picked' : `${picked.length} people picked`}
      </p>
      {followers.isPending ? (
        <p className="muted">Loading your followers…</p>
      ) : followers.isError ? (
        <p className="field-error">Could not load your followers. {followers.error.message}</p>
      ) : candidates.length === 0 ? (
        <p className="muted">Nobody follows you yet, so there is no one to pick. Make it public, or share its link instead.</p>
      ) : shown.length === 0 ? (
        <p className="muted">None of your followers matches “{query.trim()}”.</p>
      ) : (
        <ul className="people-list" aria-label="Your followers">
          {shown.map(({ user }) => (
            <li key={user.id}>
              <label className="checkbox-field people-option">
                <input type="checkbox" checked={pickedIds.has(user.id)} onChange={(event) => toggle(user, event.target.checked)} />
                <Avatar
                  displayName={user.displayName}
                  handle={user.handle}
                  avatarUrl={'avatarUrl' in user ? (user.avatarUrl as string | null) : null}
                  size={32}
                  decorative
                />
                <span>
                  {user.displayName} <span className="muted">@{user.handle}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {followers.hasNextPage && (
        <Button variant="ghost" size="sm" onClick={() => void followers.fetchNextPage()} pending={followers.isFetchingNextPage}>
          More followers
        </Button>
      )}
    </div>
  );
}
