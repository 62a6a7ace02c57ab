import type { Knex } from 'knex';
import type { UserRole } from '@muse/shared';
import { isPgError, PG } from '../../db/pg-errors';
import { preparedQuery } from '../../db/prepared';
import { AppError } from '../../lib/app-error';
import { retryingTransaction } from '../../db/transaction';

export interface UserRow {
  id: string;
  handle: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** Whether the owner chose a password; false for an account made by signing in with a music service until they set one. */
  password_set: boolean;
  role: UserRole;
  created_at: Date;
  /** Set by moderators; a suspended account cannot sign in. */
  suspended_at: Date | null;
}

/**
 * The columns a `UserRow` holds, named: a prepared `SELECT *` fails on every connection that
 * prepared it once a migration adds a column ("cached plan must not change result type").
 */
const USER_COLUMNS = 'id, handle, email, display_name, password_hash, password_set, role, created_at, suspended_at';

export interface NewUser {
  handle: string;
  email: string;
  displayName: string;
  passwordHash: string;
  /** False when nobody knows the password (an account made by signing in with a music service); true unless said. */
  passwordSet?: boolean;
  role: UserRole;
}

/** The users table: the only place that reads or writes it. */
export class UsersRepo {
  constructor(private readonly knex: Knex) {}

  /** Stores a new account: 409 `handle_taken` or `email_taken` when either is already in use. */
  async insert(user: NewUser, trx: Knex = this.knex): Promise<UserRow> {
    const [row] = await trx<UserRow>('users')
      .insert({
        handle: user.handle,
        email: user.email,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        password_set: user.passwordSet ?? true,
        role: user.role,
      })
      .returning('*')
      .catch(mapUniqueViolation);
    return row!;
  }

  /** The account with this id, or null. Every signed-in request asks, so the statement is prepared. */
  async findById(id: string): Promise<UserRow | null> {
    const rows = await preparedQuery<UserRow>(this.knex, 'users_find_by_id', `SELECT ${USER_COLUMNS} FROM users WHERE id = $1 LIMIT 1`, [id]);
    return rows[0] ?? null;
  }

  /** Finds by handle or, when it contains '@', by email; both case-insensitively. */
  async findByIdentifier(identifier: string): Promise<UserRow | null> {
    const column = identifier.includes('@') ? 'email' : 'handle';
    const row = await this.knex<UserRow>('users').whereRaw(`lower(${column}) = lower(?)`, [identifier]).first();
    return row ?? null;
  }

  /** Replaces the password of an account that has one. */
  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.knex('users').where({ id }).update(this.newPassword(passwordHash));
  }

  /**
   * Gives a password to an account that had none; false when it has one by now (set meanwhile
   * by another request), which is then left alone.
   */
  async setFirstPassword(id: string, passwordHash: string): Promise<boolean> {
    return (await this.knex('users').where({ id, password_set: false }).update(this.newPassword(passwordHash))) > 0;
  }

  private newPassword(passwordHash: string) {
    return { password_hash: passwordHash, password_set: true, password_changed_at: this.knex.fn.now(), updated_at: this.knex.fn.now() };
  }

  async deleteById(id: string, trx: Knex = this.knex): Promise<number> {
    return trx('users').where({ id }).delete();
  }

  /**
   * Deletes the account row and, by cascade, everything keyed to it, in one transaction run
   * again when it deadlocks: the cascade moves trigger-kept counters (ratings, follows, likes)
   * that the user's own in-flight writes may hold. Answers 0 when the row was already gone.
   */
  async deleteAccount(id: string): Promise<number> {
    return retryingTransaction(this.knex, (trx) => this.deleteById(id, trx), { attempts: 8 });
  }

  /** Gives the admin role to the listed handles (from ADMIN_HANDLES). */
  async promoteHandles(handles: string[]): Promise<number> {
    if (!handles.length) return 0;
    return this.knex('users').whereRaw('lower(handle) = ANY(?)', [handles]).whereNot({ role: 'admin' }).update({ role: 'admin' });
  }
}

function mapUniqueViolation(err: unknown): never {
  if (isPgError(err) && err.code === PG.uniqueViolation) {
    if (err.constraint === 'users_handle_lower_key') {
      throw AppError.conflict('handle_taken', 'That handle is taken.', [{ path: 'handle', message: 'That handle is taken' }]);
    }
    if (err.constraint === 'users_email_lower_key') {
      throw AppError.conflict('email_taken', 'An account with that email already exists.', [
        { path: 'email', message: 'An account with that email already exists' },
      ]);
    }
  }
  throw err;
}
