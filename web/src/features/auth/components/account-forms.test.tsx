import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ChangePasswordForm } from './change-password-form';
import { DeleteAccountForm } from './delete-account-form';

/** An account made by Sign in with Spotify has no password until its owner sets one; every other account has one. */
const sessionOf = (hasPassword: boolean) => ({
  user: { id: '1', handle: 'ada', email: 'ada@example.com', displayName: 'Ada', role: 'user', createdAt: '2026-01-01T00:00:00.000Z', hasPassword },
  csrfToken: 'session-token',
});

describe('ChangePasswordForm', () => {
  it('when the account has a password, then the current one is asked for and sent with the new one', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/me/password': () => jsonResponse(sessionOf(true)),
    });
    renderWithProviders(<ChangePasswordForm hasPassword />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('New password'), 'another long passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription('Current password is required');
    expect(requests.filter((r) => r.path === '/api/me/password')).toHaveLength(0);

    await user.type(screen.getByLabelText('Current password'), 'the old passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password has been changed.')).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/api/me/password')?.body).toEqual({
      currentPassword: 'the old passphrase',
      newPassword: 'another long passphrase',
    });
  });

  it('when the account has no password, then it sets one without asking for a current one', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'POST /api/me/password': () => jsonResponse(sessionOf(true)),
    });
    renderWithProviders(<ChangePasswordForm hasPassword={false} />);
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change password' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('New password'), 'a password of my own');
    await user.click(screen.getByRole('button', { name: 'Set a password' }));
    expect(await screen.findByText(/Your password is set/)).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/api/me/password')?.body).toEqual({ newPassword: 'a password of my own' });
  });
});

describe('DeleteAccountForm', () => {
  it('when the account has a password, then deletion is confirmed with it and a wrong one is named on the field', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'DELETE /api/me': () =>
        problemResponse(400, 'invalid_password', 'The password is not right.', [{ path: 'password', message: 'The password is not right' }]),
    });
    renderWithProviders(<DeleteAccountForm hasPassword handle="ada" />);
    expect(screen.queryByLabelText('Confirm with your handle')).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Confirm with your password'), 'not my password');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    await waitFor(() => expect(screen.getByLabelText('Confirm with your password')).toHaveAccessibleDescription('The password is not right'));
    expect(requests.find((r) => r.path === '/api/me')?.body).toEqual({ password: 'not my password' });
  });

  it('when the account has no password, then deletion is confirmed by typing the handle, and another one is named on the field', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 't' }),
      'DELETE /api/me': () =>
        problemResponse(400, 'invalid_handle_confirmation', 'Type your handle to confirm.', [{ path: 'handle', message: 'That is not your handle' }]),
    });
    renderWithProviders(<DeleteAccountForm hasPassword={false} handle="demo_listener" />);
    expect(screen.queryByLabelText('Confirm with your password')).not.toBeInTheDocument();
    const field = screen.getByLabelText('Confirm with your handle');
    expect(field).toHaveAttribute('type', 'text');
    expect(field).toHaveAccessibleDescription(/Type demo_listener to confirm/);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(field).toHaveAccessibleDescription('Handle is required');
    expect(requests.filter((r) => r.path === '/api/me')).toHaveLength(0);

    await user.type(field, 'demo_listenr');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('That is not your handle'));
    expect(requests.find((r) => r.path === '/api/me')?.body).toEqual({ handle: 'demo_listenr' });
  });
});
