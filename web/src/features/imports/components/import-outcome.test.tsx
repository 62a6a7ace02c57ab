import type { ImportRowView, ImportView } from '@muse/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { ImportOutcome } from './import-outcome';
import { ImportPreview } from './import-preview';

const row = (line: number, listenedOn: string | null, hasReview = false): ImportRowView => ({
  line,
  artist: 'Björk',
  title: `Album ${line}`,
  year: 1997,
  trackTitle: null,
  rating: 4,
  listenedOn,
  isRelisten: false,
  hasReview,
  status: 'matched',
  reason: null,
  match: { id: String(line), title: `Album ${line}`, artistCredit: 'Björk', releaseYear: 1997, type: 'album', coverUrl: null, genres: [] },
});

const view = (rows: ImportRowView[], overrides: Partial<ImportView> = {}): ImportView => ({
  id: '1',
  source: 'rym',
  status: 'ready',
  processed: rows.length,
  total: rows.length,
  matched: rows.length,
  unmatched: 0,
  invalid: 0,
  applied: 0,
  imported: null,
  error: null,
  rows,
  createdAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

describe('what an import says it adds', () => {
  it('when the rows have no dates, then the preview promises ratings and reviews, not diary entries', () => {
    renderWithProviders(<ImportPreview view={view([row(2, null, true), row(3, null)])} onConfirm={vi.fn()} confirming={false} />);

    expect(screen.getByText('2 rows will be imported as ratings and reviews. None has a date, so none will go to your diary.')).toBeInTheDocument();
  });

  it('when some rows have dates, then the preview says how many go to the diary', () => {
    renderWithProviders(<ImportPreview view={view([row(2, '2024-01-05'), row(3, null)])} onConfirm={vi.fn()} confirming={false} />);

    expect(screen.getByText('2 rows will be imported as ratings and reviews; 1 of them has a date and will go to your diary.')).toBeInTheDocument();
  });

  it('when a dateless import is done, then it counts ratings and reviews and says no diary entry was added', async () => {
    const done = view([row(2, null, true), row(3, null)], {
      status: 'done',
      applied: 2,
      imported: { ratings: 2, reviews: 1, diaryEntries: 0, listenLater: 0 },
    });
    renderWithProviders(<ImportOutcome view={done} handle="nina" />);

    expect(await screen.findByText(/2 ratings and 1 review imported\. No row had a date, so nothing was added to your diary\./)).toBeInTheDocument();
    expect(screen.queryByText(/added to your ratings and diary/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open your ratings' })).toHaveAttribute('href', '/users/nina');
  });

  it('when a dated import is done, then it counts the diary entries and links to the diary', async () => {
    const done = view([row(2, '2024-01-05')], {
      source: 'letterboxd',
      status: 'done',
      applied: 1,
      imported: { ratings: 1, reviews: 0, diaryEntries: 1, listenLater: 0 },
    });
    renderWithProviders(<ImportOutcome view={done} handle="nina" />);

    expect(await screen.findByText(/1 rating imported and 1 diary entry added\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open your diary' })).toHaveAttribute('href', '/users/nina/diary');
  });

  it('when a watchlist is previewed and imported, then it speaks of the Listen later queue and links to it', async () => {
    const rows = [row(2, null), row(3, null)].map((r) => ({ ...r, rating: null }));
    const { unmount } = renderWithProviders(<ImportPreview view={view(rows, { source: 'letterboxd-watchlist' })} onConfirm={vi.fn()} confirming={false} />);
    expect(screen.getByText('2 albums will be added to your Listen later queue.')).toBeInTheDocument();
    unmount();

    const done = view(rows, {
      source: 'letterboxd-watchlist',
      status: 'done',
      applied: 2,
      imported: { ratings: 0, reviews: 0, diaryEntries: 0, listenLater: 2 },
    });
    renderWithProviders(<ImportOutcome view={done} handle="nina" />);
    expect(await screen.findByText(/2 albums added to your Listen later queue\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Listen later' })).toHaveAttribute('href', '/listen-later');
  });
});
