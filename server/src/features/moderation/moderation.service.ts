import { z } from 'zod';
import type {
  ReportCreateInput,
  ReportListQuery,
  ReportPage,
  ReportResolveInput,
  ReportView,
  SuspendedAccountListQuery,
  SuspendedAccountPage,
} from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { Logger } from '../../lib/logger';
import type { Transactions } from '../../db/transaction';
import { decodeOptionalCursor, encodeCursor, IdKey, rowsToRead, TimestampKey, toPage } from '../../lib/pagination';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import type { SessionStore } from '../auth/session.store';
import type { NotificationsService } from '../notifications/notifications.service';
import type { ReviewAccess } from '../reviews/review-access';
import { presentReport, presentSuspendedAccount } from './moderation.presenter';
import { targetNoun, type ModerationRepo, type NewReport, type ReportTargetType } from './moderation.repo';
import { outcomeNotice } from './report-outcome';
import { suspensionLiftedNotice } from './suspension-lifted-notice';
import type { FeedChangeMarks } from '../feed/feed-page.cache';
import type { PeopleChangeMarks } from '../search/search-versions';

export interface ModerationServiceDeps {
  transactions: Transactions;
  repo: ModerationRepo;
  sessions: SessionStore;
  events: DomainEventPublisher;
  notifications: NotificationsService;
  /** The one rule of who may read a review: a report is only for content its reporter may see. */
  reviewAccess: Pick<ReviewAccess, 'readableAuthor'>;
  logger: Logger;
  /** Hiding content or (un)suspending its author changes what followers' feeds may show. */
  feedChanges: FeedChangeMarks;
  /** A suspension imposed or lifted changes who search finds. */
  people: PeopleChangeMarks;
}

const EXCERPT_CHARS = 280;

/** Cuts by code points so that an emoji is never split in half. */
function excerpt(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join('');
}

/** The moderation queue's cursor kind names the status, since open reports page oldest first and the others newest first. */
const reportsKind = (status: ReportListQuery['status']) => `reports:${status}`;
const SUSPENDED = 'suspended-accounts';
const REPORT_KEYS = z.tuple([IdKey]);
const SUSPENDED_KEYS = z.tuple([TimestampKey, IdKey]);

/**
 * Reports of reviews, comments and party chat messages and what administrators do about them: hide the content,
 * suspend its author (which also hides it and ends every session of the author) or dismiss.
 * Every reporter of the target hears the outcome. Administrators list suspended accounts and
 * may lift a suspension, which the account's owner is told of.
 */
export class ModerationService {
  constructor(private readonly deps: ModerationServiceDeps) {}

  /**
   * Files a report: 404 for content that does not exist, is already hidden or is (or is on) a
   * review the reporter may not see, alike, so a report does not reveal that a review exists;
   * 400 for one's own content, 409 `already_reported` when this reporter already reported it.
   */
  async report(reporterId: string, input: ReportCreateInput): Promise<ReportView> {
    const notFound = AppError.notFound(targetNoun(input.targetType));
    const target = await this.deps.repo.target(input.targetType, input.targetId);
    if (!target || target.hidden_at || target.parent_hidden || !target.review_id) throw notFound;
    if (!(await this.canSee(target.review_id, reporterId))) throw notFound;
    if (String(target.author_id) === reporterId) {
      throw AppError.badRequest('own_content', 'You cannot report what you wrote yourself.', [{ path: 'targetId', message: 'This is your own content' }]);
    }
    return this.file({
      reporterId,
      targetType: input.targetType,
      targetId: input.targetId,
      targetAuthorId: String(target.author_id),
      excerpt: target.body,
      reason: input.reason,
    });
  }

  /**
   * Puts a report in the queue once the feature that shows the content has checked that the
   * reporter may see it and that it is not their own (a party checks its chat messages): 409
   * `already_reported` for a second report by the same reporter, as for reviews.
   */
  async file(report: NewReport): Promise<ReportView> {
    const id = await this.deps.repo.insert({ ...report, excerpt: excerpt(report.excerpt) });
    return this.view(id);
  }

  /** The moderation queue for administrators. */
  async list(query: ReportListQuery): Promise<ReportPage> {
    const kind = reportsKind(query.status);
    const after = decodeOptionalCursor(query.cursor, kind, REPORT_KEYS);
    const rows = await this.deps.repo.list(query.status, rowsToRead(query.limit), after?.[0]);
    return toPage(rows, query.limit, presentReport, (last) => encodeCursor(kind, [String(last.id)]));
  }

  /**
   * Resolves a report and every other open report about the same content, in one transaction:
   * 404 for an unknown report, 409 `already_resolved` for a closed one, 403
   * `cannot_suspend_admin` when the author is an administrator. After the commit a suspended
   * author's sessions end (their sockets drop) and each reporter is told the outcome.
   */
  async resolve(adminId: string, reportId: string, input: ReportResolveInput): Promise<ReportView> {
    const { repo } = this.deps;
    const outcome = await this.deps.transactions.run(async (trx) => {
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
      const hidden = input.action !== 'dismiss' && !target?.hidden_at && (await repo.hide(trx, type, targetId, adminId));
      if (input.action === 'suspend_author' && authorId) await repo.suspend(trx, authorId, { adminId, reportId });
      const resolved = await repo.resolveOpenForTarget(
        trx,
        { type, id: targetId },
        { status: input.action === 'dismiss' ? 'dismissed' : 'actioned', action: input.action, note: input.note || null, adminId },
      );
      // A chat message taken down leaves the live room as when the host removes it.
      const removedFromParty = hidden && target?.party_id ? { partyId: target.party_id, messageId: targetId } : null;
      return { type, authorId, suspendedId: input.action === 'suspend_author' ? authorId : null, resolved, removedFromParty };
    });
    if (outcome.authorId && input.action !== 'dismiss') await this.deps.feedChanges.changed([outcome.authorId]);
    if (outcome.suspendedId) await this.deps.people.changed();
    if (outcome.suspendedId) await this.endSessions(outcome.suspendedId);
    if (outcome.removedFromParty) await this.deps.events.publish({ type: 'party.message_removed', ...outcome.removedFromParty });
    for (const r of outcome.resolved) {
      await this.deps.notifications
        .create({ userId: r.reporter_id, ...outcomeNotice(outcome.type, input.action), dedupeKey: `report_resolved:${r.id}`, data: { reportId: r.id } })
        .catch((err: unknown) => this.deps.logger.error({ err, reportId: r.id }, 'report outcome notification failed'));
    }
    return this.view(reportId);
  }

  /** Suspended accounts for the admin page, most recently suspended first. */
  async suspended(query: SuspendedAccountListQuery): Promise<SuspendedAccountPage> {
    const after = decodeOptionalCursor(query.cursor, SUSPENDED, SUSPENDED_KEYS);
    const rows = await this.deps.repo.listSuspended(rowsToRead(query.limit), after && { suspendedKey: after[0], id: after[1] });
    return toPage(rows, query.limit, presentSuspendedAccount, (last) => encodeCursor(SUSPENDED, [last.suspended_key, String(last.id)]));
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
    await this.deps.feedChanges.changed([userId]);
    await this.deps.people.changed();
    this.deps.logger.info({ adminId, userId }, 'suspension lifted');
    // The lift stands even if the notice cannot be stored; the failure is logged.
    await this.deps.notifications
      .create({ userId, ...suspensionLiftedNotice })
      .catch((err: unknown) => this.deps.logger.error({ err, userId }, 'suspension lifted notification failed'));
  }

  /** Whether the reporter may read the review; its refusal is a 404, which a comment's report answers in its own words. */
  private async canSee(reviewId: string, reporterId: string): Promise<boolean> {
    return this.deps.reviewAccess.readableAuthor(reviewId, reporterId).then(
      () => true,
      (err: unknown) => {
        if (err instanceof AppError && err.status === 404) return false;
        throw err;
      },
    );
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
