import express, { type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import { appleApiRouter, type AppleState } from './apple-api.routes';
import { appleAuthRouter } from './apple-auth.routes';
import type { AppleKeyPair } from './apple-developer-token';
import { artworkPng, MAX_ARTWORK_SIDE } from './sandbox-artwork';
import { appleSongPreview } from './sandbox-audio';
import type { SandboxCatalog } from './sandbox-catalog-types';
import { serviceErrorHandler, serviceFaults } from './sandbox-faults';
import { KnobsSchema, type CallCounter, type SandboxKnobs } from './sandbox-knobs';
import { demoApplePlaylists, demoSpotifyPlaylists } from './sandbox-library';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, type SandboxTokens } from './sandbox-tokens';
import { spotifyAccountsRouter } from './spotify-accounts.routes';
import { spotifyApiRouter, type SpotifyState } from './spotify-api.routes';

export interface SandboxParts {
  catalog: SandboxCatalog;
  knobs: SandboxKnobs;
  calls: CallCounter;
  tokens: SandboxTokens;
  appleKeys: AppleKeyPair;
}

/** What the sandbox's users have: their playlists on both services (created ones added at run time). */
export interface SandboxState {
  spotify: SpotifyState;
  apple: AppleState;
}

/** The demo users' playlists, fresh. */
export function initialSandboxState(seed: string): SandboxState {
  return {
    spotify: { playlists: new Map(demoSpotifyPlaylists(seed).map((p) => [p.id, p])) },
    apple: { playlists: new Map(demoApplePlaylists(seed).map((p) => [p.id, p])) },
  };
}

const RevokeSchema = z.object({ service: z.enum(['spotify', 'apple']), userId: z.string().min(1).max(200) }).strict();

function problem(res: Response, status: number, title: string, detail: unknown): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

/**
 * One Express app answering as Spotify Accounts, the Spotify Web API, the Apple Music API, a
 * MusicKit-like sign-in page and both services' artwork hosts, each under its own prefix (see
 * the contract's base URL table), plus `/_sandbox` for tests to turn knobs and read call counts.
 */
export function createSandboxApp(parts: SandboxParts, state: SandboxState = initialSandboxState(parts.catalog.seed)): Express {
  const { catalog, knobs, calls, tokens, appleKeys } = parts;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use('/spotify-accounts/authorize', (req, _res, next) => {
    calls.record('spotify', `${req.method} /authorize`);
    next();
  });
  app.use('/spotify-accounts/api', serviceFaults('spotify', 'spotify-accounts', knobs, calls));
  app.use('/spotify-accounts', spotifyAccountsRouter(tokens, knobs), serviceErrorHandler('spotify-accounts'));
  app.use(
    '/spotify/v1',
    serviceFaults('spotify', 'spotify-api', knobs, calls),
    spotifyApiRouter(catalog, state.spotify, tokens, knobs),
    serviceErrorHandler('spotify-api'),
  );

  app.get('/apple/.well-known/sandbox-key', (_req, res) => {
    res.json({ teamId: appleKeys.credentials.teamId, keyId: appleKeys.credentials.keyId, jwk: appleKeys.publicKey.export({ format: 'jwk' }) });
  });
  app.get('/apple/previews/:file', appleSongPreview(catalog));
  const appleApi = appleApiRouter(catalog, state.apple, tokens, knobs, appleKeys);
  // Apple's `next` links are origin-relative (`/v1/...`): the alias lets them resolve on the sandbox too.
  for (const prefix of ['/apple/v1', '/v1']) app.use(prefix, serviceFaults('apple', 'apple-api', knobs, calls), appleApi, serviceErrorHandler('apple-api'));
  app.use('/apple-auth', (req, _res, next) => {
    calls.record('apple', `${req.method} /apple-auth${req.path}`);
    next();
  });
  app.use('/apple-auth', appleAuthRouter(tokens));

  app.get('/artwork/:id/:size', (req: Request, res: Response) => {
    const id = String(req.params.id);
    const size = /^(\d{1,4})x(\d{1,4})(?:bb)?\.(?:png|jpg)$/.exec(String(req.params.size));
    const [width, height] = size ? [Number(size[1]), Number(size[2])] : [0, 0];
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id) || !size || width < 1 || height < 1 || width > MAX_ARTWORK_SIDE || height > MAX_ARTWORK_SIDE) {
      return res.status(404).type('text/plain').send('Not Found');
    }
    res
      .set('Cache-Control', 'public, max-age=31536000, immutable')
      .type('image/png')
      .send(artworkPng(id, width, height));
  });

  const control = express.Router();
  control.get('/knobs', (_req, res) => res.json(knobs.snapshot()));
  control.post('/knobs', express.json({ limit: '16kb' }), (req, res) => {
    const parsed = KnobsSchema.safeParse(req.body);
    if (!parsed.success) return problem(res, 400, 'Invalid knobs', parsed.error.issues);
    knobs.set(parsed.data);
    res.json(knobs.snapshot());
  });
  control.delete('/knobs', (_req, res) => {
    knobs.reset();
    res.json(knobs.snapshot());
  });
  // The demo credentials, so api and worker processes started apart can share this sandbox (PROVIDER_SANDBOX_URL).
  control.get('/credentials', (_req, res) =>
    res.json({ spotify: { clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_CLIENT_SECRET }, apple: appleKeys.credentials }),
  );
  control.get('/calls', (_req, res) => res.json(calls.snapshot()));
  control.delete('/calls', (_req, res) => {
    calls.reset();
    res.status(204).end();
  });
  control.post('/revoke', express.json({ limit: '16kb' }), (req, res) => {
    const parsed = RevokeSchema.safeParse(req.body);
    if (!parsed.success) return problem(res, 400, 'Invalid revoke request', parsed.error.issues);
    tokens.revoke(parsed.data.service, parsed.data.userId);
    res.status(204).end();
  });
  app.use('/_sandbox', control, (err: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    problem(res, (err as { status?: number }).status === 413 ? 413 : 400, 'Unreadable body', 'The body must be JSON');
  });
  app.use((_req, res) => res.status(404).type('text/plain').send('Not Found'));
  return app;
}
