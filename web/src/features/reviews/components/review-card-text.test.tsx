import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { review } from '../../../testing/catalog-fixtures';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { AlbumReviews } from './album-reviews';

const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:alert(1)">click</a>';

describe('user text on review cards', () => {
  it('when a review and its author’s name hold HTML, then the card shows it as text and makes no element of it', async () => {
    const hostile = review({ id: '950', author: { id: '7', handle: 'mallory', displayName: '<b>Mallory</b>' }, body: MARKUP });
    mockFetch({ 'GET /api/albums/42/reviews': () => jsonResponse({ items: [hostile], nextCursor: null }) });
    const { container } = renderWithProviders(<AlbumReviews albumId="42" canLike={false} viewerId={null} />);

    const body = await screen.findByText(MARKUP);
    expect(body.textContent).toBe(MARKUP);
    expect(screen.getAllByText('<b>Mallory</b>', { exact: false }).length).toBeGreaterThan(0);
    expect(container.querySelector('article img[src="x"], article script, article b, article a[href^="javascript:"]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
