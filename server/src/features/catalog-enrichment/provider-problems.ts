import type { ProviderName } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { withDeadline } from '../../lib/deadline';
import { ProviderError } from '../../providers/music-provider.port';

const NAMES: Record<ProviderName, string> = { spotify: 'Spotify', apple: 'Apple Music' };

/** The service's name as people know it. */
export const serviceName = (provider: ProviderName): string => NAMES[provider];

/**
 * Runs a provider call and turns its failure into a problem a person can act on: the service's
 * 404 is Muse's 404, a service that is down, slow or throttling is a 503 (with Retry-After when
 * the service gave one), an answer Muse cannot use is a 502. Never a 500. A call still running
 * after `deadlineMs` (waiting out a 429, retrying a slow service) is answered 503 at once; the
 * call itself runs on, bounded by the provider layer.
 */
export async function asProblem<T>(provider: ProviderName, call: () => Promise<T>, opts: { what?: string; deadlineMs: number }): Promise<T> {
  const what = opts.what ?? 'item';
  try {
    return await withDeadline(call(), opts.deadlineMs, () => {
      throw new AppError(503, 'provider_slow', `${serviceName(provider)} is slow to answer right now. Try again in a minute.`, undefined, {
        'Retry-After': '60',
      });
    });
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    const name = serviceName(provider);
    switch (err.kind) {
      case 'not_found':
        throw new AppError(404, 'not_found', `${name} has no ${what} with that id.`);
      case 'rate_limited': {
        const wait = Math.max(1, Math.ceil(err.retryAfterSeconds ?? 30));
        throw new AppError(503, 'provider_busy', `${name} is busy right now. Try again in ${wait} seconds.`, undefined, { 'Retry-After': String(wait) });
      }
      case 'unavailable':
        throw new AppError(503, 'provider_unavailable', `${name} is not answering right now. Try again in a minute.`, undefined, { 'Retry-After': '60' });
      case 'bad_response':
        throw new AppError(502, 'provider_bad_response', `${name} sent an answer Muse could not read. Try again later.`);
      default:
        throw new AppError(502, 'provider_refused', `${name} refused Muse's request. Try again later.`);
    }
  }
}
