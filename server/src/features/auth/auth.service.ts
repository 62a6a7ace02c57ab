import type { ChangePasswordInput, DeleteAccountInput, LoginInput, RegisterInput } from '@muse/shared';
import type { PeopleChangeMarks } from '../search/search-versions';
import { AppError } from '../../lib/app-error';
import { randomToken } from '../../lib/ids';
import type { Logger } from '../../lib/logger';
import type { DocumentStore } from '../../docstore/document-store.port';
import type { JobQueues } from '../../jobs/queues';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import { welcomeNotificationJob } from '../notifications/welcome-notification.job';
import { accountPurgeJob } from './account-purge.job';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher';
import { isCommonPassword } from './password-policy';
import type { LoginThrottle } from './login-throttle';
import type { Session, SessionStore } from './session.store';
import type { UserRow, UsersRepo } from './users.repo';

export interface AuthServiceDeps {
  users: UsersRepo;
  sessions: SessionStore;
  docs: DocumentStore;
  queues: JobQueues;
  events: DomainEventPublisher;
  adminHandles: string[];
  loginThrottle: LoginThrottle;
  /** Whose bells a deleted account was behind (they are told live that theirs changed). */
  notifications: { recipientsOfActor(actorId: string): Promise<string[]> };
  /** The users' feed timelines in Redis; a deleted account's own is dropped. */
  timelines: { drop(userId: string): Promise<void> };
  /** Accounts made and deleted change who search finds. */
  people: PeopleChangeMarks;
  logger: Logger;
}

export interface SignedIn {
  user: UserRow;
  sessionId: string;
  session: Session;
}

const INVALID_CREDENTIALS = new AppError(401, 'invalid_credentials', 'The handle/email or password is not right.');

/** Moderators suspended the account: it may not sign in, and its sessions were ended. */
function isSuspended(user: UserRow): boolean {
  return user.suspended_at !== null && user.suspended_at !== undefined;
}

const WRONG_CURRENT_PASSWORD = () =>
  AppError.badRequest('invalid_current_password', 'The current password is not right.', [
    { path: 'currentPassword', message: 'The current password is not right' },
  ]);
const CURRENT_PASSWORD_NEEDED = () =>
  AppError.badRequest('current_password_required', 'Enter your current password to change it.', [
    { path: 'currentPassword', message: 'Current password is required' },
  ]);

/** Whether what someone typed to confirm names this handle: any case, with or without its '@'. */
function isOwnHandle(typed: string | undefined, handle: string): boolean {
  return typed !== undefined && typed.trim().replace(/^@/, '').toLowerCase() === handle.toLowerCase();
}

function rejectCommon(password: string, path: string): void {
  if (isCommonPassword(password)) {
    throw AppError.badRequest('password_too_common', 'This password is among the most common ones; choose another.', [
      { path, message: 'This password is too common; choose one that is harder to guess' },
    ]);
  }
}

/** Accounts: registration, sign-in, password changes and deletion. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /**
   * Creates the account, then its `account.registered` activity and welcome job. These follow
   * the commit (a worker must see the user, and a transaction must not wait on a second pooled
   * connection); if either fails the account is removed again, so nothing half-exists.
   */
  async register(input: RegisterInput): Promise<SignedIn> {
    rejectCommon(input.password, 'password');
    const passwordHash = await hashPassword(input.password);
    const role = this.deps.adminHandles.includes(input.handle.toLowerCase()) ? 'admin' : 'user';
    const user = await this.deps.users.insert({ ...input, passwordHash, role });
    const userId = String(user.id);
    await this.deps.people.changed();
    try {
      await this.deps.docs.activity.append({ actorId: userId, type: 'account.registered', visibility: 'private' });
      await this.deps.queues.enqueue(welcomeNotificationJob, { userId }, { jobId: `welcome-${userId}` });
    } catch (err) {
      await this.deps.users.deleteById(userId);
      await this.deps.docs.activity.deleteByActor(userId);
      await this.deps.people.changed();
      throw err;
    }
    const { id, session } = await this.deps.sessions.create(userId);
    return { user, sessionId: id, session };
  }

  /** Signs in by handle or email; unknown users and wrong passwords look and take the same. */
  async login(input: LoginInput, previous: Session | null, clientIp: string): Promise<SignedIn> {
    const user = await this.deps.users.findByIdentifier(input.identifier);
    // Keyed by the account, so alternating its handle and email does not double the guesses.
    const subject = user ? { userId: String(user.id) } : { identifier: input.identifier };
    await this.deps.loginThrottle.assertAllowed(subject, clientIp);
    const ok = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
    if (!user || !ok) {
      await this.deps.loginThrottle.recordFailure(subject, clientIp);
      throw INVALID_CREDENTIALS;
    }
    await this.deps.loginThrottle.reset(subject, clientIp);
    // Said only after the right password, so that suspension does not reveal who has an account.
    return this.startSession(user, previous);
  }

  /**
   * Signs in an account a music service vouched for (its linked connection), exactly as a
   * password login ends: suspension refused, the previous session replaced.
   */
  async signInLinked(userId: string, previous: Session | null): Promise<SignedIn> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw AppError.unauthenticated('This account no longer exists.');
    return this.startSession(user, previous);
  }

  /**
   * Creates an account for someone who signed in with a music service: it has no password anyone
   * knows (the hash of a random one, `password_set` false until the owner sets one) and an
   * address at `.invalid`, so it never claims or matches an existing account's email. `link`
   * stores the connection; if it or the activity fails, the account is removed again.
   */
  async registerLinked(input: { handle: string; displayName: string }, link: (userId: string) => Promise<void>): Promise<SignedIn> {
    const passwordHash = await hashPassword(randomToken(32));
    const role = this.deps.adminHandles.includes(input.handle.toLowerCase()) ? 'admin' : 'user';
    const email = `linked-${randomToken(12).toLowerCase()}@accounts.muse.invalid`;
    const user = await this.deps.users.insert({ ...input, email, passwordHash, passwordSet: false, role });
    const userId = String(user.id);
    await this.deps.people.changed();
    try {
      await link(userId);
      await this.deps.docs.activity.append({ actorId: userId, type: 'account.registered', visibility: 'private' });
      await this.deps.queues.enqueue(welcomeNotificationJob, { userId }, { jobId: `welcome-${userId}` });
    } catch (err) {
      await this.deps.users.deleteById(userId);
      await this.deps.docs.activity.deleteByActor(userId);
      await this.deps.people.changed();
      throw err;
    }
    const { id, session } = await this.deps.sessions.create(userId);
    return { user, sessionId: id, session };
  }

  private async startSession(user: UserRow, previous: Session | null): Promise<SignedIn> {
    if (isSuspended(user)) throw AppError.forbidden('account_suspended', 'This account is suspended.');
    // A new id on every sign-in defeats session fixation.
    if (previous) await this.endSessions(previous.userId, [previous.hash]);
    const { id, session } = await this.deps.sessions.create(String(user.id));
    await this.deps.docs.activity.append({ actorId: String(user.id), type: 'account.logged_in', visibility: 'private' });
    return { user, sessionId: id, session };
  }

  async logout(session: Session): Promise<void> {
    await this.endSessions(session.userId, [session.hash]);
  }

  /**
   * Changes the password, ends every session of the user and opens a fresh one for this browser.
   * An account without a password (made by signing in with a music service) sets its first one
   * without the current one; once it has one, the current one is needed like anywhere.
   */
  async changePassword(user: UserRow, current: Session, input: ChangePasswordInput): Promise<SignedIn> {
    if (user.password_set) {
      if (input.currentPassword === undefined) throw CURRENT_PASSWORD_NEEDED();
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw WRONG_CURRENT_PASSWORD();
    }
    rejectCommon(input.newPassword, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    if (user.password_set) await this.deps.users.updatePasswordHash(String(user.id), passwordHash);
    // A password set by another request since this one read the account now needs to be given.
    else if (!(await this.deps.users.setFirstPassword(String(user.id), passwordHash))) throw CURRENT_PASSWORD_NEEDED();
    const ended = await this.deps.sessions.destroyAllForUser(String(user.id));
    await this.deps.events.publish({ type: 'sessions.revoked', userId: String(user.id), sessionHashes: ended.filter((h) => h !== current.hash) });
    const { id, session } = await this.deps.sessions.create(String(user.id));
    await this.deps.docs.activity.append({ actorId: String(user.id), type: 'account.password_changed', visibility: 'private' });
    return { user: { ...user, password_set: true }, sessionId: id, session };
  }

  /**
   * Deletes the account and its data, race-free against the user's own writes. Sessions end
   * first, so no new request of theirs gets past auth. The row then goes in one retried
   * transaction whose cascade takes every row keyed to the user, including those of writes
   * already past auth (they commit before the delete can lock the row, or fail its foreign
   * key after). What lives outside Postgres is purged once the row is gone, here and again by
   * a retried `account-purge` job; an activity appended after that sweep is removed by the
   * activity recorder itself, which looks for the account again after each append.
   */
  async deleteAccount(user: UserRow, confirmation: DeleteAccountInput): Promise<void> {
    await this.confirmDeletion(user, confirmation);
    const userId = String(user.id);
    await this.endAllSessions(userId);
    // Read before the cascade takes the notifications (one appearing in between leaves at the next read).
    const recipients = await this.deps.notifications.recipientsOfActor(userId);
    await this.deps.users.deleteAccount(userId);
    await this.deps.people.changed();
    if (recipients.length) await this.deps.events.publish({ type: 'notifications.changed', userIds: recipients });
    await this.deps.queues.enqueue(accountPurgeJob, { userId }, { jobId: `account-purge-${userId}` });
    try {
      await this.purgeDeletedAccount(userId);
    } catch (err) {
      // The account is gone; the queued purge finishes the rest, so the answer stays a success.
      this.deps.logger.warn({ err, userId }, 'account purge left to its job');
    }
  }

  /**
   * An account with a password confirms deletion with it; one without (made by signing in with a
   * music service) by typing its handle.
   */
  private async confirmDeletion(user: UserRow, { password, handle }: DeleteAccountInput): Promise<void> {
    if (user.password_set) {
      if (password === undefined) {
        throw AppError.badRequest('password_required', 'Enter your password to confirm.', [{ path: 'password', message: 'Password is required' }]);
      }
      if (!(await verifyPassword(user.password_hash, password))) {
        throw AppError.badRequest('invalid_password', 'The password is not right.', [{ path: 'password', message: 'The password is not right' }]);
      }
    } else if (!isOwnHandle(handle, user.handle)) {
      throw AppError.badRequest('invalid_handle_confirmation', 'Type your handle to confirm.', [
        { path: 'handle', message: handle === undefined ? 'Handle is required' : 'That is not your handle' },
      ]);
    }
  }

  /**
   * Removes what a deleted account leaves outside its Postgres rows: activity documents,
   * playlist conversion reports, playlists (and its place in others' collaborators and shares), its feed timeline and any session opened while it was being deleted. Safe to run any number of
   * times; does nothing while the account still exists. Answers how many documents it removed.
   */
  async purgeDeletedAccount(userId: string): Promise<number> {
    if (await this.deps.users.findById(userId)) return 0;
    const removed = await this.deps.docs.activity.deleteByActor(userId);
    // Their playlists go; they leave everyone else's collaborators and shares (likes and counts cascade in Postgres).
    await this.deps.docs.playlists.deleteByOwner(userId);
    await this.deps.docs.playlists.forgetUser(userId);
    // Their playlist conversion reports go too (the conversions themselves cascade in Postgres).
    await this.deps.docs.conversionReports.deleteByOwner(userId);
    await this.deps.timelines.drop(userId);
    await this.endAllSessions(userId);
    return removed;
  }

  /**
   * The user behind a session, or null when the account no longer exists or is suspended (a
   * session opened while a suspension was being applied dies here).
   */
  async currentUser(session: Session): Promise<UserRow | null> {
    const user = await this.deps.users.findById(session.userId);
    return user && !isSuspended(user) ? user : null;
  }

  /** Whether the account exists (jobs about a deleted account skip their work). */
  async accountExists(userId: string): Promise<boolean> {
    return (await this.deps.users.findById(userId)) !== null;
  }

  /** Gives the admin role to the accounts named in ADMIN_HANDLES; run when an api process starts. */
  promoteConfiguredAdmins(): Promise<number> {
    return this.deps.users.promoteHandles(this.deps.adminHandles);
  }

  private async endAllSessions(userId: string): Promise<void> {
    const ended = await this.deps.sessions.destroyAllForUser(userId);
    if (ended.length > 0) await this.deps.events.publish({ type: 'sessions.revoked', userId, sessionHashes: ended });
  }

  private async endSessions(userId: string, hashes: string[]): Promise<void> {
    for (const hash of hashes) await this.deps.sessions.destroyByHash(userId, hash);
    await this.deps.events.publish({ type: 'sessions.revoked', userId, sessionHashes: hashes });
  }
}
