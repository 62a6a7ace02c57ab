import type { Visibility } from '@muse/shared';
import { useTestApp } from '../testing/test-app';
import { canSeeActivity } from '../lib/visibility-policy';
import { canSeeSql } from './visibility-sql';
import { registerPerson } from '../testing/factories';

const app = useTestApp();

const SEEN_SQL = `SELECT ${canSeeSql({ viewer: 'x.viewer', owner: 'x.owner', visibility: 'x.visibility', ownerIsPrivate: 'x.private' })} AS seen
  FROM (SELECT ?::bigint AS viewer, ?::bigint AS owner, ?::text AS visibility, ?::boolean AS private) x`;

describe('canSeeSql', () => {
  it('when every combination of viewer, follow, block, privacy and visibility is asked, then SQL answers as canSeeActivity does', async () => {
    const { knex } = app.container;
    const owner = (await registerPerson(app)).id;
    const combos: { follows: boolean; blocked: boolean }[] = [
      { follows: false, blocked: false },
      { follows: true, blocked: false },
      { follows: false, blocked: true },
      // A follow row left beside a block (blocking ends follows, but the rule must not rely on it).
      { follows: true, blocked: true },
    ];
    const viewers: { id: string | null; follows: boolean; blocked: boolean }[] = [
      { id: null, follows: false, blocked: false },
      { id: owner, follows: false, blocked: false },
    ];
    for (const [i, combo] of combos.entries()) {
      const id = (await registerPerson(app)).id;
      if (combo.follows) await knex('follows').insert({ follower_id: id, followee_id: owner });
      // Alternate who blocked whom: either way counts.
      if (combo.blocked) await knex('blocks').insert(i % 2 ? { blocker_id: owner, blocked_id: id } : { blocker_id: id, blocked_id: owner });
      viewers.push({ id, ...combo });
    }
    let checked = 0;
    for (const viewer of viewers) {
      for (const visibility of ['public', 'followers', 'private'] as Visibility[]) {
        for (const actorIsPrivate of [false, true]) {
          const expected = canSeeActivity({
            viewerId: viewer.id,
            actorId: owner,
            visibility,
            actorIsPrivate,
            viewerFollowsActor: viewer.follows,
            blocked: viewer.blocked,
          });
          const { rows } = await knex.raw<{ rows: { seen: boolean }[] }>(SEEN_SQL, [viewer.id, owner, visibility, actorIsPrivate]);
          expect({ viewer, visibility, actorIsPrivate, seen: rows[0]!.seen }).toEqual({ viewer, visibility, actorIsPrivate, seen: expected });
          checked += 1;
        }
      }
    }
    expect(checked).toBe(36);
  });
});
