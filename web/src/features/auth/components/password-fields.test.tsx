import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { ChangePasswordForm } from './change-password-form';
import { DeleteAccountForm } from './delete-account-form';
import { LoginForm } from './login-form';
import { RegisterForm } from './register-form';

const session = {
  user: { id: '1', handle: 'ada', email: 'ada@example.com', displayName: 'Ada', role: 'user', createdAt: '2026-01-01T00:00:00.000Z', hasPassword: true },
  csrfToken: 'session-token',
};

// A passphrase a password manager could fill: spaces at both ends, no digit or capital, any script, longer than most limits.
const PASSPHRASE = `  ${'ночь над рекой '.repeat(12)}🎸  `;

const FORMS: Array<{ name: string; element: () => ReactElement; fields: Record<string, 'current-password' | 'new-password'> }> = [
  { name: 'sign-in', element: () => <LoginForm onSuccess={vi.fn()} />, fields: { Password: 'current-password' } },
  { name: 'registration', element: () => <RegisterForm onSuccess={vi.fn()} />, fields: { Password: 'new-password' } },
  {
    name: 'password change',
    element: () => <ChangePasswordForm hasPassword />,
    fields: { 'Current password': 'current-password', 'New password': 'new-password' },
  },
  { name: 'account deletion', element: () => <DeleteAccountForm hasPassword handle="ada" />, fields: { 'Confirm with your password': 'current-password' } },
];

describe('password fields', () => {
  it.each(FORMS)(
    'when the $name form shows, then each password field is masked, named for password managers, and takes a pasted passphrase whole',
    async ({ element, fields }) => {
      mockFetch({});
      renderWithProviders(element());
      for (const [label, autoComplete] of Object.entries(fields)) {
        const input = screen.getByLabelText(label);
        expect(input).toHaveAttribute('type', 'password');
        expect(input).toHaveAttribute('autocomplete', autoComplete);
        // A maxlength would cut a pasted password short without a word; none is set.
        expect(input).not.toHaveAttribute('maxlength');
        expect(input).not.toHaveAttribute('readonly');
        await userEvent.click(input);
        await userEvent.paste(PASSPHRASE);
        expect(input).toHaveValue(PASSPHRASE);
      }
    },
  );

  it('when a pasted passphrase is sent to sign in, then the API gets it exactly, spaces at the ends included', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon-token' }),
      'POST /api/auth/login': () => jsonResponse(session),
    });
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    await userEvent.type(screen.getByLabelText('Handle or email'), 'ada');
    await userEvent.click(screen.getByLabelText('Password'));
    await userEvent.paste(PASSPHRASE);
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(requests.find((r) => r.path === '/api/auth/login')?.body).toEqual({ identifier: 'ada', password: PASSPHRASE });
  });
});
