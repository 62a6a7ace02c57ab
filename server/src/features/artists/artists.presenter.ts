import type { ArtistPage } from '@muse/shared';
import { presentAlbumSummary, presentStats } from '../catalog/catalog.presenter';
import type { AlbumRow, StatsRow } from '../catalog/catalog.read-model';
import type { ArtistRow } from './artists.repo';

/** An artist and their albums, each with rating stats against the prior. */
export function presentArtistPage(artist: ArtistRow, albums: (AlbumRow & { stats: StatsRow | null })[], priorMean: number): ArtistPage {
  return {
    artist: { id: String(artist.id), name: artist.name, albumCount: artist.album_count },
    albums: albums.map((row) => ({ ...presentAlbumSummary(row), stats: presentStats(row.stats, priorMean) })),
  };
}
