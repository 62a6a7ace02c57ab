import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { getCsrfToken } from '../../../lib/api-client';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { createTestQueryClient } from '../../../testing/render';
import { useLogout } from './logout';
import { applySession, getSignOutReason, meQueryKey } from './session';

const session = {
  user: {
    id: '1',
    handle: 'ada',
    email: 'ada@example.com',
    displayName: 'Ada',
    role: 'user' as const,
    createdAt: '2026-01-01T00:00:00.000Z',
    hasPassword: true,
  },
  csrfToken: 'session-token',
};

/** A client holding what a signed-in session leaves in memory: the user, notifications, a private profile. */
function signedInClient() {
  const queryClient = createTestQueryClient();
  applySession(queryClient, session);
  queryClient.setQueryData(['notifications', 'list'], { items: [{ id: '5', title: 'Otto followed you' }] });
  queryClient.setQueryData(['profiles', 'ada'], { user: { handle: 'ada', bio: 'private bio' } });
  return queryClient;
}

function logoutHook(queryClient: ReturnType<typeof createTestQueryClient>) {
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return renderHook(() => useLogout(), { wrapper });
}

describe('signing out clears what the browser holds', () => {
  it('when the user logs out, then every cached answer of the session and its CSRF token are gone, and the user is null', async () => {
    const { requests } = mockFetch({ 'POST /api/auth/logout': () => new Response(null, { status: 204 }) });
    const queryClient = signedInClient();
    expect(getCsrfToken()).toBe('session-token');
    const { result } = logoutHook(queryClient);

    await act(() => result.current.mutateAsync());

    expect(requests.map((r) => `${r.method} ${r.path} ${r.headers['x-csrf-token']}`)).toEqual(['POST /api/auth/logout session-token']);
    expect(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.queryKey),
    ).toEqual([meQueryKey]);
    expect(queryClient.getQueryData(meQueryKey)).toBeNull();
    expect(getCsrfToken()).toBeNull();
    expect(getSignOutReason()).toBe('logged_out');
  });

  it('when the session had already ended on the server (401), then the browser forgets it all the same', async () => {
    mockFetch({
      'POST /api/auth/logout': () => problemResponse(401, 'unauthenticated', 'Sign in first.'),
      'GET /api/csrf': () => jsonResponse({ csrfToken: 'anon' }),
    });
    const queryClient = signedInClient();
    const { result } = logoutHook(queryClient);

    act(() => result.current.mutate());

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(queryClient.getQueryData(['notifications', 'list'])).toBeUndefined();
    expect(queryClient.getQueryData(meQueryKey)).toBeNull();
  });
});
