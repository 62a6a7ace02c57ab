import type { RecommendationPage } from '@muse/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../testing/mock-fetch';
import { renderWithProviders } from '../../testing/render';
import { albumSummary } from '../../testing/social-fixtures';
import { DiscoverRoute, discoverFiltersFrom } from './discover-route';

const PAGE: RecommendationPage = {
  items: [{ kind: 'album', album: albumSummary(1, 'Kid A', 'Radiohead'), track: null, reasons: [{ kind: 'popular', text: 'Popular with Muse listeners' }] }],
  nextCursor: null,
  computedAt: null,
};

describe('DiscoverRoute', () => {
  it('shows the picks with an add-to-list menu each, the filters and people with the same taste', async () => {
    mockFetch({
      'GET /api/recommendations': () => jsonResponse(PAGE),
      'GET /api/users/me/follow-suggestions': () => jsonResponse({ items: [] }),
    });
    renderWithProviders(<DiscoverRoute />);
    expect(screen.getByRole('heading', { level: 1, name: 'Discover' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Kid A' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to list' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Albums' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('combobox', { name: 'Decade' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'People with your taste' })).toBeInTheDocument();
    expect(await screen.findByText(/Rate more albums and people who agree with you/)).toBeInTheDocument();
  });

  it('reads the filters from the address and ignores what it does not know', () => {
    expect(discoverFiltersFrom(new URLSearchParams('kind=tracks&decade=1990&genre=Jazz'))).toEqual({ kind: 'tracks', decade: 1990, genre: 'Jazz' });
    expect(discoverFiltersFrom(new URLSearchParams('kind=songs&decade=1995&genre=%20'))).toEqual({ kind: 'albums', decade: undefined, genre: undefined });
  });
});
