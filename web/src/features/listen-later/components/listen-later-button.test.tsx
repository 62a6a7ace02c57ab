import type { ListenLaterIndex } from '@muse/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listenLaterKeys } from '../../../lib/query-keys';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { ListenLaterButton } from './listen-later-button';

const csrf = { 'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }) };
const index =
  (albumIds: string[], keptAlbumIds: string[] = []) =>
  () =>
    jsonResponse({ albumIds, keptAlbumIds } satisfies ListenLaterIndex);
const item = (keep = false) => jsonResponse({ album: albumSummary(1, 'Kid A'), addedAt: '2026-12-01T10:00:00.000Z', keep });

/** A response the test releases when it wants, to look at the button while the request is on its way. */
function deferred(): { handler: () => Promise<Response>; release: (response: Response) => void } {
  let release: (response: Response) => void = () => undefined;
  const answer = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { handler: () => answer, release };
}

describe('ListenLaterButton', () => {
  it('when an album not yet queued is pressed, then it shows pressed at once, sends PUT and stays pressed', async () => {
    const put = deferred();
    let queued = ['7'];
    const { requests } = mockFetch({
      ...csrf,
      'GET /api/me/listen-later/ids': () => index(queued)(),
      'PUT /api/me/listen-later/101': () => {
        queued = ['101', ...queued];
        return put.handler();
      },
    });
    renderWithProviders(<ListenLaterButton albumId="101" albumTitle="Kid A" />);
    const button = await screen.findByRole('button', { name: 'Listen later' });
    expect(button).toHaveAttribute('aria-pressed', 'false');

    await userEvent.click(button);
    // Optimistic: pressed while the server has not answered yet.
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'true'));
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([
      expect.objectContaining({ path: '/api/me/listen-later/101', body: {}, headers: expect.objectContaining({ 'x-csrf-token': 't' }) }),
    ]);
    put.release(item());
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/me/listen-later/ids')).toHaveLength(2));
    expect(button).toHaveAttribute('aria-pressed', 'true');
  });

  it('when a queued album is pressed, then it sends DELETE and is no longer pressed', async () => {
    let queued = ['101'];
    const { requests } = mockFetch({
      ...csrf,
      'GET /api/me/listen-later/ids': () => index(queued)(),
      'DELETE /api/me/listen-later/101': () => {
        queued = [];
        return new Response(null, { status: 204 });
      },
    });
    renderWithProviders(<ListenLaterButton albumId="101" albumTitle="Kid A" />);
    const button = await screen.findByRole('button', { name: 'Listen later', pressed: true });
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/me/listen-later/101']);
    // The index is read again after the write and agrees.
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/me/listen-later/ids')).toHaveLength(2));
    expect(button).toHaveAttribute('aria-pressed', 'false');
  });

  it('when the server refuses (a full queue), then the button goes back and says why', async () => {
    mockFetch({
      ...csrf,
      'GET /api/me/listen-later/ids': index([]),
      'PUT /api/me/listen-later/101': () => problemResponse(409, 'listen_later_full', 'Your Listen later queue already holds 5,000 albums.'),
    });
    const { queryClient } = renderWithProviders(<ListenLaterButton albumId="101" albumTitle="Kid A" />);
    const button = await screen.findByRole('button', { name: 'Listen later' });
    await userEvent.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent('Your Listen later queue already holds 5,000 albums.');
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveAccessibleDescription('Your Listen later queue already holds 5,000 albums.');
    expect(queryClient.getQueryData<ListenLaterIndex>(listenLaterKeys.index())?.albumIds).toEqual([]);
  });

  it('when shown on a card, then it is an icon button named after its album, so many side by side stay apart', async () => {
    mockFetch({ ...csrf, 'GET /api/me/listen-later/ids': index(['101', '102']) });
    renderWithProviders(
      <>
        <ListenLaterButton variant="icon" albumId="101" albumTitle="Kid A" />
        <ListenLaterButton variant="icon" albumId="103" albumTitle="Amnesiac" />
      </>,
    );
    expect(await screen.findByRole('button', { name: 'Listen later: Kid A', pressed: true })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Listen later: Amnesiac', pressed: false })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('when shown on an album tile, then its words show and its name adds the album, keeping the words first for speech input', async () => {
    mockFetch({ ...csrf, 'GET /api/me/listen-later/ids': index(['101']) });
    renderWithProviders(<ListenLaterButton variant="chip" albumId="101" albumTitle="Kid A" />);
    const chip = await screen.findByRole('button', { name: 'Listen later: Kid A', pressed: true });
    expect(chip).toHaveTextContent(/^Listen later/);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('when a queued album is shown on its page, then "Keep after I rate or log it" can be switched on', async () => {
    let kept: string[] = [];
    const { requests } = mockFetch({
      ...csrf,
      'GET /api/me/listen-later/ids': () => index(['101'], kept)(),
      'PATCH /api/me/listen-later/101': () => {
        kept = ['101'];
        return item(true);
      },
    });
    renderWithProviders(<ListenLaterButton albumId="101" albumTitle="Kid A" />);
    const keep = await screen.findByRole('checkbox', { name: 'Keep after I rate or log it' });
    expect(keep).not.toBeChecked();
    await userEvent.click(keep);
    await waitFor(() => expect(keep).toBeChecked());
    expect(requests.find((r) => r.method === 'PATCH')).toMatchObject({ path: '/api/me/listen-later/101', body: { keep: true } });
  });
});
