import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { RegisterForm } from './register-form';

const session = {
  user: { id: '1', handle: 'ada', email: 'ada@example.com', displayName: 'Ada', role: 'user', createdAt: '2026-01-01T00:00:00.000Z', hasPassword: true },
  csrfToken: 'session-token',
};

async function fillForm(values: { displayName?: string; handle?: string; email?: string; password?: string }) {
  const user = userEvent.setup();
  if (values.displayName) await user.type(screen.getByLabelText('Display name'), values.displayName);
  if (values.handle) await user.type(screen.getByLabelText('Handle'), values.handle);
  if (values.email) await user.type(screen.getByLabelText('Email'), values.email);
  if (values.password) await user.type(screen.getByLabelText('Password'), values.password);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('RegisterForm', () => {
  it('when input breaks the shared schema, then field errors show and nothing is sent', async () => {
    const { requests } = mockFetch({});
    renderWithProviders(<RegisterForm onSuccess={vi.fn()} />);

    await fillForm({ displayName: 'Ada', handle: 'a!', email: 'not-an-email', password: 'short' });

    const handle = screen.getByLabelText('Handle');
    expect(handle).toHaveAttribute('aria-invalid', 'true');
    expect(handle).toHaveAccessibleDescription('Handle must be at least 3 characters');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Password must be at least 8 characters');
    expect(screen.getByLabelText('Display name')).not.toHaveAttribute('aria-invalid');
    expect(handle).toHaveFocus();
    expect(requests).toHaveLength(0);
  });

  it('when the server rejects a field, then its message shows next to that field', async () => {
    mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }),
      'POST /api/auth/register': () =>
        problemResponse(409, 'handle_taken', 'That handle is already taken.', [{ path: 'handle', message: 'That handle is already taken.' }]),
    });
    const onSuccess = vi.fn();
    renderWithProviders(<RegisterForm onSuccess={onSuccess} />);

    await fillForm({ displayName: 'Ada', handle: 'ada', email: 'ada@example.com', password: 'correct horse battery' });

    await waitFor(() => expect(screen.getByLabelText('Handle')).toHaveAccessibleDescription('That handle is already taken.'));
    expect(screen.getByLabelText('Handle')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('when the server fails without field errors, then its detail shows above the form', async () => {
    mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }),
      'POST /api/auth/register': () => problemResponse(429, 'rate_limited', 'Too many attempts. Try again in 30 seconds.'),
    });
    renderWithProviders(<RegisterForm onSuccess={vi.fn()} />);

    await fillForm({ displayName: 'Ada', handle: 'ada', email: 'ada@example.com', password: 'correct horse battery' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
  });

  it('when registration succeeds, then the session is stored and onSuccess runs once', async () => {
    const { requests } = mockFetch({
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }),
      'POST /api/auth/register': () => jsonResponse(session, 201),
    });
    const onSuccess = vi.fn();
    const { queryClient } = renderWithProviders(<RegisterForm onSuccess={onSuccess} />);

    await fillForm({ displayName: 'Ada', handle: 'ada', email: 'ada@example.com', password: 'correct horse battery' });

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(queryClient.getQueryData(['me'])).toEqual(session.user);
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers['x-csrf-token']).toBe('anon');
    expect(post?.body).toEqual({ displayName: 'Ada', handle: 'ada', email: 'ada@example.com', password: 'correct horse battery' });
  });
});
