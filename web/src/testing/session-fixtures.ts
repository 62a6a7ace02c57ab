import type { Me, UserSummary } from '@muse/shared';

/** A signed-in account as GET /api/me answers it, for `user` (a listener with a password unless said). */
export function meOf(user: UserSummary, overrides: Partial<Me> = {}): Me {
  return { ...user, email: `${user.handle}@example.com`, role: 'user', createdAt: '2026-01-01T00:00:00.000Z', hasPassword: true, ...overrides };
}
