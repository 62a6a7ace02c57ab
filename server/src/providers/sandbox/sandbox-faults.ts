import type { NextFunction, Request, Response } from 'express';
import { appleError } from './apple-api.routes';
import type { CallCounter, SandboxKnobs, SandboxService } from './sandbox-knobs';
import { spotifyError } from './spotify-api.routes';

/** Which service family a path belongs to, for its error bodies. */
export type ServiceArea = 'spotify-accounts' | 'spotify-api' | 'apple-api';

const ID_AFTER: Record<string, string> = {
  playlists: '{id}',
  tracks: '{id}',
  albums: '{id}',
  songs: '{id}',
  artists: '{id}',
  users: '{id}',
  catalog: '{storefront}',
};

/** `/v1/playlists/3cEYpjA9oz9GiPac4AsH4n/items` → `/v1/playlists/{id}/items`: the counting key of a call. */
export function pathTemplate(path: string): string {
  const segments = path.split('/');
  return segments.map((segment, i) => (i > 0 && segment && ID_AFTER[segments[i - 1]!] ? ID_AFTER[segments[i - 1]!] : segment)).join('/');
}

function errorBody(area: ServiceArea, res: Response, status: number, message: string): void {
  if (area === 'spotify-api') return spotifyError(res, status, message);
  if (area === 'apple-api') return appleError(res, status, message);
  res.status(status).json({ error: status === 429 ? 'rate_limited' : 'server_error', error_description: message });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Counts every call of a service and applies its knobs before the real handler runs: slow
 * answers, 429 with Retry-After, 5xx, a request left hanging, or a JSON body cut in half.
 */
export function serviceFaults(service: SandboxService, area: ServiceArea, knobs: SandboxKnobs, calls: CallCounter) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    calls.record(service, `${req.method} ${pathTemplate(req.baseUrl.replace(/^\/(spotify-accounts|spotify|apple)/, '') + req.path)}`);
    const { slowMs } = knobs.get(service);
    if (slowMs > 0) await sleep(slowMs);
    const fault = knobs.nextFault(service);
    if (!fault) return next();
    if (fault.kind === 'throttle') {
      res.set('Retry-After', String(fault.retryAfterSeconds));
      return errorBody(area, res, 429, 'API rate limit exceeded');
    }
    // Held open until the client gives up or the sandbox stops (it closes every connection then).
    if (fault.mode === 'timeout') return;
    if (fault.mode === 'status') return errorBody(area, res, fault.status, 'Sandbox failure (knob)');
    res.json = (body: unknown) => {
      const text = JSON.stringify(body) ?? '';
      return res.type('application/json').send(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    };
    next();
  };
}

/** Body parser and unexpected errors in each service's own error format. */
export function serviceErrorHandler(area: ServiceArea) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status === 413) return errorBody(area, res, 413, 'Request entity too large');
    if (status >= 400 && status < 500) return errorBody(area, res, 400, 'Error parsing JSON.');
    errorBody(area, res, 500, 'Server error');
  };
}
