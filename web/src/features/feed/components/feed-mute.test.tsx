import type { FeedItem, MuteCreateInput, MuteView } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse, type RecordedRequest } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { activity, albumArtist, albumSummary, ana, ben, feedItem } from '../../../testing/social-fixtures';
import { isMutedBy } from '../api/feed-cache';
import { FeedItemCard } from './feed-item-card';
import { FeedList } from './feed-list';
import { MuteSettings } from './mute-settings';

const viewer = { id: '1' };
const benActor = { ...ben, avatarUrl: null };

/** Ana rated three albums (the second and third by the same artist); Ben reviewed one. */
function startingFeed(): FeedItem[] {
  const anaRatings = feedItem('ana-rated', [
    activity(1),
    activity(2),
    activity(3, 'rated', { album: albumSummary(3, 'Album 3', 'Artist 2'), albumArtists: [albumArtist(2)] }),
  ]);
  const benReview = feedItem('ben-reviewed', [activity(9, 'reviewed', { actor: benActor })]);
  return [anaRatings, benReview];
}

/**
 * A fake API holding the viewer's mutes: the feed is filtered by them as the server would, and
 * `holdFeed` keeps feed reads waiting so a test can see what the page shows before they answer.
 */
function fakeApi({ failMute = false } = {}) {
  const mutes: MuteView[] = [];
  let held: (() => void) | null = null;
  let holding = false;
  const label = (m: MuteCreateInput) => (m.kind === 'user' ? `@${m.target}` : m.kind === 'artist' ? `Artist ${Number(m.target) - 200}` : m.target);
  const feed = () => {
    const items = startingFeed().flatMap((item) => {
      const activities = item.activities.filter((a) => !mutes.some((m) => isMutedBy(m, a)));
      return activities.length ? [{ ...item, activities }] : [];
    });
    return jsonResponse({ items, nextCursor: null });
  };
  const server = mockFetch({
    'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
    'GET /api/feed': () => (holding ? new Promise<Response>((resolve) => (held = () => resolve(feed()))) : feed()),
    'GET /api/me/mutes': () => jsonResponse({ items: mutes }),
    'POST /api/me/mutes': (req) => {
      if (failMute) return problemResponse(409, 'too_many_mutes', 'You can mute at most 500 things.');
      const input = req.body as MuteCreateInput;
      const mute = { ...input, label: label(input) };
      mutes.push(mute);
      return jsonResponse(mute, 201);
    },
    'DELETE /api/me/mutes/user/ana': () => {
      mutes.splice(
        mutes.findIndex((m) => m.kind === 'user' && m.target === 'ana'),
        1,
      );
      return new Response(null, { status: 204 });
    },
  });
  return {
    ...server,
    mutes,
    holdFeed: () => {
      holding = true;
    },
    releaseFeed: () => {
      holding = false;
      held?.();
    },
  };
}

const posted = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'POST').map((r) => r.body);
const headings = () => screen.queryAllByTestId('feed-item').map((item) => within(item).getByRole('heading').textContent);
const itemNamed = (name: string) => screen.getByRole('article', { name });

async function openMenuOf(name: string) {
  await userEvent.click(within(itemNamed(name)).getByRole('button', { name: 'More actions' }));
  return screen.getByRole('menu');
}

describe('muting from the feed', () => {
  it('when the menu of a grouped rating is opened, then it offers the actor, the kind of activity and each distinct artist once', async () => {
    fakeApi();
    renderWithProviders(<FeedList live={false} viewerId={viewer.id} empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated 3 albums' });
    const button = within(itemNamed('Ana rated 3 albums')).getByRole('button', { name: 'More actions' });
    expect(button).toHaveAccessibleDescription('Ana rated 3 albums');
    const menu = await openMenuOf('Ana rated 3 albums');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Mute Ana', 'Hide ratings from my feed', 'Mute Artist 1', 'Mute Artist 2']);
  });

  it('when the albums credit more than three artists, then only the first three are offered', async () => {
    fakeApi();
    const many = feedItem(
      'many',
      [1, 2, 3, 4, 5].map((n) => activity(n)),
    );
    renderWithProviders(<FeedItemCard item={many} viewerId={viewer.id} onMute={() => {}} />);
    const menu = await openMenuOf('Ana rated 5 albums');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Mute Ana', 'Hide ratings from my feed', 'Mute Artist 1', 'Mute Artist 2', 'Mute Artist 3']);
  });

  it('when the item is the viewer’s own, nobody is signed in, or the page did not ask for it, then there is no menu', () => {
    const item = feedItem('own', [activity(1)]);
    renderWithProviders(
      <>
        <FeedItemCard item={item} viewerId={ana.id} onMute={() => {}} />
        <FeedItemCard item={{ ...item, id: 'anon' }} viewerId={null} onMute={() => {}} />
        <FeedItemCard item={{ ...item, id: 'profile' }} viewerId={viewer.id} />
      </>,
    );
    expect(screen.getAllByTestId('feed-item')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'More actions' })).not.toBeInTheDocument();
  });

  it('when the viewer mutes Ana with the keyboard, then her items vanish before the feed is read again, and "Muted Ana." offers Undo', async () => {
    const api = fakeApi();
    renderWithProviders(<FeedList live={false} viewerId={viewer.id} empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated 3 albums' });
    api.holdFeed();

    within(itemNamed('Ana rated 3 albums')).getByRole('button', { name: 'More actions' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('menuitem', { name: 'Mute Ana' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    const notice = screen.getByTestId('mute-notice');
    await waitFor(() => expect(notice).toHaveTextContent('Muted Ana.'));
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveAttribute('aria-live', 'polite');
    expect(posted(api.requests)).toEqual([{ kind: 'user', target: 'ana' }]);
    // The feed read that follows the mute has not answered: the cache was patched.
    expect(headings()).toEqual(['Bén 🎧 reviewed Album 9']);
    expect(within(notice).getByRole('button', { name: 'Undo' })).toHaveFocus();

    api.releaseFeed();
    await waitFor(() => expect(api.requests.filter((r) => r.path === '/api/feed')).toHaveLength(2));
    expect(headings()).toEqual(['Bén 🎧 reviewed Album 9']);
  });

  it('when the viewer presses Undo, then the mute is deleted and Ana’s items come back', async () => {
    const api = fakeApi();
    renderWithProviders(<FeedList live={false} viewerId={viewer.id} empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated 3 albums' });
    await openMenuOf('Ana rated 3 albums');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Mute Ana' }));
    const undo = await within(screen.getByTestId('mute-notice')).findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(headings()).toEqual(['Bén 🎧 reviewed Album 9']));

    await userEvent.click(undo);

    await waitFor(() => expect(screen.getByTestId('mute-notice')).toHaveTextContent('Unmuted Ana.'));
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/me/mutes/user/ana']);
    expect(api.mutes).toEqual([]);
    await waitFor(() => expect(headings()).toEqual(['Ana rated 3 albums', 'Bén 🎧 reviewed Album 9']));
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    expect(screen.getByTestId('mute-notice')).toBeEmptyDOMElement();
    expect(screen.getByRole('heading', { name: 'From people you follow' })).toHaveFocus();
  });

  it('when the viewer hides ratings using the arrow keys, then it posts the activity type and every rating leaves the feed', async () => {
    const api = fakeApi();
    renderWithProviders(<FeedList live={false} viewerId={viewer.id} empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated 3 albums' });
    within(itemNamed('Ana rated 3 albums')).getByRole('button', { name: 'More actions' }).focus();
    await userEvent.keyboard('[Space]{ArrowDown}{Enter}');

    await waitFor(() => expect(screen.getByTestId('mute-notice')).toHaveTextContent('Ratings hidden from your feed.'));
    expect(posted(api.requests)).toEqual([{ kind: 'activity_type', target: 'rated' }]);
    expect(headings()).toEqual(['Bén 🎧 reviewed Album 9']);
  });

  it('when the viewer mutes one artist of a group, then only that artist’s albums leave it and the group is counted again', async () => {
    const api = fakeApi();
    renderWithProviders(<FeedList live={false} viewerId={viewer.id} empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated 3 albums' });
    api.holdFeed();
    await openMenuOf('Ana rated 3 albums');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Mute Artist 2' }));

    await waitFor(() => expect(screen.getByTestId('mute-notice')).toHaveTextContent('Muted Artist 2.'));
    expect(posted(api.requests)).toEqual([{ kind: 'artist', target: albumArtist(2).id }]);
    expect(headings()).toEqual(['Ana rated Album 1', 'Bén 🎧 reviewed Album 9']);
    api.releaseFeed();
  });

  it('when Ben is muted from the feed, then the settings page’s list shows him at once with Unmute', async () => {
    fakeApi();
    renderWithProviders(
      <>
        <FeedList live={false} viewerId={viewer.id} empty="Nothing yet" />
        <MuteSettings />
      </>,
    );
    await screen.findByText(/Nothing is muted/);
    await openMenuOf('Bén 🎧 reviewed Album 9');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Mute Bén 🎧' }));
    const list = await screen.findByRole('list', { name: 'Muted in your feed' });
    expect(within(list).getByText('@ben')).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'Unmute @ben' })).toBeInTheDocument();
  });

  it('when the mute is refused, then the notice says why, nothing vanishes and there is nothing to undo', async () => {
    const api = fakeApi({ failMute: true });
    renderWithProviders(<FeedList live={false} viewerId={viewer.id} empty="Nothing yet" />);
    await screen.findByRole('heading', { name: 'Ana rated 3 albums' });
    await openMenuOf('Ana rated 3 albums');
    await userEvent.click(screen.getByRole('menuitem', { name: 'Mute Ana' }));

    const notice = screen.getByTestId('mute-notice');
    await waitFor(() => expect(notice).toHaveTextContent('Could not mute Ana: You can mute at most 500 things.'));
    expect(within(notice).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(headings()).toEqual(['Ana rated 3 albums', 'Bén 🎧 reviewed Album 9']);
    expect(api.mutes).toEqual([]);
  });
});
