import { AppError } from '../../lib/app-error';
import { ProviderError } from '../../providers/music-provider.port';
import { SERVICE_NAMES } from './conversion-target';
import type { ConversionRow } from './conversions.repo';

const n = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The notification of a finished, failed or cancelled conversion. */
export function describeFinished(c: ConversionRow): { title: string; body: string } {
  const where = SERVICE_NAMES[c.target];
  if (c.status === 'failed')
    return { title: `Converting "${c.name}" to ${where} stopped`, body: `${c.error ?? 'Something went wrong.'} The report keeps what was done.` };
  const open = c.needs_review + c.not_found;
  const review = open ? ` ${n(open, 'track needs', 'tracks need')} a look in the report.` : '';
  const skipped = c.skipped ? ` ${n(c.skipped, 'track was', 'tracks were')} skipped.` : '';
  return {
    title: `"${c.name}" is on ${where}`,
    body: `${n(c.matched, 'track', 'tracks')} of ${n(c.total, 'track', 'tracks')} matched, ${n(c.written, 'track', 'tracks')} added.${review}${skipped}`,
  };
}

/**
 * What to tell the user when a run fails, or null when the failure is worth another attempt
 * (a service briefly unavailable) and this is not the last one.
 */
export function describeFailure(err: unknown, finalAttempt: boolean): string | null {
  if (err instanceof AppError) return err.message;
  if (err instanceof Error && err.name === 'CallBudgetExceeded')
    return 'This conversion used up its allowance of calls to the music service. The tracks converted so far are kept; convert again with "sync" to finish.';
  if (err instanceof ProviderError) {
    // Apple Music's endpoints are its catalog and the user's library; every other one is Spotify's.
    const service = /\/catalog\/|\/me\/library|\/me\/storefront/.test(err.endpoint) ? 'Apple Music' : 'Spotify';
    switch (err.kind) {
      case 'unauthorized':
        return `Muse lost access to your ${service} account. Reconnect it in Settings, then convert again.`;
      case 'rate_limited':
        return `${service} kept asking Muse to slow down for too long. The tracks converted so far are kept; try again later with "sync".`;
      case 'forbidden_dev_mode':
        return err.message;
      case 'forbidden':
        return `${service} does not let Muse read or change this playlist.`;
      case 'not_found':
        return `${service} could not find the playlist. It may have been deleted.`;
      default:
        if (!finalAttempt) return null;
        return `${service} did not answer properly after several tries. The tracks converted so far are kept; try again later with "sync".`;
    }
  }
  if (!finalAttempt) return null;
  return 'Something went wrong while converting. The tracks converted so far are kept.';
}
