/** What a file name says about its track. */
export interface TitleFromPath {
  artist: string | null;
  title: string;
}

const AUDIO_FILE = /\.(?:mp3|flac|m4a|m4p|mp4|aac|ogg|oga|opus|wav|aif|aiff|wma|alac|ape|wv|mpc|dsf|dff)$/i;
// "03 - ", "03. ", "1-03 ", "03_" at the start of a file name: the track number, not part of the title.
const TRACK_NUMBER = /^\d{1,3}(?:[-.]\d{1,3})?(?:\s*[-–._)]\s*|\s+)(?=\S)/;

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * The artist and title a playlist line's file name gives, as music players name files:
 * "Artist - Title.mp3", "03 - Title.flac", "03 Artist - Title.m4a" (the track number dropped).
 * Only audio files count: a stream URL or a web page names no track, so it gives null, as does
 * a name with nothing left once the number and extension are gone.
 */
export function titleFromLocation(location: string): TitleFromPath | null {
  const trimmed = location.trim();
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const path = isUrl ? trimmed.replace(/[?#].*$/, '') : trimmed;
  const base = path.split(/[/\\]/).pop() ?? '';
  let name = isUrl || /%[0-9A-Fa-f]{2}/.test(base) ? decode(base) : base;
  if (!AUDIO_FILE.test(name)) return null;
  name = name.replace(AUDIO_FILE, '');
  if (!name.includes(' ') && name.includes('_')) name = name.replace(/_/g, ' ');
  name = name.replace(TRACK_NUMBER, '').trim();
  if (!name) return null;
  const dash = name.indexOf(' - ');
  if (dash > 0) {
    const artist = name.slice(0, dash).trim();
    const title = name.slice(dash + 3).trim();
    if (artist && title) return { artist, title };
  }
  return { artist: null, title: name };
}
