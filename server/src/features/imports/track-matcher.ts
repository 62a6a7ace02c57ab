import { gateTagsAgree, normaliseForMatch } from '../../lib/music-text';
import type { TrackRow } from '../catalog/catalog.read-model';

/**
 * The track of a matched album that an imported row names: the one with its ISRC when the row
 * has one, else the one whose normalised title is the row's with the same version tags (a live
 * take is not the studio one; the first on the album when a title repeats). Null when the album
 * has no such track.
 */
export function matchTrack(tracks: Pick<TrackRow, 'id' | 'title' | 'artist_credit' | 'isrc'>[], wanted: { title: string; isrc: string | null }): string | null {
  if (wanted.isrc) {
    const byIsrc = tracks.find((t) => t.isrc === wanted.isrc);
    if (byIsrc) return String(byIsrc.id);
  }
  const key = normaliseForMatch('', wanted.title);
  if (!key.title) return null;
  const byTitle = tracks.find((t) => {
    const candidate = normaliseForMatch('', t.title);
    return candidate.title === key.title && gateTagsAgree(candidate.tags, key.tags);
  });
  return byTitle ? String(byTitle.id) : null;
}
