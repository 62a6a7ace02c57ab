import type { Knex } from 'knex';
import type { Visibility } from '@muse/shared';
import { preparedQuery } from '../../db/prepared';

/** The per-user settings the activity recorder needs. */
export class ActivityDefaultsRepo {
  constructor(private readonly knex: Knex) {}

  /** The user's default visibility, or null for an unknown user. Runs on every rating write, hence prepared. */
  async defaultVisibility(userId: string): Promise<Visibility | null> {
    if (!/^[1-9][0-9]{0,17}$/.test(userId)) return null;
    const [row] = await preparedQuery<{ default_visibility: Visibility }>(this.knex, 'activity_default_visibility', 'SELECT default_visibility FROM users WHERE id = $1', [userId]);
    return row?.default_visibility ?? null;
  }
}
