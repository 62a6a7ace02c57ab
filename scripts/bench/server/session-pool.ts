import { connect } from '../lib/pg-admin';

/** A signed-in user: what a browser would send back on every request. */
export interface BenchSession {
  userId: string;
  /** `name=value` of the session cookie. */
  cookie: string;
  csrfToken: string;
}

const LOGIN_CONCURRENCY = 4;

function cookiePair(setCookie: string[], name: string): string | null {
  for (const line of setCookie) {
    const pair = line.split(';', 1)[0]!;
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

/** Signs one user in the way the web app does: anonymous CSRF token first, then the login form. */
export async function signIn(baseUrl: string, identifier: string, password: string): Promise<BenchSession> {
  const csrf = await fetch(`${baseUrl}/api/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/csrf answered ${csrf.status}`);
  const csrfCookie = cookiePair(csrf.headers.getSetCookie(), 'muse_csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  if (!csrfCookie) throw new Error('GET /api/csrf set no muse_csrf cookie');

  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
    body: JSON.stringify({ identifier, password }),
  });
  if (!login.ok) throw new Error(`signing in as ${identifier} answered ${login.status}: ${await login.text()}`);
  const body = (await login.json()) as { user: { id: string }; csrfToken: string };
  const cookie = cookiePair(login.headers.getSetCookie(), 'muse_sid');
  if (!cookie) throw new Error(`signing in as ${identifier} set no muse_sid cookie`);
  return { userId: body.user.id, cookie, csrfToken: body.csrfToken };
}

/**
 * Signs in `size` users spread over the whole id range (heavy raters and quiet ones alike),
 * a few at a time: each sign-in is an argon2 verification on the server.
 */
export async function signInPool(baseUrl: string, databaseUrl: string, size: number, password: string): Promise<BenchSession[]> {
  const db = await connect(databaseUrl);
  let handles: string[];
  try {
    const { rows } = await db.query<{ handle: string }>(`SELECT handle FROM users WHERE handle ~ '_[0-9]+$' ORDER BY hashint8(id) LIMIT $1`, [size]);
    handles = rows.map((r) => r.handle);
  } finally {
    await db.end();
  }
  if (handles.length < size) throw new Error(`the data set has only ${handles.length} users to sign in (wanted ${size})`);

  const sessions: BenchSession[] = [];
  let next = 0;
  const worker = async () => {
    while (next < handles.length) {
      const handle = handles[next++]!;
      sessions.push(await signIn(baseUrl, handle, password));
    }
  };
  await Promise.all(Array.from({ length: LOGIN_CONCURRENCY }, worker));
  return sessions;
}
