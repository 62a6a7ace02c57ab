import type { OpinionChange } from '@muse/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { albumSummary } from '../../../testing/social-fixtures';
import { OpinionChanges } from './opinion-changes';

const change = (n: number, first: number, latest: number): OpinionChange => ({ album: albumSummary(n), first, latest, change: latest - first, ratings: 2 });

describe('OpinionChanges', () => {
  it('when a user has growers and faders, then each list names the album and how its rating moved', async () => {
    mockFetch({ 'GET /api/users/nina/opinion-changes': () => jsonResponse({ growers: [change(1, 2, 4.5)], faders: [change(2, 5, 3)] }) });
    renderWithProviders(<OpinionChanges handle="nina" visible />);

    const section = await screen.findByRole('region', { name: 'Growers and faders' });
    const [growers, faders] = within(section).getAllByRole('list');
    expect(within(growers!).getByRole('link', { name: 'Album 1' })).toHaveAttribute('href', '/albums/101');
    expect(growers).toHaveTextContent('2 stars → 4.5 stars (+2.5 ★)');
    expect(faders).toHaveTextContent('5 stars → 3 stars (−2 ★)');
  });

  it('when the profile is not visible, then nothing is asked for or shown', () => {
    const { requests } = mockFetch({});
    renderWithProviders(<OpinionChanges handle="nina" visible={false} />);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });
});
