import type { Knex } from 'knex';
import { isPgError, PG } from '../../db/pg-errors';
import type { Tx } from '../../db/transaction';
import { AppError } from '../../lib/app-error';
import { timestampKeySql } from '../../lib/pagination';
import type { ReportResolveInput, ReportTargetType, ReportView } from '@muse/shared';

export type { ReportTargetType };
export type ReportStatus = ReportView['status'];

/** The reported review or comment as moderation sees it. */
export interface ReportTargetRow {
  author_id: string;
  author_role: 'user' | 'admin';
  body: string;
  hidden_at: Date | null;
  /** For a comment: whether the review it is on is hidden. */
  parent_hidden: boolean;
  /** The review itself, or the review the comment is on: whoever may not see it may not report it (null for a party message). */
  review_id: string | null;
  /** The party a chat message was written in (null for reviews and comments). */
  party_id: string | null;
}

export interface ReportRow {
  id: string;
  reporter_id: string;
  target_type: ReportTargetType;
  target_id: string;
  target_author_id: string | null;
  excerpt: string;
  reason: string;
  status: ReportStatus;
  resolution: ReportResolveInput['action'] | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

export interface ReportViewRow extends ReportRow {
  reporter_handle: string;
  reporter_display_name: string;
  author_handle: string | null;
  author_display_name: string | null;
  target_hidden: boolean;
  /** The review a comment is on, or the party a message was written in, while the content exists. */
  target_review_id: string | null;
  target_party_id: string | null;
}

export interface NewReport {
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  targetAuthorId: string;
  excerpt: string;
  reason: string;
}

/** Where a page of suspended accounts ends: the exact suspension time (UTC, microseconds kept, as TimestampKey) and id. */
export interface SuspendedPosition {
  suspendedKey: string;
  id: string;
}

export interface SuspendedAccountRow {
  id: string;
  handle: string;
  display_name: string;
  suspended_at: Date;
  /** The suspension time as a TimestampKey, for the next page's cursor. */
  suspended_key: string;
  admin_id: string | null;
  admin_handle: string | null;
  admin_display_name: string | null;
  report_id: string | null;
  report_target_type: ReportTargetType | null;
  report_target_id: string | null;
  report_excerpt: string | null;
  report_reason: string | null;
}

/**
 * Each kind of reported content: its table, the column that says it is no longer shown (and,
 * for chat messages, the one that says who took it down), and how moderation reads it.
 */
const TARGETS: Record<ReportTargetType, { table: string; hiddenColumn: string; hiddenByColumn?: string; sql: string }> = {
  review: {
    table: 'reviews',
    hiddenColumn: 'hidden_at',
    sql: `SELECT t.user_id AS author_id, u.role AS author_role, t.body, t.hidden_at, false AS parent_hidden, t.id::text AS review_id, NULL AS party_id
            FROM reviews t JOIN users u ON u.id = t.user_id WHERE t.id = ?`,
  },
  comment: {
    table: 'review_comments',
    hiddenColumn: 'hidden_at',
    sql: `SELECT t.user_id AS author_id, u.role AS author_role, t.body, t.hidden_at, (r.hidden_at IS NOT NULL) AS parent_hidden,
                 t.review_id::text AS review_id, NULL AS party_id
            FROM review_comments t JOIN users u ON u.id = t.user_id JOIN reviews r ON r.id = t.review_id WHERE t.id = ?`,
  },
  party_message: {
    table: 'party_messages',
    hiddenColumn: 'removed_at',
    hiddenByColumn: 'removed_by',
    sql: `SELECT t.user_id AS author_id, u.role AS author_role, t.body, t.removed_at AS hidden_at, false AS parent_hidden,
                 NULL AS review_id, t.party_id::text AS party_id
            FROM party_messages t JOIN users u ON u.id = t.user_id WHERE t.id = ?`,
  },
};

/** Whether a report's (`p`) content is no longer shown, from each kind's own table. */
const TARGET_HIDDEN_SQL = `CASE p.target_type ${Object.entries(TARGETS)
  .map(([type, t]) => `WHEN '${type}' THEN EXISTS (SELECT 1 FROM ${t.table} t WHERE t.id = p.target_id AND t.${t.hiddenColumn} IS NOT NULL)`)
  .join(' ')} END AS target_hidden`;

/** The word a 404 about reported content uses. */
export function targetNoun(type: ReportTargetType): string {
  return { review: 'Review', comment: 'Comment', party_message: 'Message' }[type];
}

/** Reports and the moderation state they change: hidden content and suspended accounts. */
export class ModerationRepo {
  constructor(private readonly knex: Knex) {}

  /** The reported content, or null when it does not exist. */
  async target(type: ReportTargetType, id: string, trx: Knex = this.knex): Promise<ReportTargetRow | null> {
    const { rows } = await trx.raw<{ rows: ReportTargetRow[] }>(TARGETS[type].sql, [id]);
    return rows[0] ?? null;
  }

  /**
   * Stores a report: 409 `already_reported` for a second one by the same reporter about the same
   * target, 404 when the author's account or the content went away since it was read.
   */
  async insert(report: NewReport): Promise<string> {
    const [row] = await this.knex('reports')
      .insert({
        reporter_id: report.reporterId,
        target_type: report.targetType,
        target_id: report.targetId,
        target_author_id: report.targetAuthorId,
        excerpt: report.excerpt,
        reason: report.reason,
      })
      .returning('id')
      .catch((err: unknown) => {
        if (isPgError(err) && err.code === PG.uniqueViolation) throw AppError.conflict('already_reported', 'You already reported this.');
        if (isPgError(err) && err.code === PG.foreignKeyViolation) throw AppError.notFound(targetNoun(report.targetType));
        throw err;
      });
    return String(row.id);
  }

  /** Locks a report for resolving. */
  async lock(trx: Tx, id: string): Promise<ReportRow | null> {
    const row = await trx('reports').select('*').where({ id }).forUpdate().first();
    return (row as ReportRow | undefined) ?? null;
  }

  /** Resolves every open report about one target the same way; returns who reported it, by report id. */
  async resolveOpenForTarget(
    trx: Knex,
    target: { type: ReportTargetType; id: string },
    resolution: { status: Exclude<ReportStatus, 'open'>; action: ReportResolveInput['action']; note: string | null; adminId: string },
  ): Promise<{ id: string; reporter_id: string }[]> {
    const rows = await trx('reports')
      .where({ target_type: target.type, target_id: target.id, status: 'open' })
      .update({
        status: resolution.status,
        resolution: resolution.action,
        resolution_note: resolution.note,
        resolved_by: resolution.adminId,
        resolved_at: trx.fn.now(),
      })
      .returning(['id', 'reporter_id']);
    return rows.map((r: { id: string; reporter_id: string }) => ({ id: String(r.id), reporter_id: String(r.reporter_id) }));
  }

  /** Hides a review or comment, or removes a chat message (keeps the first time); false when it no longer exists. */
  async hide(trx: Knex, type: ReportTargetType, id: string, adminId: string): Promise<boolean> {
    const { table, hiddenColumn, hiddenByColumn } = TARGETS[type];
    const n = await trx(table)
      .where({ id })
      .update({
        [hiddenColumn]: trx.raw(`COALESCE(${hiddenColumn}, now())`),
        ...(hiddenByColumn ? { [hiddenByColumn]: trx.raw(`COALESCE(${hiddenByColumn}, ?)`, [adminId]) } : {}),
      });
    return n > 0;
  }

  /**
   * Marks an account suspended by an administrator because of a report. An account already
   * suspended keeps its first suspension: its time, administrator and report.
   */
  async suspend(trx: Knex, userId: string, by: { adminId: string; reportId: string }): Promise<void> {
    await trx('users')
      .where({ id: userId })
      .whereNull('suspended_at')
      .update({ suspended_at: trx.fn.now(), suspended_by: by.adminId, suspension_report_id: by.reportId, updated_at: trx.fn.now() });
  }

  /**
   * Lifts an account's suspension: 'lifted', 'not_suspended' or 'unknown' (no such account).
   * Content hidden by a moderation decision keeps its own `hidden_at` and stays hidden.
   */
  async unsuspend(userId: string): Promise<'lifted' | 'not_suspended' | 'unknown'> {
    const lifted = await this.knex('users')
      .where({ id: userId })
      .whereNotNull('suspended_at')
      .update({ suspended_at: null, suspended_by: null, suspension_report_id: null, updated_at: this.knex.fn.now() });
    if (lifted > 0) return 'lifted';
    const exists = await this.knex('users').where({ id: userId }).first('id');
    return exists ? 'not_suspended' : 'unknown';
  }

  /**
   * Suspended accounts, newest suspension first, after `after` (a position from
   * `SuspendedAccountRow.position`): keyed on the exact suspension time in microseconds and
   * the id, so that accounts suspended in the same millisecond are neither skipped nor repeated.
   */
  async listSuspended(limit: number, after?: SuspendedPosition): Promise<SuspendedAccountRow[]> {
    const k = this.knex;
    const q = k('users as u')
      .leftJoin('users as adm', 'adm.id', 'u.suspended_by')
      .leftJoin('reports as p', 'p.id', 'u.suspension_report_id')
      .whereNotNull('u.suspended_at')
      .select('u.id', 'u.handle', 'u.display_name', 'u.suspended_at')
      .select(k.raw(`${timestampKeySql('u.suspended_at')} AS suspended_key`))
      .select('adm.id as admin_id', 'adm.handle as admin_handle', 'adm.display_name as admin_display_name')
      .select(
        'p.id as report_id',
        'p.target_type as report_target_type',
        'p.target_id as report_target_id',
        'p.excerpt as report_excerpt',
        'p.reason as report_reason',
      )
      .orderBy([
        { column: 'u.suspended_at', order: 'desc' },
        { column: 'u.id', order: 'desc' },
      ])
      .limit(limit);
    if (after) {
      q.whereRaw(`(u.suspended_at, u.id) < (?::timestamp AT TIME ZONE 'UTC', ?::bigint)`, [after.suspendedKey, after.id]);
    }
    return (await q) as SuspendedAccountRow[];
  }

  async findView(id: string): Promise<ReportViewRow | null> {
    const rows = await this.viewQuery().where('p.id', id).limit(1);
    return (rows[0] as ReportViewRow | undefined) ?? null;
  }

  /** Reports in one status: open ones oldest first (a queue), resolved ones newest first. */
  async list(status: ReportStatus, limit: number, afterId?: string): Promise<ReportViewRow[]> {
    const ascending = status === 'open';
    const q = this.viewQuery()
      .where('p.status', status)
      .orderBy('p.id', ascending ? 'asc' : 'desc')
      .limit(limit);
    if (afterId) q.where('p.id', ascending ? '>' : '<', afterId);
    return (await q) as ReportViewRow[];
  }

  private viewQuery() {
    const k = this.knex;
    return k('reports as p')
      .join('users as rep', 'rep.id', 'p.reporter_id')
      .leftJoin('users as au', 'au.id', 'p.target_author_id')
      .select(
        'p.*',
        'rep.handle as reporter_handle',
        'rep.display_name as reporter_display_name',
        'au.handle as author_handle',
        'au.display_name as author_display_name',
      )
      .select(
        k.raw(TARGET_HIDDEN_SQL),
        k.raw(`CASE p.target_type
                 WHEN 'review' THEN (SELECT t.id::text FROM reviews t WHERE t.id = p.target_id)
                 WHEN 'comment' THEN (SELECT t.review_id::text FROM review_comments t WHERE t.id = p.target_id)
               END AS target_review_id`),
        k.raw(`CASE WHEN p.target_type = 'party_message' THEN (SELECT t.party_id::text FROM party_messages t WHERE t.id = p.target_id) END AS target_party_id`),
      );
  }
}
