import crypto from 'node:crypto';
import { loadSandboxCatalog } from './sandbox-catalog';
import type { SandboxCatalog } from './sandbox-catalog-types';
import { startProviderSandbox, type ProviderSandbox } from './start-sandbox';

let catalog: Promise<SandboxCatalog> | null = null;

/** A sandbox on a free port over the default catalog (built once per test file). */
export async function startTestSandbox(options: { now?: () => number } = {}): Promise<ProviderSandbox> {
  catalog ??= loadSandboxCatalog();
  return startProviderSandbox({ catalog: await catalog, ...options });
}

export const REDIRECT_URI = 'http://127.0.0.1:4000/api/auth/spotify/callback';
export const ALL_SCOPES = [
  'user-read-email',
  'user-read-private',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-public',
  'playlist-modify-private',
];

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = crypto.randomBytes(48).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeQuery(overrides: Record<string, string | undefined> = {}, challenge = pkcePair().challenge): URLSearchParams {
  const params: Record<string, string | undefined> = {
    client_id: 'muse-sandbox-client',
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    state: 'state-123',
    scope: ALL_SCOPES.join(' '),
    code_challenge_method: 'S256',
    code_challenge: challenge,
    ...overrides,
  };
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Presses "Continue as <user>" on the authorize page: the form post the page's button sends. */
export async function approve(sandbox: ProviderSandbox, query: URLSearchParams, userId = 'demo-listener', decision = 'allow'): Promise<Response> {
  const form = new URLSearchParams(query);
  form.set('user', userId);
  form.set('decision', decision);
  return fetch(`${sandbox.url}/spotify-accounts/authorize`, { method: 'POST', body: form, redirect: 'manual' });
}

export async function tokenRequest(sandbox: ProviderSandbox, form: Record<string, string>, basic?: string): Promise<Response> {
  return fetch(`${sandbox.url}/spotify-accounts/api/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: basic ? { authorization: `Basic ${Buffer.from(basic).toString('base64')}` } : {},
  });
}

export interface SpotifyTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
}

/** The whole PKCE sign-in of a demo user, as a browser and Muse's callback would do it. */
export async function signInSpotify(sandbox: ProviderSandbox, userId = 'demo-listener', scopes = ALL_SCOPES): Promise<SpotifyTokens> {
  const { verifier, challenge } = pkcePair();
  const query = authorizeQuery({ scope: scopes.join(' ') }, challenge);
  const redirect = await approve(sandbox, query, userId);
  const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
  const res = await tokenRequest(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    client_id: 'muse-sandbox-client',
    code_verifier: verifier,
  });
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as SpotifyTokens;
}

export async function clientCredentialsToken(sandbox: ProviderSandbox): Promise<string> {
  const res = await tokenRequest(sandbox, { grant_type: 'client_credentials' }, 'muse-sandbox-client:muse-sandbox-secret');
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A GET on the Spotify Web API with a bearer token; answers status and parsed body. */
export async function spotifyGet(sandbox: ProviderSandbox, path: string, token: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const url = path.startsWith('http') ? path : `${sandbox.url}/spotify/v1${path}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

export async function spotifySend(
  sandbox: ProviderSandbox,
  method: string,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${sandbox.url}/spotify/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** An Apple developer token signed as Muse's adapter signs it (ES256, kid, iss = team id). */
export function developerToken(sandbox: ProviderSandbox, overrides: { header?: object; payload?: object; key?: string } = {}): string {
  const { teamId, keyId, privateKeyPem } = sandbox.appleCredentials();
  const now = Math.floor(Date.now() / 1000);
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signingInput = `${enc({ alg: 'ES256', kid: keyId, ...overrides.header })}.${enc({ iss: teamId, iat: now, exp: now + 3600, ...overrides.payload })}`;
  const signature = crypto.sign('sha256', Buffer.from(signingInput), { key: overrides.key ?? privateKeyPem, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** Signs a demo user in on the MusicKit-like page and returns their Music-User-Token. */
export async function signInApple(sandbox: ProviderSandbox, userId = 'demo-listener'): Promise<string> {
  const form = new URLSearchParams({ redirect_uri: 'http://127.0.0.1:4000/settings/apple', state: 's', user: userId, decision: 'allow' });
  const res = await fetch(`${sandbox.url}/apple-auth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  return new URL(res.headers.get('location')!).searchParams.get('music_user_token')!;
}

/** The parsed body; null for an empty one, undefined for one that is not JSON (a truncated answer). */
function parseOrUndefined(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function appleGet(
  sandbox: ProviderSandbox,
  path: string,
  opts: { userToken?: string; devToken?: string } = {},
): Promise<{ status: number; body: unknown; text: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${opts.devToken ?? developerToken(sandbox)}` };
  if (opts.userToken) headers['music-user-token'] = opts.userToken;
  const url = path.startsWith('/v1/') ? `${sandbox.url}${path}` : `${sandbox.url}/apple/v1${path}`;
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, body: parseOrUndefined(text), text };
}

export async function appleSend(
  sandbox: ProviderSandbox,
  method: string,
  path: string,
  userToken: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${sandbox.url}/apple/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${developerToken(sandbox)}`, 'music-user-token': userToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
