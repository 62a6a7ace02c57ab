import type { ArtistPage } from '@muse/shared';
import { presentAlbumStats, presentAlbumSummary, type AggregateHidden } from '../../http/presenters/catalog.presenter';
import type { AlbumRow, StatsRow } from '../catalog/catalog.read-model';
import type { ArtistRow } from './artists.repo';

/** An artist and their albums, each with rating stats against the prior (empty while the pre-release embargo hides them). */
export function presentArtistPage(
  artist: ArtistRow,
  albums: (AlbumRow & { stats: StatsRow | null })[],
  priorMean: number,
  hidden: AggregateHidden = () => false,
): ArtistPage {
  return {
    artist: { id: String(artist.id), name: artist.name, albumCount: artist.album_count },
    albums: albums.map((row) => ({ ...presentAlbumSummary(row), stats: presentAlbumStats(row, priorMean, hidden) })),
  };
}
