import type { Knex } from 'knex';
import type { Visibility } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';

/** What the activity recorder needs to know about an actor. */
export interface ActorFacts {
  defaultVisibility: Visibility;
  /** The trigger-kept follower count is above zero: someone may need the activity in their feed. */
  hasFollowers: boolean;
}

/** The per-user settings the activity recorder needs. */
export class ActivityDefaultsRepo {
  constructor(private readonly knex: Knex) {}

  /** The actor's default visibility and whether anyone follows them; null for an unknown user. Runs on every rating write, hence prepared. */
  async actorFacts(userId: string): Promise<ActorFacts | null> {
    if (!/^[1-9][0-9]{0,17}$/.test(userId)) return null;
    const [row] = await preparedQuery<{ default_visibility: Visibility; has_followers: boolean }>(
      this.knex,
      'activity_actor_facts',
      'SELECT default_visibility, follower_count > 0 AS has_followers FROM users WHERE id = $1',
      [userId],
    );
    return row ? { defaultVisibility: row.default_visibility, hasFollowers: row.has_followers } : null;
  }
}
