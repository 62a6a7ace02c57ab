import type { ImportView } from '@muse/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { guessSource, ImportForm } from './import-form';

const REVIEWS_CSV =
  'review_id,item_type,album_id,artist,album_title,release_year,upc,album_spotify_id,album_apple_id,discogs_id,track_id,track_title,track_artist,isrc,track_spotify_id,track_apple_id,stars,listened_on,is_relisten,like_count,comment_count,body,created_at,updated_at\n';

describe('importing a Muse export’s reviews', () => {
  it('when the file is a Muse reviews.csv, then its source is recognised; other files keep theirs', () => {
    expect(guessSource(REVIEWS_CSV, 'reviews.csv')).toBe('muse-reviews');
    expect(guessSource('Date,Name,Year,Rating\n', 'diary.csv')).toBe('letterboxd');
    expect(guessSource('Date,Name,Year\n', 'watchlist.csv')).toBe('letterboxd-watchlist');
  });

  it('when a reviews.csv is chosen, then "Muse export" is selected and the upload says so', async () => {
    const created: ImportView = {
      id: '7',
      source: 'muse-reviews',
      status: 'parsing',
      processed: 0,
      total: 0,
      matched: 0,
      unmatched: 0,
      invalid: 0,
      applied: 0,
      imported: null,
      error: null,
      rows: [],
      createdAt: '2026-12-06T00:00:00.000Z',
    };
    const { requests } = mockFetch({ 'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }), 'POST /api/imports': () => jsonResponse(created, 202) });
    const onStarted = vi.fn();
    renderWithProviders(<ImportForm onStarted={onStarted} />);
    await userEvent.upload(
      screen.getByLabelText(/CSV file/i),
      new File([`${REVIEWS_CSV}1,track,3,Björk,Homogenic,1997,,,,,4,Jóga,Björk,,,,5,,false,0,0,Volcanic,,\n`], 'reviews.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByRole('radio', { name: /Muse export, album and track reviews/ })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Upload and match' }));
    await vi.waitFor(() => expect(onStarted.mock.calls[0]?.[0]).toEqual(created));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ source: 'muse-reviews' });
  });
});
