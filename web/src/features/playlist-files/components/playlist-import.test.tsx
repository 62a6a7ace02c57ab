import type { PlaylistImportPreview } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { PlaylistImport } from './playlist-import';

const preview: PlaylistImportPreview = {
  previewId: 'p'.repeat(22),
  format: 'm3u',
  kind: 'playlist',
  title: 'Road trip',
  counts: { matched: 2, unmatched: 1, invalid: 1 },
  rows: [
    {
      line: 2,
      status: 'matched',
      entry: { snapshot: { title: 'Heroes', artists: ['David Bowie'], durationMs: 371_000 }, serviceIds: {}, note: null },
      match: { trackId: '11', title: '“Heroes”', artistCredit: 'David Bowie' },
    },
    {
      line: 4,
      status: 'matched',
      entry: { snapshot: { title: 'Low', artists: ['Cocteau Twins'] }, serviceIds: {}, note: null },
      match: { trackId: '12', title: 'Low', artistCredit: 'Cocteau Twins' },
    },
    {
      line: 6,
      status: 'unmatched',
      reason: 'no catalog track by this artist and title',
      entry: { snapshot: { title: 'Demo 3', artists: ['Nobody'] }, serviceIds: {}, note: null },
    },
    { line: 7, status: 'invalid', reason: 'a path with no #EXTINF line: no title to keep' },
  ],
};

const m3u = () => new File(['#EXTM3U\n#EXTINF:371,David Bowie - Heroes\nheroes.mp3\n'], 'road trip.m3u', { type: 'audio/x-mpegurl' });

afterEach(() => vi.restoreAllMocks());

describe('PlaylistImport', () => {
  it('when a file is read, then every row shows its outcome, and saving confirms the preview with the title and visibility chosen', async () => {
    const { requests, spy } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/playlist-imports/preview': () => jsonResponse(preview),
      'POST /api/playlist-imports/confirm': () => jsonResponse({ id: 'new-playlist-id' }, 201),
    });
    const onImported = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<PlaylistImport onImported={onImported} />);

    await user.upload(screen.getByLabelText('Playlist file'), m3u());
    await user.click(screen.getByRole('button', { name: 'Read and match' }));

    expect(await screen.findByRole('status')).toHaveTextContent('M3U file: 2 matched, 1 kept without a catalog match, 1 skipped.');
    const rows = within(screen.getByRole('region', { name: 'Rows of the file' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'LineIn the fileOutcome',
      '2David Bowie – Heroes (6:11)Matched → “Heroes” · David Bowie',
      '4Cocteau Twins – LowMatched → Low · Cocteau Twins',
      '6Nobody – Demo 3Kept, not in the catalog · no catalog track by this artist and title',
      '7—Skipped · a path with no #EXTINF line: no title to keep',
    ]);
    const uploaded = spy.mock.calls.find(([url]) => String(url).startsWith('/api/playlist-imports/preview'))!;
    expect(String(uploaded[0])).toBe('/api/playlist-imports/preview?filename=road+trip.m3u&kind=playlist');
    expect(uploaded[1]?.body).toBeInstanceOf(File);

    expect(screen.getByLabelText('Title')).toHaveValue('Road trip');
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Summer road trip');
    await user.selectOptions(screen.getByLabelText('Who can see it'), 'public');
    await user.click(screen.getByRole('button', { name: 'Save 3 tracks' }));

    await waitFor(() => expect(onImported).toHaveBeenCalledWith({ id: 'new-playlist-id' }));
    expect(requests.find((r) => r.path === '/api/playlist-imports/confirm')?.body).toEqual({
      previewId: preview.previewId,
      title: 'Summer road trip',
      kind: 'playlist',
      visibility: 'public',
    });
  });

  it('when the title is emptied, then saving says so and sends nothing', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/playlist-imports/preview': () => jsonResponse(preview),
    });
    const user = userEvent.setup();
    renderWithProviders(<PlaylistImport onImported={vi.fn()} />);
    await user.upload(screen.getByLabelText('Playlist file'), m3u());
    await user.click(screen.getByRole('button', { name: 'Read and match' }));
    await user.clear(await screen.findByLabelText('Title'));
    await user.click(screen.getByRole('button', { name: 'Save 3 tracks' }));
    expect(await screen.findByText('Title is required')).toBeInTheDocument();
    expect(requests.some((r) => r.path === '/api/playlist-imports/confirm')).toBe(false);
  });

  it('when the server refuses the file, then its reason is shown; a file over 2 MB is refused before any upload', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/playlist-imports/preview': () => problemResponse(400, 'malformed_playlist_file', 'The JSPF file is not valid JSON (line 3, column 7).'),
    });
    const user = userEvent.setup();
    renderWithProviders(<PlaylistImport onImported={vi.fn()} />);
    await user.upload(screen.getByLabelText('Playlist file'), new File(['{"playlist": ['], 'broken.jspf'));
    await user.click(screen.getByRole('button', { name: 'Read and match' }));
    expect(await screen.findByText('The JSPF file is not valid JSON (line 3, column 7).')).toBeInTheDocument();

    const huge = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'huge.csv');
    await user.upload(screen.getByLabelText('Playlist file'), huge);
    await user.click(screen.getByRole('button', { name: 'Read and match' }));
    expect(await screen.findByText(/larger than 2 MB/)).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/api/playlist-imports/preview')).toHaveLength(1);
  });
});
