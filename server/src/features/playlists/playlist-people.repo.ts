import type { Knex } from 'knex';
import type { UserSummary } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';

/** A person a playlist names (owner, collaborator, adder), with how the viewer stands to them. */
export interface PlaylistPerson extends UserSummary {
  suspended: boolean;
  /** The viewer follows them (an accepted follow). */
  viewerFollows: boolean;
  /** They follow the viewer. */
  followsViewer: boolean;
  /** A block stands between them and the viewer, either way. */
  blocked: boolean;
}

export interface ViewerFacts {
  viewerId: string | null;
  isAdmin: boolean;
}

const ID = /^[1-9][0-9]{0,17}$/;

// One planned-once statement for every page that shows playlists: the people and the viewer's ties to them.
const PEOPLE_SQL = `
  SELECT u.id::text, u.handle, u.display_name, u.suspended_at IS NOT NULL AS suspended,
         EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $2::bigint AND f.followee_id = u.id) AS viewer_follows,
         EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = u.id AND f.followee_id = $2::bigint) AS follows_viewer,
         EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = u.id AND b.blocked_id = $2::bigint)
                                          OR (b.blocker_id = $2::bigint AND b.blocked_id = u.id)) AS blocked,
         (SELECT v.role = 'admin' FROM users v WHERE v.id = $2::bigint) AS viewer_admin
    FROM users u WHERE u.id = ANY($1::bigint[])`;

/**
 * What the playlists feature reads about people from Postgres: who they are, and whether the
 * viewer follows them, is followed by them or is blocked either way, in one round trip.
 */
export class PlaylistPeopleRepo {
  constructor(private readonly knex: Knex) {}

  /** The people with these ids that exist (unknown ids are left out), and whether the viewer is an admin. */
  async people(ids: Iterable<string>, viewerId: string | null): Promise<{ people: Map<string, PlaylistPerson>; viewer: ViewerFacts }> {
    const wanted = [...new Set([...ids].filter((id) => ID.test(id)))];
    const viewer = viewerId && ID.test(viewerId) ? viewerId : null;
    if (viewer && !wanted.includes(viewer)) wanted.push(viewer);
    if (wanted.length === 0) return { people: new Map(), viewer: { viewerId: null, isAdmin: false } };
    const rows = await preparedQuery<{
      id: string;
      handle: string;
      display_name: string;
      suspended: boolean;
      viewer_follows: boolean;
      follows_viewer: boolean;
      blocked: boolean;
      viewer_admin: boolean | null;
    }>(this.knex, 'playlist_people', PEOPLE_SQL, [wanted, viewer]);
    const people = new Map<string, PlaylistPerson>();
    let isAdmin = false;
    for (const r of rows) {
      isAdmin ||= r.viewer_admin === true;
      people.set(r.id, {
        id: r.id,
        handle: r.handle,
        displayName: r.display_name,
        suspended: r.suspended,
        viewerFollows: r.viewer_follows,
        followsViewer: r.follows_viewer,
        blocked: r.blocked,
      });
    }
    return { people, viewer: { viewerId: viewer, isAdmin } };
  }
}
