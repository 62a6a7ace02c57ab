import express, { Router } from 'express';
import { escapeHtml, hiddenInputs, isAllowedRedirectUri, page } from './sandbox-html';
import { SANDBOX_USERS } from './sandbox-library';
import type { SandboxTokens } from './sandbox-tokens';

/**
 * A MusicKit-like sign-in: in the real service MusicKit JS asks the listener in the browser and
 * hands the page a Music-User-Token; here a page signs a demo user in and redirects back with
 * `music_user_token` and `state`.
 */
export function appleAuthRouter(tokens: SandboxTokens): Router {
  const router = Router();
  const read = (source: Record<string, unknown>, name: string) => (typeof source[name] === 'string' ? (source[name] as string) : undefined);
  const check = (redirectUri: string | undefined, state: string | undefined): string | null => {
    if (!redirectUri || !isAllowedRedirectUri(redirectUri)) return 'redirect_uri must be https or http on 127.0.0.1 / [::1]';
    if (!state || state.length > 1000) return 'state is required (at most 1000 characters)';
    return null;
  };

  router.get('/authorize', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const redirectUri = read(query, 'redirect_uri');
    const state = read(query, 'state');
    const problem = check(redirectUri, state);
    if (problem)
      return res
        .status(400)
        .type('html')
        .send(page('Error', `<p>${escapeHtml(problem)}</p>`));
    const buttons = SANDBOX_USERS.map(
      (u) =>
        `<form method="post" action="authorize">${hiddenInputs({ redirect_uri: redirectUri, state, user: u.id, decision: 'allow' })}<button type="submit">Allow as ${escapeHtml(u.displayName)}</button></form>`,
    ).join('');
    const cancel = `<form method="post" action="authorize">${hiddenInputs({ redirect_uri: redirectUri, state, decision: 'deny' })}<button class="secondary" type="submit">Don’t allow</button></form>`;
    res
      .type('html')
      .send(page('Connect to Apple Music (sandbox)', `<p>Muse would like to access Apple Music, your media library and playlists.</p>${buttons}${cancel}`));
  });

  router.post('/authorize', express.urlencoded({ extended: false, limit: '16kb' }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const redirectUri = read(body, 'redirect_uri');
    const state = read(body, 'state');
    const problem = check(redirectUri, state);
    if (problem)
      return res
        .status(400)
        .type('html')
        .send(page('Error', `<p>${escapeHtml(problem)}</p>`));
    const url = new URL(redirectUri!);
    const user = SANDBOX_USERS.find((u) => u.id === body.user);
    if (body.decision !== 'allow' || !user) url.searchParams.set('error', 'access_denied');
    else url.searchParams.set('music_user_token', tokens.issueMusicUserToken(user.id));
    url.searchParams.set('state', state!);
    res.redirect(302, url.toString());
  });
  return router;
}
