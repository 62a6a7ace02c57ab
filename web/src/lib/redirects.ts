/**
 * The in-app path to return to after signing in, or the fallback. Only same-origin paths
 * are accepted so a crafted `?next=` cannot send people elsewhere.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/home'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The login URL that brings the user back to `path` afterwards. */
export function loginPathFor(path: string): string {
  return path && path !== '/' ? `/login?next=${encodeURIComponent(path)}` : '/login';
}
