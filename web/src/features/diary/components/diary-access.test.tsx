import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { DiaryList } from './diary-list';

function renderDiary(handle: string) {
  renderWithProviders(<DiaryList handle={handle} isOwner={false} emptyText="Nothing logged yet." />);
}

describe('DiaryList when the diary is not the viewer’s to read', () => {
  it('when the profile is private, then it says so and links to the profile instead of showing an error', async () => {
    mockFetch({ 'GET /api/users/ana/diary': () => problemResponse(403, 'profile_private', 'This profile is private.') });
    renderDiary('ana');
    expect(await screen.findByText(/@ana’s profile is private/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the profile' })).toHaveAttribute('href', '/users/ana');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the account is suspended, then it says so', async () => {
    mockFetch({ 'GET /api/users/ben/diary': () => problemResponse(403, 'account_suspended', 'This account is suspended.') });
    renderDiary('ben');
    expect(await screen.findByText(/This account is suspended/)).toBeInTheDocument();
  });

  it('when the handle is unknown, then it says there is no one by that name', async () => {
    mockFetch({ 'GET /api/users/nobody/diary': () => problemResponse(404, 'not_found', 'User not found.') });
    renderDiary('nobody');
    expect(await screen.findByText('There is no one called @nobody on Muse.')).toBeInTheDocument();
  });
});
