import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogKeys } from '../../../lib/query-keys';
import { review } from '../../../testing/catalog-fixtures';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { createTestQueryClient, renderWithProviders } from '../../../testing/render';
import { useReview } from '../api/get-review';
import { LikeButton } from './like-button';

function LikeFromCache({ id }: { id: string }) {
  const data = useReview(id).data;
  return data ? <LikeButton reviewId={id} liked={data.likedByViewer} likeCount={data.likeCount} canLike /> : null;
}

function setup(likeAnswer: () => Response) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(catalogKeys.review('900'), { ...review({ likeCount: 2 }), comments: { items: [], nextCursor: null } });
  const fetched = mockFetch({
    'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }),
    'PUT /api/reviews/900/like': likeAnswer,
  });
  renderWithProviders(<LikeFromCache id="900" />, { queryClient });
  return fetched;
}

describe('LikeButton', () => {
  it('when pressed, then it turns on (aria-pressed) and shows the server’s count', async () => {
    const { requests } = setup(() => jsonResponse({ liked: true, likeCount: 7 }));
    const button = screen.getByRole('button', { name: /Like/ });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('like-count')).toHaveTextContent('7 likes'));
    expect(screen.getByRole('button', { name: /Like/ })).toHaveAttribute('aria-pressed', 'true');
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('when the server refuses, then the like is taken back', async () => {
    setup(() => problemResponse(404, 'not_found', 'Review not found.'));
    await userEvent.click(screen.getByRole('button', { name: /Like/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Like/ })).toHaveAttribute('aria-pressed', 'false'));
    expect(screen.getByTestId('like-count')).toHaveTextContent('2 likes');
  });
});
