import { connect } from '../lib/pg-admin';

/** A page Lighthouse audits, and the API reads that warm its data beforehand. */
export interface LighthousePage {
  name: 'landing' | 'album' | 'playlist' | 'profile';
  path: string;
  warm: string[];
}

/**
 * The pages from the data set: the album with the most ratings, the first of the 500-entry
 * public playlists the playlist-page scenario reads, and the profile of that playlist's owner.
 */
export async function readLighthousePages(databaseUrl: string): Promise<LighthousePage[]> {
  const db = await connect(databaseUrl);
  try {
    const album = await db.query<{ id: string }>('SELECT album_id::text AS id FROM album_rating_stats ORDER BY count DESC, album_id LIMIT 1');
    const playlist = await db.query<{ id: string; handle: string }>(
      `SELECT p.id::text, u.handle FROM bench.scenario_playlists p JOIN users u ON u.id = p.owner_id WHERE p.role = 'page' ORDER BY p.id LIMIT 1`,
    );
    const albumId = album.rows[0]?.id;
    const target = playlist.rows[0];
    if (!albumId || !target) throw new Error('the data set has no rated album or no 500-entry playlist: build it anew (--rebuild)');
    const handle = encodeURIComponent(target.handle);
    return [
      { name: 'landing', path: '/', warm: ['/api/me'] },
      { name: 'album', path: `/albums/${albumId}`, warm: [`/api/albums/${albumId}`, `/api/albums/${albumId}/reviews?sort=popular`] },
      { name: 'playlist', path: `/playlists/${target.id}`, warm: [`/api/playlists/${target.id}`] },
      { name: 'profile', path: `/users/${handle}`, warm: [`/api/users/${handle}`, `/api/users/${handle}/activity`] },
    ];
  } finally {
    await db.end();
  }
}
