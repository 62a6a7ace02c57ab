import crypto from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import { hiddenInputs, isAllowedRedirectUri, page, escapeHtml } from './sandbox-html';
import type { SandboxKnobs } from './sandbox-knobs';
import { SANDBOX_USERS } from './sandbox-library';
import { ACCESS_TOKEN_SECONDS, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, type SandboxTokens } from './sandbox-tokens';

/** Scopes the sandbox knows (the ones Spotify documents); anything else is `invalid_scope`. */
export const SPOTIFY_SCOPES = new Set([
  'app-remote-control',
  'playlist-read-private',
  'playlist-read-collaborative',
  'playlist-modify-public',
  'playlist-modify-private',
  'user-library-read',
  'user-library-modify',
  'user-read-private',
  'user-read-email',
  'user-follow-read',
  'user-follow-modify',
  'user-top-read',
  'user-read-playback-position',
  'user-read-playback-state',
  'user-read-recently-played',
  'user-read-currently-playing',
  'user-modify-playback-state',
  'ugc-image-upload',
  'streaming',
]);

type AuthorizeParams = Record<
  'client_id' | 'response_type' | 'redirect_uri' | 'state' | 'scope' | 'code_challenge' | 'code_challenge_method',
  string | undefined
>;

function authorizeParams(source: Record<string, unknown>): AuthorizeParams {
  const read = (name: string) => (typeof source[name] === 'string' ? (source[name] as string) : undefined);
  return {
    client_id: read('client_id'),
    response_type: read('response_type'),
    redirect_uri: read('redirect_uri'),
    state: read('state'),
    scope: read('scope'),
    code_challenge: read('code_challenge'),
    code_challenge_method: read('code_challenge_method'),
  };
}

function redirectWith(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  res.redirect(302, url.toString());
}

/**
 * Checks an authorize request. A bad client or redirect URI gets an error page (there is nowhere
 * safe to redirect to); every other problem goes back to the app as `?error=` like Spotify does.
 */
function checkAuthorize(p: AuthorizeParams, res: Response): { scopes: string[] } | null {
  if (p.client_id !== SANDBOX_CLIENT_ID) {
    res.status(400).type('html').send(page('Error', '<p>INVALID_CLIENT: Invalid client</p>'));
    return null;
  }
  if (!p.redirect_uri || !isAllowedRedirectUri(p.redirect_uri)) {
    res.status(400).type('html').send(page('Error', '<p>INVALID_CLIENT: Insecure redirect URI</p>'));
    return null;
  }
  const fail = (error: string, description: string) => {
    redirectWith(res, p.redirect_uri!, { error, error_description: description, state: p.state });
    return null;
  };
  if (p.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!p.state || p.state.length > 1000) return fail('invalid_request', 'state is required (at most 1000 characters)');
  if (p.code_challenge !== undefined || p.code_challenge_method !== undefined) {
    if (p.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    if (!p.code_challenge || !/^[A-Za-z0-9_-]{43}$/.test(p.code_challenge)) return fail('invalid_request', 'code_challenge must be a base64url SHA-256 digest');
  }
  const scopes = (p.scope ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.find((s) => !SPOTIFY_SCOPES.has(s));
  if (unknown) return fail('invalid_scope', `Invalid scope: ${unknown}`);
  return { scopes };
}

function tokenError(res: Response, status: number, error: string, description: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, error_description: description });
}

/** The client a token request authenticates as: Basic header, else body fields. */
function clientOf(req: Request): { clientId: string | null; secret: string | null } {
  const header = req.get('authorization');
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? { clientId: decoded, secret: null } : { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  return { clientId: typeof body.client_id === 'string' ? body.client_id : null, secret: typeof body.client_secret === 'string' ? body.client_secret : null };
}

/** Spotify Accounts: the authorize page (a demo user per button) and the token endpoint. */
export function spotifyAccountsRouter(tokens: SandboxTokens, knobs: SandboxKnobs): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  router.get('/authorize', (req, res) => {
    const params = authorizeParams(req.query as Record<string, unknown>);
    const checked = checkAuthorize(params, res);
    if (!checked) return;
    const scopeList = checked.scopes.length ? `<p>Muse asks to:</p><ul>${checked.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : '';
    const buttons = SANDBOX_USERS.map(
      (u) =>
        `<form method="post" action="authorize">${hiddenInputs({ ...params, user: u.id, decision: 'allow' })}<button type="submit">Continue as ${escapeHtml(u.displayName)}</button></form>`,
    ).join('');
    const cancel = `<form method="post" action="authorize">${hiddenInputs({ ...params, decision: 'deny' })}<button class="secondary" type="submit">Cancel</button></form>`;
    res.type('html').send(page('Sign in to Spotify (sandbox)', `<p>This is Muse's offline stand-in for Spotify.</p>${scopeList}${buttons}${cancel}`));
  });

  router.post('/authorize', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const params = authorizeParams(body);
    const checked = checkAuthorize(params, res);
    if (!checked) return;
    if (body.decision !== 'allow') return redirectWith(res, params.redirect_uri!, { error: 'access_denied', state: params.state });
    const user = SANDBOX_USERS.find((u) => u.id === body.user);
    if (!user) return redirectWith(res, params.redirect_uri!, { error: 'access_denied', state: params.state });
    const code = tokens.issueCode({
      userId: user.id,
      clientId: SANDBOX_CLIENT_ID,
      redirectUri: params.redirect_uri!,
      scopes: checked.scopes,
      codeChallenge: params.code_challenge ?? null,
    });
    redirectWith(res, params.redirect_uri!, { code, state: params.state });
  });

  router.post('/api/token', form, (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const { clientId, secret } = clientOf(req);
    if (clientId !== SANDBOX_CLIENT_ID) return tokenError(res, 400, 'invalid_client', 'Invalid client');
    if (secret !== null && secret !== SANDBOX_CLIENT_SECRET) return tokenError(res, 400, 'invalid_client', 'Invalid client secret');
    const authenticated = secret === SANDBOX_CLIENT_SECRET;
    const grantType = body.grant_type;
    if (!grantType) return tokenError(res, 400, 'unsupported_grant_type', 'grant_type parameter is missing');
    const expiresIn = knobs.get('spotify').expireTokens ? 0 : ACCESS_TOKEN_SECONDS;
    res.set('Cache-Control', 'no-store');

    if (grantType === 'client_credentials') {
      if (!authenticated) return tokenError(res, 400, 'invalid_client', 'Invalid client secret');
      const accessToken = tokens.issueAccess({ service: 'spotify', userId: null, clientId, scopes: [] });
      return res.json({ access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn });
    }
    if (grantType === 'authorization_code') {
      if (!body.code) return tokenError(res, 400, 'invalid_request', 'code must be supplied');
      if (!body.redirect_uri) return tokenError(res, 400, 'invalid_request', 'redirect_uri must be supplied');
      const code = tokens.takeCode(body.code);
      if (!code || code.clientId !== clientId) return tokenError(res, 400, 'invalid_grant', 'Invalid authorization code');
      if (code.redirectUri !== body.redirect_uri) return tokenError(res, 400, 'invalid_grant', 'Invalid redirect URI');
      if (code.codeChallenge) {
        if (!body.code_verifier) return tokenError(res, 400, 'invalid_request', 'code_verifier required');
        const digest = crypto.createHash('sha256').update(body.code_verifier).digest('base64url');
        if (digest !== code.codeChallenge) return tokenError(res, 400, 'invalid_grant', 'code_verifier was incorrect');
      } else if (!authenticated) {
        return tokenError(res, 400, 'invalid_client', 'Invalid client secret');
      }
      const accessToken = tokens.issueAccess({ service: 'spotify', userId: code.userId, clientId, scopes: code.scopes });
      const refreshToken = tokens.issueRefresh({ userId: code.userId, clientId, scopes: code.scopes });
      return res.json({ access_token: accessToken, token_type: 'Bearer', scope: code.scopes.join(' '), expires_in: expiresIn, refresh_token: refreshToken });
    }
    if (grantType === 'refresh_token') {
      if (!body.refresh_token) return tokenError(res, 400, 'invalid_request', 'refresh_token must be supplied');
      const grant = tokens.findRefresh(body.refresh_token);
      if (!grant || grant.clientId !== clientId) return tokenError(res, 400, 'invalid_grant', 'Refresh token revoked');
      const accessToken = tokens.issueAccess({ service: 'spotify', userId: grant.userId, clientId, scopes: grant.scopes });
      // Public (PKCE) clients get a new refresh token with each refresh; confidential ones keep theirs.
      const rotated = authenticated ? {} : { refresh_token: tokens.issueRefresh(grant) };
      return res.json({ access_token: accessToken, token_type: 'Bearer', scope: grant.scopes.join(' '), expires_in: expiresIn, ...rotated });
    }
    return tokenError(res, 400, 'unsupported_grant_type', 'grant_type must be client_credentials, authorization_code or refresh_token');
  });

  return router;
}
