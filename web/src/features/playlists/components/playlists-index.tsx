import type { PlaylistKind } from '@muse/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useDiscoverPlaylists } from '../api/get-discover-playlists';
import { usePlaylists } from '../api/get-playlists';
import type { DiscoverSection } from '../api/playlist-keys';
import { InvitationActions } from './invitation-actions';
import { PlaylistGrid } from './playlist-grid';

/** The tabs of the playlists index. */
export const PLAYLIST_TABS = [
  { id: 'mine', label: 'Mine' },
  { id: 'collaborating', label: 'Collaborating' },
  { id: 'shared', label: 'Shared with me' },
  { id: 'liked', label: 'Liked' },
  { id: 'discover', label: 'Discover' },
] as const;
export type PlaylistTab = (typeof PLAYLIST_TABS)[number]['id'];

const SECTIONS: { id: DiscoverSection; label: string }[] = [
  { id: 'newest', label: 'Newest' },
  { id: 'popular', label: 'Most liked this week' },
  { id: 'following', label: 'From people you follow' },
];

const KINDS: { id: PlaylistKind | undefined; label: string }[] = [
  { id: undefined, label: 'All' },
  { id: 'playlist', label: 'Playlists' },
  { id: 'list', label: 'Lists' },
];

/** What the index shows; kept in the URL by the route. */
export interface PlaylistIndexState {
  tab: PlaylistTab;
  kind: PlaylistKind | undefined;
  section: DiscoverSection;
}

interface PlaylistsIndexProps {
  state: PlaylistIndexState;
  viewerId: string;
  /** The address of the index showing `next`. */
  hrefFor: (next: Partial<PlaylistIndexState>) => string;
}

/** "playlists", "lists" or both, for the words of empty states. */
function nounOf(kind: PlaylistKind | undefined): string {
  return kind === 'list' ? 'lists' : kind === 'playlist' ? 'playlists' : 'playlists or lists';
}

/** The playlists index below its header: tabs, the kind filter, Discover's sections, and the chosen list with "Load more". */
export function PlaylistsIndex({ state, viewerId, hrefFor }: PlaylistsIndexProps) {
  const { tab, kind } = state;
  return (
    <>
      <nav aria-label="Playlists">
        <ul className="tabs playlist-tabs">
          {PLAYLIST_TABS.map((t) => (
            <li key={t.id}>
              <Link className="tab" to={hrefFor({ tab: t.id })} aria-current={t.id === tab ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="playlist-filters">
        {tab === 'discover' && <FilterLinks label="Discover" options={SECTIONS} current={state.section} hrefFor={(section) => hrefFor({ section })} />}
        <FilterLinks label="Show" options={KINDS} current={kind} hrefFor={(k) => hrefFor({ kind: k })} />
      </div>
      {tab === 'discover' ? (
        <DiscoverList section={state.section} kind={kind} />
      ) : tab === 'collaborating' ? (
        <CollaboratingList kind={kind} viewerId={viewerId} />
      ) : (
        <OwnList filter={tab} kind={kind} />
      )}
    </>
  );
}

function FilterLinks<T extends string | undefined>({
  label,
  options,
  current,
  hrefFor,
}: {
  label: string;
  options: { id: T; label: string }[];
  current: T;
  hrefFor: (value: T) => string;
}) {
  return (
    <nav className="segmented playlist-segmented" aria-label={label}>
      {options.map((option) => (
        <Link key={option.label} className="segmented-option" to={hrefFor(option.id)} aria-current={option.id === current ? 'true' : undefined}>
          {option.label}
        </Link>
      ))}
    </nav>
  );
}

const EMPTY: Record<'mine' | 'shared' | 'liked', (noun: string) => ReactNode> = {
  mine: (noun) => <p>You have no {noun} yet. Start one with “New playlist” or “New list” above, or add tracks from any album page with “Add to playlist”.</p>,
  shared: (noun) => <p>No {noun} have been shared with you yet. When someone you follow shares one with you by name, it shows up here.</p>,
  liked: (noun) => (
    <p>
      You have not liked any {noun} yet. <Link to="/playlists?tab=discover">Discover</Link> what others made and press ♡ Like on the ones you love.
    </p>
  ),
};

const LABELS: Record<'mine' | 'shared' | 'liked', string> = { mine: 'Your playlists', shared: 'Shared with you', liked: 'Liked playlists' };

function OwnList({ filter, kind }: { filter: 'mine' | 'shared' | 'liked'; kind: PlaylistKind | undefined }) {
  const query = usePlaylists(filter, kind);
  return <PlaylistGrid query={query} label={LABELS[filter]} showOwner={filter !== 'mine'} empty={EMPTY[filter](nounOf(kind))} />;
}

function CollaboratingList({ kind, viewerId }: { kind: PlaylistKind | undefined; viewerId: string }) {
  const invited = usePlaylists('invited', kind);
  const collaborating = usePlaylists('collaborating', kind);
  const invitations = invited.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {invitations.length > 0 && (
        <section className="playlist-invitations" aria-labelledby="invitations-title">
          <h2 id="invitations-title" className="section-heading">
            Invitations
          </h2>
          <PlaylistGrid
            query={invited}
            label="Invitations to collaborate"
            empty={null}
            renderExtra={(playlist) => <InvitationActions playlist={playlist} viewerId={viewerId} />}
          />
        </section>
      )}
      <PlaylistGrid
        query={collaborating}
        label="Playlists you collaborate on"
        empty={
          <p>You are not collaborating on any {nounOf(kind)} yet. When someone you follow invites you, the invitation shows up here to accept or decline.</p>
        }
      />
    </>
  );
}

const DISCOVER_EMPTY: Record<DiscoverSection, (noun: string) => ReactNode> = {
  newest: (noun) => <p>No public {noun} yet. Be the first: make one and leave it public.</p>,
  popular: (noun) => <p>No {noun} were liked this week yet. Look at the newest ones and like what you enjoy.</p>,
  following: (noun) => (
    <p>
      People you follow have not shared {noun} with you yet. Find people to follow through <Link to="/search">search</Link>.
    </p>
  ),
};

function DiscoverList({ section, kind }: { section: DiscoverSection; kind: PlaylistKind | undefined }) {
  const query = useDiscoverPlaylists(section, kind);
  const label = SECTIONS.find((s) => s.id === section)?.label ?? 'Discover';
  return <PlaylistGrid query={query} label={label} empty={DISCOVER_EMPTY[section](nounOf(kind))} />;
}
