import type { Knex } from 'knex';
import type { MuteCreateInput } from '@muse/shared';

export interface MuteRow {
  kind: MuteCreateInput['kind'];
  target: string;
  /** Handle for user mutes, artist name for artist mutes, null otherwise or when the target is gone. */
  name: string | null;
}

/** The `mutes` table and the lookups that resolve mute targets. */
export class MutesRepo {
  constructor(private readonly knex: Knex) {}

  /** The user's mutes with readable names, oldest first. */
  async list(userId: string): Promise<MuteRow[]> {
    const { rows } = await this.knex.raw<{ rows: MuteRow[] }>(
      `SELECT m.kind, m.target,
              CASE m.kind WHEN 'user' THEN (SELECT handle FROM users WHERE id::text = m.target)
                          WHEN 'artist' THEN (SELECT name FROM artists WHERE id::text = m.target) END AS name
         FROM mutes m WHERE m.user_id = ? ORDER BY m.created_at, m.kind, m.target`,
      [userId],
    );
    return rows;
  }

  /** Stores a mute; a repeat is harmless. Answers whether it was new. */
  async insert(userId: string, kind: MuteCreateInput['kind'], target: string): Promise<boolean> {
    const rows = await this.knex('mutes').insert({ user_id: userId, kind, target }).onConflict(['user_id', 'kind', 'target']).ignore().returning('target');
    return rows.length > 0;
  }

  async delete(userId: string, kind: MuteCreateInput['kind'], target: string): Promise<number> {
    return this.knex('mutes').where({ user_id: userId, kind, target }).delete();
  }

  async has(userId: string, kind: MuteCreateInput['kind'], target: string): Promise<boolean> {
    return Boolean(await this.knex('mutes').where({ user_id: userId, kind, target }).first('target'));
  }

  async count(userId: string): Promise<number> {
    const row = await this.knex('mutes').where({ user_id: userId }).count<{ count: string }[]>('* as count').first();
    return Number(row?.count ?? 0);
  }

  /** The user with this handle (any case), with the handle as they spell it. */
  async userByHandle(handle: string): Promise<{ id: string; handle: string } | null> {
    const row = await this.knex('users').whereRaw('lower(handle) = lower(?)', [handle]).first<{ id: string; handle: string } | undefined>('id', 'handle');
    return row ? { id: String(row.id), handle: row.handle } : null;
  }

  async artistName(id: string): Promise<string | null> {
    const row = await this.knex('artists').where({ id }).first<{ name: string } | undefined>('name');
    return row?.name ?? null;
  }
}
