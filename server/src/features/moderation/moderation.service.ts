import type { Knex } from 'knex';
import type { ReportCreateInput, ReportListQuery, ReportPage, ReportResolveInput, ReportView, SuspendedAccountListQuery, SuspendedAccountPage } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import { isPgError, PG } from '../../db/pg-errors';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import type { SessionStore } from '../auth/session.store';
import type { NotificationsService } from '../notifications/notifications.service';
import { presentReport, presentSuspendedAccount } from './moderation.presenter';
import type { ModerationRepo, ReportTargetType, SuspendedPosition } from './moderation.repo';
import { outcomeNotice } from './report-outcome';
import { suspensionLiftedNotice } from './suspension-lifted-notice';

export interface ModerationServiceDeps {
  knex: Knex;
  repo: ModerationRepo;
  sessions: SessionStore;
  events: DomainEventPublisher;
  notifications: NotificationsService;
  logger: Logger;
}

const EXCERPT_CHARS = 280;

/** Cuts by code points so that an emoji is never split in half. */
function excerpt(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join('');
}

function encodeCursor(id: string): string {
  return Buffer.from(`r:${id}`).toString('base64url');
}

const INVALID_CURSOR = () => AppError.badRequest('invalid_cursor', 'The page cursor is not valid.', [{ path: 'cursor', message: 'Invalid cursor' }]);

function decodeCursor(cursor: string): string {
  const match = /^r:([1-9][0-9]{0,17})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw INVALID_CURSOR();
  return match[1]!;
}

function encodeSuspendedCursor(position: SuspendedPosition): string {
  return Buffer.from(`s:${position.suspendedUs}:${position.id}`).toString('base64url');
}

/** Microseconds since the epoch of 0001-01-01 and of the last instant of 9999, the years Postgres and Muse agree on. */
const SUSPENDED_US_RANGE = [-62135596800000000n, 253402300799999999n] as const;

function decodeSuspendedCursor(cursor: string): SuspendedPosition {
  const match = /^s:(-?[0-9]{1,18}):([1-9][0-9]{0,17})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || BigInt(match[1]!) < SUSPENDED_US_RANGE[0] || BigInt(match[1]!) > SUSPENDED_US_RANGE[1]) throw INVALID_CURSOR();
  return { suspendedUs: match[1]!, id: match[2]! };
}

/**
 * Reports of reviews and comments and what administrators do about them: hide the content,
 * suspend its author (which also hides it and ends every session of the author) or dismiss.
 * Every reporter of the target hears the outcome. Administrators list suspended accounts and
 * may lift a suspension, which the account's owner is told of.
 */
export class ModerationService {
  constructor(private readonly deps: ModerationServiceDeps) {}

  /**
   * Files a report: 404 for content that does not exist or is already hidden, 400 for one's
   * own content, 409 `already_reported` when this reporter already reported it.
   */
  async report(reporterId: string, input: ReportCreateInput): Promise<ReportView> {
    const target = await this.deps.repo.target(input.targetType, input.targetId);
    if (!target || target.hidden_at || target.parent_hidden) throw AppError.notFound(input.targetType === 'review' ? 'Review' : 'Comment');
    if (String(target.author_id) === reporterId) {
      throw AppError.badRequest('own_content', 'You cannot report what you wrote yourself.', [{ path: 'targetId', message: 'This is your own content' }]);
    }
    const id = await this.deps.repo
      .insert({ reporterId, targetType: input.targetType, targetId: input.targetId, targetAuthorId: String(target.author_id), excerpt: excerpt(target.body), reason: input.reason })
      .catch((err: unknown) => {
        if (isPgError(err) && err.code === PG.uniqueViolation) throw AppError.conflict('already_reported', 'You already reported this.');
        // The author's account (or the content) went away between the read and the insert.
        if (isPgError(err) && err.code === PG.foreignKeyViolation) throw AppError.notFound(input.targetType === 'review' ? 'Review' : 'Comment');
        throw err;
      });
    return this.view(id);
  }

  /** The moderation queue for administrators. */
  async list(query: ReportListQuery): Promise<ReportPage> {
    const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.deps.repo.list(query.status, query.limit + 1, afterId);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items: items.map(presentReport), nextCursor: rows.length > query.limit && last ? encodeCursor(String(last.id)) : null };
  }

  /**
   * Resolves a report and every other open report about the same content, in one transaction:
   * 404 for an unknown report, 409 `already_resolved` for a closed one, 403
   * `cannot_suspend_admin` when the author is an administrator. After the commit a suspended
   * author's sessions end (their sockets drop) and each reporter is told the outcome.
   */
  async resolve(adminId: string, reportId: string, input: ReportResolveInput): Promise<ReportView> {
    const { repo } = this.deps;
    const outcome = await this.deps.knex.transaction(async (trx) => {
      const report = await repo.lock(trx, reportId);
      if (!report) throw AppError.notFound('Report');
      if (report.status !== 'open') throw AppError.conflict('already_resolved', 'This report was already resolved.');
      const type: ReportTargetType = report.target_type;
      const targetId = String(report.target_id);
      const target = await repo.target(type, targetId, trx);
      const authorId = target ? String(target.author_id) : report.target_author_id ? String(report.target_author_id) : null;
      if (input.action === 'suspend_author' && target?.author_role === 'admin') {
        throw AppError.forbidden('cannot_suspend_admin', 'Administrators cannot be suspended here.');
      }
      // Nobody judges reports about their own writing; another administrator has to.
      if (authorId === adminId) throw AppError.forbidden('own_content', 'This report is about your own content; another administrator has to resolve it.');
      if (input.action !== 'dismiss') await repo.hide(trx, type, targetId);
      if (input.action === 'suspend_author' && authorId) await repo.suspend(trx, authorId, { adminId, reportId });
      const resolved = await repo.resolveOpenForTarget(
        trx,
        { type, id: targetId },
        { status: input.action === 'dismiss' ? 'dismissed' : 'actioned', action: input.action, note: input.note || null, adminId },
      );
      return { type, suspendedId: input.action === 'suspend_author' ? authorId : null, resolved };
    });
    if (outcome.suspendedId) await this.endSessions(outcome.suspendedId);
    for (const r of outcome.resolved) {
      await this.deps.notifications
        .create({ userId: r.reporter_id, ...outcomeNotice(outcome.type, input.action), dedupeKey: `report_resolved:${r.id}`, data: { reportId: r.id } })
        .catch((err: unknown) => this.deps.logger.error({ err, reportId: r.id }, 'report outcome notification failed'));
    }
    return this.view(reportId);
  }

  /** Suspended accounts for the admin page, most recently suspended first. */
  async suspended(query: SuspendedAccountListQuery): Promise<SuspendedAccountPage> {
    const after = query.cursor === undefined ? undefined : decodeSuspendedCursor(query.cursor);
    const rows = await this.deps.repo.listSuspended(query.limit + 1, after);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(presentSuspendedAccount),
      nextCursor: rows.length > query.limit && last ? encodeSuspendedCursor({ suspendedUs: last.suspended_us, id: String(last.id) }) : null,
    };
  }

  /**
   * Lifts a suspension, so the account may sign in again: 404 for an unknown account, 409
   * `not_suspended` when there is nothing to lift. Sessions ended by the suspension stay ended.
   * What the suspension hid only by the account being suspended (its profile, its activity in
   * followers' feeds, its ratings among friends) shows again; content hidden by a report stays
   * hidden. The user is notified; only the call that actually lifted it notifies, so a repeat
   * (or a race between two administrators) sends one notice.
   */
  async unsuspend(adminId: string, userId: string): Promise<void> {
    const outcome = await this.deps.repo.unsuspend(userId);
    if (outcome === 'unknown') throw AppError.notFound('User');
    if (outcome === 'not_suspended') throw AppError.conflict('not_suspended', 'This account is not suspended.');
    this.deps.logger.info({ adminId, userId }, 'suspension lifted');
    // The lift stands even if the notice cannot be stored; the failure is logged.
    await this.deps.notifications
      .create({ userId, ...suspensionLiftedNotice })
      .catch((err: unknown) => this.deps.logger.error({ err, userId }, 'suspension lifted notification failed'));
  }

  private async endSessions(userId: string): Promise<void> {
    const ended = await this.deps.sessions.destroyAllForUser(userId);
    await this.deps.events.publish({ type: 'sessions.revoked', userId, sessionHashes: ended });
  }

  private async view(id: string): Promise<ReportView> {
    const row = await this.deps.repo.findView(id);
    if (!row) throw AppError.notFound('Report');
    return presentReport(row);
  }
}
