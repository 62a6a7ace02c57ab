import { RowError } from './playlist-file-entry';

const SPOTIFY_ID = /^[A-Za-z0-9]{22}$/;
const SPOTIFY_URI = /^spotify:(?:track|album):([A-Za-z0-9]{22})$/;
const APPLE_ID = /^[0-9]{1,15}$/;
const SPOTIFY_HOSTS = new Set(['open.spotify.com', 'play.spotify.com']);
const APPLE_HOSTS = new Set(['music.apple.com', 'geo.music.apple.com', 'itunes.apple.com', 'geo.itunes.apple.com']);

function urlOf(value: string): URL | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The Spotify id in a bare id, a `spotify:track:` (or `spotify:album:`) URI or an
 * open.spotify.com link (`/track/<id>`, `/intl-de/album/<id>`, with or without `?si=`);
 * undefined when the value is none of them.
 */
export function spotifyIdIn(value: string): string | undefined {
  const v = value.trim();
  if (SPOTIFY_ID.test(v)) return v;
  const uri = SPOTIFY_URI.exec(v);
  if (uri) return uri[1];
  const url = urlOf(v);
  if (!url || !SPOTIFY_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  const kind = parts.findIndex((p) => p === 'track' || p === 'album');
  const id = kind >= 0 ? parts[kind + 1] : undefined;
  return id && SPOTIFY_ID.test(id) ? id : undefined;
}

/**
 * The Apple Music id in a bare id or a music.apple.com / itunes.apple.com link: the song of
 * `?i=` when there is one (an album link pointing at one of its songs), else the last path part
 * (`/song/<name>/<id>`, `/album/<name>/<id>`, `id<digits>` on old iTunes links).
 */
export function appleIdIn(value: string): string | undefined {
  const v = value.trim();
  if (APPLE_ID.test(v)) return v;
  const url = urlOf(v);
  if (!url || !APPLE_HOSTS.has(url.hostname.toLowerCase())) return undefined;
  const song = url.searchParams.get('i');
  if (song && APPLE_ID.test(song)) return song;
  const last = url.pathname.split('/').filter(Boolean).pop()?.replace(/^id/, '');
  return last && APPLE_ID.test(last) ? last : undefined;
}

/** A column's Spotify id, or a `RowError` when the cell holds something else. */
export function spotifyCell(value: string | undefined): string | undefined {
  // A local file in a Spotify playlist has a `spotify:local:` URI and no id.
  if (!value?.trim() || value.trim().startsWith('spotify:local:')) return undefined;
  const id = spotifyIdIn(value);
  if (!id) throw new RowError(`Spotify "${clip(value)}" is not a Spotify id, link or URI.`);
  return id;
}

/** A column's Apple Music id, or a `RowError` when the cell holds something else. */
export function appleCell(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const id = appleIdIn(value);
  if (!id) throw new RowError(`Apple Music "${clip(value)}" is not an Apple Music id or link.`);
  return id;
}

/** Service ids among URIs (JSPF/XSPF `identifier` and `location`); other URIs (MusicBrainz, files) are ignored. */
export function serviceIdsIn(uris: readonly string[]): { spotify?: string; apple?: string } {
  const found: { spotify?: string; apple?: string } = {};
  for (const uri of uris) {
    if (!/^(?:https?:|spotify:)/i.test(uri.trim())) continue;
    found.spotify ??= spotifyIdIn(uri);
    found.apple ??= appleIdIn(uri);
  }
  return found;
}

const MAX_MS = 24 * 3600 * 1000;
// A bare integer below this is seconds (a 2 h 46 min piece at most); above, milliseconds (10 s or more).
const SECONDS_BELOW = 10_000;

/**
 * A duration cell in milliseconds: `m:ss` or `h:mm:ss` (fractions of a second allowed), or a
 * number. A number is milliseconds when the column says so (`unit: 'ms'`); otherwise a decimal
 * is seconds, and an integer is seconds below 10,000 and milliseconds from there (no track lasts
 * 10,000 seconds, and none lasts 10 seconds).
 */
export function durationCell(value: string | undefined, unit: 'ms' | 'auto'): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let ms: number;
  const clock = /^(?:(\d+):)?(\d{1,3}):(\d{2}(?:[.,]\d+)?)$/.exec(v);
  if (clock) {
    const [, h, m, s] = clock;
    ms = ((Number(h ?? 0) * 60 + Number(m)) * 60 + Number(s!.replace(',', '.'))) * 1000;
  } else if (/^\d+(?:\.\d+)?$/.test(v)) {
    const n = Number(v);
    ms = unit === 'ms' ? n : v.includes('.') || n < SECONDS_BELOW ? n * 1000 : n;
  } else {
    throw new RowError(`Duration "${clip(v)}" is not a time: use m:ss, seconds or milliseconds.`);
  }
  const rounded = Math.round(ms);
  if (rounded > MAX_MS) throw new RowError(`Duration "${clip(v)}" is longer than a day.`);
  return rounded;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'explicit', 'e']);
const FALSE = new Set(['false', 'no', 'n', '0', 'clean', 'c']);

/** An explicit-lyrics cell: true/false, yes/no, 1/0, explicit/clean (any case); empty is unknown. */
export function explicitCell(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new RowError(`Explicit "${clip(v)}" is not yes or no.`);
}

/** A year cell (a full date is read for its year, as Exportify's "Release Date" is). */
export function yearCell(value: string | undefined): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const year = /^(\d{4})(?:-\d{2}(?:-\d{2})?)?$/.exec(v);
  if (!year) throw new RowError(`Year "${clip(v)}" is not a year.`);
  return Number(year[1]);
}

/** Long values are cut in messages: a reason must fit on a line of the preview. */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
