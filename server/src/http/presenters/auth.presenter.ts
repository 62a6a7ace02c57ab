import type { Me, SessionResponse } from '@muse/shared';
import type { UserRow } from '../../features/auth/users.repo';

/** The signed-in user as they see themselves: chosen fields only, never the hash. */
export function presentMe(user: UserRow): Me {
  return {
    id: String(user.id),
    handle: user.handle,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    createdAt: new Date(user.created_at).toISOString(),
    hasPassword: user.password_set,
  };
}

export function presentSession(user: UserRow, csrfToken: string): SessionResponse {
  return { user: presentMe(user), csrfToken };
}
