import { z } from 'zod';
import { pageQuery } from './pagination.schemas';
import type { UserSummary } from './catalog.schemas';
import { userText } from './text.schemas';

export const ReportCreateSchema = z.object({
  targetType: z.enum(['review', 'comment']),
  targetId: z.string().regex(/^[1-9][0-9]{0,17}$/, 'Unknown target'),
  reason: userText('Reason').trim().min(1, 'Say what is wrong').max(1000, 'At most 1,000 characters'),
});
export type ReportCreateInput = z.infer<typeof ReportCreateSchema>;

export const ReportResolveSchema = z.object({
  action: z.enum(['hide', 'dismiss', 'suspend_author']),
  note: userText('Note').trim().max(1000).optional(),
});
export type ReportResolveInput = z.infer<typeof ReportResolveSchema>;

/** GET /api/admin/reports: the queue, oldest first; `status` defaults to open. */
export const ReportListQuerySchema = pageQuery({ default: 50, max: 100 }).extend({
  status: z.enum(['open', 'actioned', 'dismissed']).default('open'),
});
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;

/** What a report is about: a review, a comment, or a party chat message (reported from the party, `POST /api/parties/:id/messages/:messageId/reports`). */
export type ReportTargetType = 'review' | 'comment' | 'party_message';

export interface ReportView {
  id: string;
  targetType: ReportTargetType;
  targetId: string;
  /** The web page that shows the content: the review (for a comment, the review it is on) or the party; null once it is gone. */
  link: string | null;
  excerpt: string;
  author: UserSummary;
  reporter: UserSummary;
  reason: string;
  status: 'open' | 'actioned' | 'dismissed';
  createdAt: string;
  /** How it was resolved (hide, suspend_author, dismiss) and the admin's note; absent while open. */
  resolution?: { action: ReportResolveInput['action']; note: string | null; resolvedAt: string } | null;
  /** Whether the reported content is hidden now (it may also have been deleted by its author). */
  targetHidden?: boolean;
}

/** GET /api/admin/reports answer. */
export interface ReportPage {
  items: ReportView[];
  nextCursor: string | null;
}

/** GET /api/admin/users/suspended: suspended accounts, most recently suspended first. */
export const SuspendedAccountListQuerySchema = pageQuery({ default: 50, max: 100 });
export type SuspendedAccountListQuery = z.infer<typeof SuspendedAccountListQuerySchema>;

/** A suspended account as the admin page lists it. */
export interface SuspendedAccountView {
  user: UserSummary;
  suspendedAt: string;
  /** The administrator who suspended it, when known. */
  suspendedBy: UserSummary | null;
  /** The report whose resolution suspended it, when known (it goes when its reporter deletes their account). */
  report: { id: string; targetType: ReportTargetType; targetId: string; excerpt: string; reason: string } | null;
}

/** GET /api/admin/users/suspended answer. */
export interface SuspendedAccountPage {
  items: SuspendedAccountView[];
  nextCursor: string | null;
}
