import { connect } from '../lib/pg-admin';
import type { BenchSession } from '../server/session-pool';

/** The generated playlists the playlist scenarios read and write (see dataset/playlists-load.sql.ts). */
export interface PlaylistTargets {
  /** Public playlists of exactly 500 entries. */
  page: string[];
  /** Signed-in users who own playlists to append to, with those playlists. */
  writers: Array<{ session: BenchSession; playlistIds: string[] }>;
}

/**
 * Reads which playlists the data set made for the page and add scenarios, and pairs the add
 * targets with the sessions of their owners; sessions whose user owns none are left out.
 */
export async function readPlaylistTargets(databaseUrl: string, sessions: BenchSession[]): Promise<PlaylistTargets> {
  const db = await connect(databaseUrl);
  try {
    const { rows } = await db.query<{ role: 'page' | 'add'; id: string; owner_id: string }>(
      'SELECT role, id::text, owner_id::text FROM bench.scenario_playlists ORDER BY role, id',
    );
    const byOwner = new Map<string, string[]>();
    for (const row of rows.filter((r) => r.role === 'add')) byOwner.set(row.owner_id, [...(byOwner.get(row.owner_id) ?? []), row.id]);
    return {
      page: rows.filter((r) => r.role === 'page').map((r) => r.id),
      writers: sessions.flatMap((session) => {
        const playlistIds = byOwner.get(session.userId);
        return playlistIds ? [{ session, playlistIds }] : [];
      }),
    };
  } finally {
    await db.end();
  }
}
