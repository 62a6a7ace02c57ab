import type { Knex } from 'knex';
import type { Visibility } from '@muse/shared';

/** The columns of a user that profiles and the social graph show or decide by. */
export interface ProfileUserRow {
  id: string;
  handle: string;
  display_name: string;
  avatar_url: string | null;
  bio: string;
  is_private: boolean;
  default_visibility: Visibility;
  hide_unlogged_takes: boolean;
  follower_count: number;
  following_count: number;
  created_at: Date;
  /** Set while moderators have the account suspended. */
  suspended_at: Date | null;
}

export interface ProfilePatch {
  display_name?: string;
  bio?: string;
  avatar_url?: string | null;
}

export interface PrivacyPatch {
  is_private?: boolean;
  default_visibility?: Visibility;
  hide_unlogged_takes?: boolean;
}

const COLUMNS = [
  'id',
  'handle',
  'display_name',
  'avatar_url',
  'bio',
  'is_private',
  'default_visibility',
  'hide_unlogged_takes',
  'follower_count',
  'following_count',
  'created_at',
  'suspended_at',
];

/** Users as profiles see them: looked up by handle, edited by their owner. */
export class ProfileUsersReadModel {
  constructor(private readonly knex: Knex) {}

  /** The user with this handle, compared case-insensitively (the unique index is on lower(handle)). */
  async findByHandle(handle: string, trx: Knex = this.knex): Promise<ProfileUserRow | null> {
    const row = await trx('users').select(COLUMNS).whereRaw('lower(handle) = lower(?)', [handle]).first();
    return (row as ProfileUserRow | undefined) ?? null;
  }

  /** The ids of the users with these handles, keyed by the lower-cased handle (unknown ones are absent). */
  async idsByHandle(handles: string[]): Promise<Map<string, string>> {
    const rows = await this.knex('users')
      .whereRaw('lower(handle) = ANY(?)', [handles.map((h) => h.toLowerCase())])
      .select<{ id: string; handle: string }[]>('id', 'handle');
    return new Map(rows.map((r) => [r.handle.toLowerCase(), String(r.id)]));
  }

  async findById(id: string, trx: Knex = this.knex): Promise<ProfileUserRow | null> {
    const row = await trx('users').select(COLUMNS).where({ id }).first();
    return (row as ProfileUserRow | undefined) ?? null;
  }

  /** Whether the account is an administrator's; false for an unknown id. */
  async isAdmin(id: string): Promise<boolean> {
    const row = await this.knex('users').select('role').where({ id }).first();
    return row?.role === 'admin';
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<void> {
    await this.knex('users')
      .where({ id })
      .update({ ...patch, updated_at: this.knex.fn.now() });
  }

  async updatePrivacy(trx: Knex, id: string, patch: PrivacyPatch): Promise<void> {
    await trx('users')
      .where({ id })
      .update({ ...patch, updated_at: trx.fn.now() });
  }
}
