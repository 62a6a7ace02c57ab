import type { Knex } from 'knex';
import type { UserRole } from '@muse/shared';

/** An account as other features may see it: who it is and its standing, never its credentials. */
export interface AccountRow {
  id: string;
  handle: string;
  display_name: string;
  role: UserRole;
  suspended_at: Date | null;
}

/**
 * What other features may read about accounts (roles, existence), so none of them reaches into
 * the users table through the auth feature's repo. Writes to accounts stay in AuthService.
 */
export class AccountsReadModel {
  constructor(private readonly knex: Knex) {}

  /** The account with this id, or null when there is none. */
  async findById(id: string): Promise<AccountRow | null> {
    const row = await this.knex<AccountRow>('users').select('id', 'handle', 'display_name', 'role', 'suspended_at').where({ id }).first();
    return (row as AccountRow | undefined) ?? null;
  }

  /** Whether an account with this id exists (suspended ones included). */
  async exists(id: string): Promise<boolean> {
    return (await this.knex('users').where({ id }).first('id')) !== undefined;
  }
}
