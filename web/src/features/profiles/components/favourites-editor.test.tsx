import type { ProfileView } from '@muse/shared';
import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { socialKeys } from '../../../lib/query-keys';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { profileView } from '../../../testing/social-fixtures';
import { FavouritesEditor } from './favourites-editor';

/** The editor fed from the cached profile, as the profile page feeds it. */
function Harness() {
  const profile = useQuery<ProfileView>({ queryKey: socialKeys.profile('nina'), queryFn: () => Promise.reject(new Error('not cached')) });
  return profile.data ? <FavouritesEditor handle="nina" favourites={profile.data.favourites} /> : null;
}

function renderEditor(put: Parameters<typeof mockFetch>[0][string]) {
  const { requests } = mockFetch({ 'PUT /api/me/favourites': put, 'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }) });
  const profile = profileView();
  const result = renderWithProviders(<Harness />);
  result.queryClient.setQueryData(socialKeys.profile('nina'), profile);
  return { ...result, requests, profile };
}

const order = () =>
  within(screen.getByRole('list', { name: 'Your favourite albums, in order' }))
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label'));

describe('FavouritesEditor', () => {
  it('when "Move later" is pressed with the keyboard, then the album moves, the new order is saved, announced, and focus stays on it', async () => {
    const { requests, profile } = renderEditor((request) => {
      const ids = (request.body as { albumIds: string[] }).albumIds;
      return jsonResponse({ favourites: ids.map((id) => profile.favourites.find((f) => f.id === id)) });
    });
    const later = await screen.findByRole('button', { name: 'Move Low later' });
    later.focus();
    await userEvent.keyboard('{Enter}');

    expect(order()).toEqual(['1. Tago Mago by Artist 2', '2. Low by Artist 1', '3. Hosianna Mantra by Artist 3']);
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ albumIds: ['102', '101', '103'] }]));
    expect(screen.getByRole('status')).toHaveTextContent('Low moved to position 2 of 3.');
    expect(screen.getByRole('button', { name: 'Move Low later' })).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(order()[2]).toBe('3. Low by Artist 1'));
    // At the end "Move later" is disabled: focus moves to "Move earlier" rather than being lost.
    expect(screen.getByRole('button', { name: 'Move Low earlier' })).toHaveFocus();
  });

  it('when the arrow keys are pressed on the drag handle, then the album moves one place each way and never past the ends', async () => {
    const { requests, profile } = renderEditor((request) => {
      const ids = (request.body as { albumIds: string[] }).albumIds;
      return jsonResponse({ favourites: ids.map((id) => profile.favourites.find((f) => f.id === id)) });
    });
    const handle = await screen.findByRole('button', { name: /Reorder Hosianna Mantra/ });
    handle.focus();
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(order()[1]).toBe('2. Hosianna Mantra by Artist 3'));
    expect(screen.getByRole('button', { name: /Reorder Hosianna Mantra/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}');
    await waitFor(() => expect(order()[0]).toBe('1. Hosianna Mantra by Artist 3'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PUT').at(-1)?.body).toEqual({ albumIds: ['103', '101', '102'] });
  });

  it('when the server refuses the new order, then the previous order comes back and the error is shown', async () => {
    renderEditor(() => problemResponse(404, 'not_found', 'Album not found'));
    const later = await screen.findByRole('button', { name: 'Move Low later' });
    await userEvent.click(later);
    await screen.findByText(/Your favourites were not saved/);
    expect(order()[0]).toBe('1. Low by Artist 1');
  });
});
