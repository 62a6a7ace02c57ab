import type { ProviderName } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { ProviderError } from '../../providers/music-provider.port';
import { SERVICE_NAMES } from './service-import-entries';

/** What a failed read tells the user: plain words on what happened and what they can do. */
export function failureMessage(provider: ProviderName, err: ProviderError | AppError, ctx: { playlistId: string; giveUpMs: number }): string {
  const name = SERVICE_NAMES[provider];
  if (err instanceof AppError) {
    if (err.code === 'connection_needs_reconnect')
      return `${name} no longer lets Muse read your playlists. Reconnect it in Settings → Connected services, then import again.`;
    if (err.status === 404) return `Your ${name} account is not connected to Muse any more. Connect it in Settings → Connected services, then import again.`;
    return err.message;
  }
  switch (err.kind) {
    case 'forbidden_dev_mode':
      return (
        'Spotify does not let Muse read this playlist: while Muse’s Spotify app is in development mode, it can read only playlists you own or collaborate on. ' +
        'Copy the playlist into your own library first (in Spotify: … → Add to other playlist → New playlist) and import the copy, or ask its owner to make you a collaborator.'
      );
    case 'not_found':
      return provider === 'apple' && ctx.playlistId.startsWith('pl.')
        ? 'Apple Music did not find this playlist in your library. Add it to your library in the Music app first, then pick it from your playlists here.'
        : `${name} has no playlist with this link, or it is private to someone else. Check the link, or pick the playlist from your own list.`;
    case 'forbidden':
      return `${name} does not let Muse read this playlist: it is private to someone else.`;
    case 'unauthorized':
      return `${name} no longer lets Muse act for you. Reconnect it in Settings → Connected services, then import again.`;
    case 'rate_limited':
      return `${name} kept asking Muse to slow down for over ${describeWait(ctx.giveUpMs)}, so the import stopped. Try again later.`;
    case 'unavailable':
      return `${name} did not answer (it failed or timed out several times in a row). Try again later.`;
    case 'bad_response':
      return `${name} sent answers Muse could not read (cut short or malformed) several times in a row. Try again later.`;
  }
}

/** A run stopped by 429s after reading some of the playlist: what it kept. */
export function partialMessage(provider: ProviderName, kept: number, total: number, giveUpMs: number): string {
  const of = total > kept ? ` of ${total.toLocaleString('en')}` : '';
  return (
    `${SERVICE_NAMES[provider]} kept asking Muse to slow down for over ${describeWait(giveUpMs)}, so the import stopped after ` +
    `${kept.toLocaleString('en')}${of} tracks. They are in the playlist; import it again later to get the rest.`
  );
}

/** A provider failure while answering a request (the playlist list), as the problem it is for the caller. */
export function providerProblem(provider: ProviderName, err: unknown): unknown {
  if (!(err instanceof ProviderError)) return err;
  const name = SERVICE_NAMES[provider];
  switch (err.kind) {
    case 'unauthorized':
      return AppError.conflict('connection_needs_reconnect', `Muse lost access to your ${name} account. Reconnect it in Settings.`);
    case 'rate_limited':
      return new AppError(503, 'provider_rate_limited', `${name} is asking Muse to slow down. Try again in a minute.`, undefined, {
        'Retry-After': String(Math.max(1, err.retryAfterSeconds ?? 60)),
      });
    case 'not_found':
    case 'forbidden':
    case 'forbidden_dev_mode':
      return new AppError(404, 'not_found', `${name} did not find that.`);
    default:
      return new AppError(502, 'provider_unavailable', `${name} did not answer properly. Try again later.`);
  }
}

function describeWait(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} minutes`;
  if (ms >= 60_000) return 'a minute';
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds === 1 ? 'a second' : `${seconds} seconds`;
}
