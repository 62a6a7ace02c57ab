import type { PlaylistView } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PlaylistRoute } from '../../../app/routes/playlist-route';
import { setCsrfToken } from '../../../lib/api-client';
import { jsonResponse, mockFetch, type RecordedRequest } from '../../../testing/mock-fetch';
import { conflictResponse, meOf, nina, playlistView, trackEntry, writeResult } from '../testing/playlist-fixtures';
import { announcer, entryTitles, renderAt } from '../testing/render-playlist';

const MOVE = (entryId: string) => `POST /api/playlists/pl-00000001/entries/${entryId}/move`;
const NOTE = (entryId: string) => `PATCH /api/playlists/pl-00000001/entries/${entryId}`;

function renderPlaylist(view: PlaylistView, routes: Parameters<typeof mockFetch>[0]) {
  setCsrfToken('t');
  const { requests } = mockFetch({ 'GET /api/playlists/pl-00000001': () => jsonResponse(view), ...routes });
  return { ...renderAt(<PlaylistRoute />, { pattern: '/playlists/:id', path: '/playlists/pl-00000001', me: meOf(nina) }), requests };
}

/** A fake server holding the playlist: moves apply to its copy and bump the version, as the API does. */
function movingServer(view: PlaylistView) {
  let current = view;
  return (request: RecordedRequest) => {
    const entryId = request.path.split('/')[5]!;
    const { version, position } = request.body as { version: number; position: number };
    if (version !== current.version) return conflictResponse(current);
    const entries = current.entries.filter((e) => e.id !== entryId);
    const moved = current.entries.find((e) => e.id === entryId)!;
    entries.splice(position, 0, moved);
    current = { ...current, entries, version: current.version + 1 };
    return jsonResponse(writeResult(current.version, [moved]));
  };
}

const posted = (requests: RecordedRequest[], method: string) => requests.filter((r) => r.method === method).map((r) => r.body);

describe('reordering by keyboard', () => {
  it('when "Move down" is chosen from a row’s actions, then the row moves, the move is announced and saved on the version shown, and focus stays on its actions', async () => {
    const { requests } = renderPlaylist(playlistView(), { [MOVE('entry-0001')]: movingServer(playlistView()) });
    const actions = await screen.findByRole('button', { name: 'Actions for Everything in Its Right Place' });
    actions.focus();
    await userEvent.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Move down', 'Move to position…', 'Add note', 'Remove']);
    await userEvent.keyboard('{Enter}');

    expect(announcer()).toHaveTextContent('Moved Everything in Its Right Place to position 2 of 3.');
    await waitFor(() => expect(entryTitles()).toEqual(['Kid A', 'Everything in Its Right Place', 'The National Anthem']));
    await waitFor(() => expect(posted(requests, 'POST')).toEqual([{ version: 1, position: 1 }]));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions for Everything in Its Right Place' })));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the arrow keys are pressed on a row’s handle twice in a row, then both moves are saved in order, each on the version the one before left', async () => {
    const { requests } = renderPlaylist(playlistView(), { [MOVE('entry-0001')]: movingServer(playlistView()) });
    const handle = await screen.findByRole('button', { name: /^Reorder Everything in Its Right Place/ });
    handle.focus();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{ArrowDown}');
    expect(announcer()).toHaveTextContent('Moved Everything in Its Right Place to position 3 of 3.');
    await waitFor(() =>
      expect(posted(requests, 'POST')).toEqual([
        { version: 1, position: 1 },
        { version: 2, position: 2 },
      ]),
    );
    expect(entryTitles()).toEqual(['Kid A', 'The National Anthem', 'Everything in Its Right Place']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Reorder Everything in Its Right Place, position 3 of 3/ }));
  });

  it('when "Move to position…" is given a number, then the entry goes there; a number out of range is refused with a message', async () => {
    const { requests } = renderPlaylist(playlistView(), { [MOVE('entry-0003')]: movingServer(playlistView()) });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for The National Anthem' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Move to position…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move to position' });
    const field = within(dialog).getByRole('spinbutton', { name: 'Position (1 to 3)' });
    await userEvent.clear(field);
    await userEvent.type(field, '7');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(within(dialog).getByText('Enter a whole number from 1 to 3')).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, '1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));
    expect(announcer()).toHaveTextContent('Moved The National Anthem to position 1 of 3.');
    await waitFor(() => expect(posted(requests, 'POST')).toEqual([{ version: 1, position: 0 }]));
    expect(entryTitles()).toEqual(['The National Anthem', 'Everything in Its Right Place', 'Kid A']);
  });
});

describe('a stale version (409 playlist_version_conflict)', () => {
  const idioteque = trackEntry(4, 'Idioteque', { addedBy: '2', addedByUser: { id: '2', handle: 'otto', displayName: 'Otto' } });

  it('when someone added a track meanwhile, then the same move is made on the current playlist and sent once more, and the page shows both changes', async () => {
    // On the server Otto already put Idioteque first: version 2.
    const current = playlistView({ version: 2, entries: [idioteque, ...playlistView().entries] });
    const { requests } = renderPlaylist(playlistView(), { [MOVE('entry-0003')]: movingServer(current) });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for The National Anthem' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Move to position…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move to position' });
    await userEvent.clear(within(dialog).getByRole('spinbutton'));
    await userEvent.type(within(dialog).getByRole('spinbutton'), '1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move' }));

    await waitFor(() =>
      expect(posted(requests, 'POST')).toEqual([
        { version: 1, position: 0 },
        { version: 2, position: 0 },
      ]),
    );
    await waitFor(() => expect(entryTitles()).toEqual(['The National Anthem', 'Idioteque', 'Everything in Its Right Place', 'Kid A']));
    expect(
      screen.getByText('Someone else changed this playlist meanwhile; your move of “The National Anthem” was applied to the latest version.'),
    ).toBeInTheDocument();
    expect(screen.getByText('added by')).toBeInTheDocument();
  });

  it('when the entry being moved was removed meanwhile, then nothing is sent again, the current playlist is shown and the page says so', async () => {
    const current = playlistView({ version: 2, entries: playlistView().entries.filter((e) => e.snapshot.title !== 'Kid A') });
    const { requests } = renderPlaylist(playlistView(), { [MOVE('entry-0002')]: movingServer(current) });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Kid A' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Move down' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Kid A” was removed from this playlist by someone else before your move of “Kid A” was saved. This is the playlist as it is now.',
    );
    expect(entryTitles()).toEqual(['Everything in Its Right Place', 'The National Anthem']);
    expect(posted(requests, 'POST')).toHaveLength(1);
  });

  it('when a note meets a stale version, then the same note is sent on the current version and shown', async () => {
    const current = playlistView({ version: 5, title: 'Night drive (renamed)' });
    let calls = 0;
    const { requests } = renderPlaylist(playlistView(), {
      [NOTE('entry-0002')]: (request) => {
        calls += 1;
        const { version, note } = request.body as { version: number; note: string };
        if (version !== 5) return conflictResponse(current);
        return jsonResponse(writeResult(6, [{ ...current.entries[1]!, note }]));
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Kid A' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Add note' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Note on Kid A' }), 'Track of the year');
    await userEvent.click(screen.getByRole('button', { name: 'Save note' }));

    await waitFor(() => expect(calls).toBe(2));
    expect(posted(requests, 'PATCH')).toEqual([
      { version: 1, note: 'Track of the year' },
      { version: 5, note: 'Track of the year' },
    ]);
    expect(await screen.findByText('Track of the year')).toHaveClass('entry-note');
    expect(await screen.findByRole('heading', { level: 1, name: 'Night drive (renamed)' })).toBeInTheDocument();
    await waitFor(() => expect(announcer()).toHaveTextContent('Note saved on Kid A.'));
  });

  it('when the playlist changes again while the note is re-sent, then the note is not lost: the page says it was not saved and repeats it', async () => {
    let version = 1;
    renderPlaylist(playlistView(), {
      [NOTE('entry-0002')]: () => {
        version += 1;
        return conflictResponse(playlistView({ version }));
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Kid A' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Add note' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Note on Kid A' }), 'Track of the year');
    await userEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The playlist kept changing, so your note on “Kid A” was not saved.');
    expect(alert).toHaveTextContent('Your note was: “Track of the year”');
  });
});
