import type { Knex } from 'knex';
import type { ReportCreateInput, ReportResolveInput, ReportView } from '@muse/shared';

export type ReportTargetType = ReportCreateInput['targetType'];
export type ReportStatus = ReportView['status'];

/** The reported review or comment as moderation sees it. */
export interface ReportTargetRow {
  author_id: string;
  author_role: 'user' | 'admin';
  body: string;
  hidden_at: Date | null;
  /** For a comment: whether the review it is on is hidden. */
  parent_hidden: boolean;
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
}

export interface NewReport {
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  targetAuthorId: string;
  excerpt: string;
  reason: string;
}

const TARGET_TABLE: Record<ReportTargetType, string> = { review: 'reviews', comment: 'review_comments' };

/** Reports and the moderation state they change: hidden content and suspended accounts. */
export class ModerationRepo {
  constructor(private readonly knex: Knex) {}

  /** The reported content, or null when it does not exist. */
  async target(type: ReportTargetType, id: string, trx: Knex = this.knex): Promise<ReportTargetRow | null> {
    const { rows } = await trx.raw<{ rows: ReportTargetRow[] }>(
      type === 'review'
        ? `SELECT t.user_id AS author_id, u.role AS author_role, t.body, t.hidden_at, false AS parent_hidden
             FROM reviews t JOIN users u ON u.id = t.user_id WHERE t.id = ?`
        : `SELECT t.user_id AS author_id, u.role AS author_role, t.body, t.hidden_at, (r.hidden_at IS NOT NULL) AS parent_hidden
             FROM review_comments t JOIN users u ON u.id = t.user_id JOIN reviews r ON r.id = t.review_id WHERE t.id = ?`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Stores a report; a second one by the same reporter about the same target violates a unique key. */
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
      .returning('id');
    return String(row.id);
  }

  /** Locks a report for resolving. */
  async lock(trx: Knex.Transaction, id: string): Promise<ReportRow | null> {
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
      .update({ status: resolution.status, resolution: resolution.action, resolution_note: resolution.note, resolved_by: resolution.adminId, resolved_at: trx.fn.now() })
      .returning(['id', 'reporter_id']);
    return rows.map((r: { id: string; reporter_id: string }) => ({ id: String(r.id), reporter_id: String(r.reporter_id) }));
  }

  /** Hides a review or comment (keeps the first hiding time); false when it no longer exists. */
  async hide(trx: Knex, type: ReportTargetType, id: string): Promise<boolean> {
    const n = await trx(TARGET_TABLE[type]).where({ id }).update({ hidden_at: trx.raw('COALESCE(hidden_at, now())') });
    return n > 0;
  }

  /** Marks an account suspended (keeps the first suspension time). */
  async suspend(trx: Knex, userId: string): Promise<void> {
    await trx('users').where({ id: userId }).update({ suspended_at: trx.raw('COALESCE(suspended_at, now())'), updated_at: trx.fn.now() });
  }

  async findView(id: string): Promise<ReportViewRow | null> {
    const rows = await this.viewQuery().where('p.id', id).limit(1);
    return (rows[0] as ReportViewRow | undefined) ?? null;
  }

  /** Reports in one status: open ones oldest first (a queue), resolved ones newest first. */
  async list(status: ReportStatus, limit: number, afterId?: string): Promise<ReportViewRow[]> {
    const ascending = status === 'open';
    const q = this.viewQuery().where('p.status', status).orderBy('p.id', ascending ? 'asc' : 'desc').limit(limit);
    if (afterId) q.where('p.id', ascending ? '>' : '<', afterId);
    return (await q) as ReportViewRow[];
  }

  private viewQuery() {
    const k = this.knex;
    return k('reports as p')
      .join('users as rep', 'rep.id', 'p.reporter_id')
      .leftJoin('users as au', 'au.id', 'p.target_author_id')
      .select('p.*', 'rep.handle as reporter_handle', 'rep.display_name as reporter_display_name', 'au.handle as author_handle', 'au.display_name as author_display_name')
      .select(
        k.raw(`CASE p.target_type
                 WHEN 'review' THEN EXISTS (SELECT 1 FROM reviews t WHERE t.id = p.target_id AND t.hidden_at IS NOT NULL)
                 ELSE EXISTS (SELECT 1 FROM review_comments t WHERE t.id = p.target_id AND t.hidden_at IS NOT NULL)
               END AS target_hidden`),
      );
  }
}
