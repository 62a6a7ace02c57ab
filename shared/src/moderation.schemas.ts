import { z } from 'zod';
import { pageOf, pageQuery } from './pagination.schemas';
import { UserSummarySchema } from './catalog.schemas';
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
export const ReportTargetTypeSchema = z.enum(['review', 'comment', 'party_message']);
export type ReportTargetType = z.infer<typeof ReportTargetTypeSchema>;

/** A report as the moderation queue shows it, and as its reporter gets it back on filing. */
export const ReportViewSchema = z.object({
  id: z.string(),
  targetType: ReportTargetTypeSchema,
  targetId: z.string(),
  /** The web page that shows the content: the review (for a comment, the review it is on) or the party; null once it is gone. */
  link: z.string().nullable(),
  excerpt: z.string(),
  /** Who wrote the reported content ("Deleted account" with an empty id and handle once the account is gone). */
  author: UserSummarySchema,
  reporter: UserSummarySchema,
  reason: z.string(),
  status: z.enum(['open', 'actioned', 'dismissed']),
  createdAt: z.string(),
  /** How it was resolved (hide, suspend_author, dismiss) and the admin's note; null while open. */
  resolution: z.object({ action: ReportResolveSchema.shape.action, note: z.string().nullable(), resolvedAt: z.string() }).nullable().optional(),
  /** Whether the reported content is hidden now (it may also have been deleted by its author). */
  targetHidden: z.boolean().optional(),
});
export type ReportView = z.infer<typeof ReportViewSchema>;

/** GET /api/admin/reports answer. */
export const ReportPageSchema = pageOf(ReportViewSchema);
export type ReportPage = z.infer<typeof ReportPageSchema>;

/** GET /api/admin/users/suspended: suspended accounts, most recently suspended first. */
export const SuspendedAccountListQuerySchema = pageQuery({ default: 50, max: 100 });
export type SuspendedAccountListQuery = z.infer<typeof SuspendedAccountListQuerySchema>;

/** A suspended account as the admin page lists it. */
export const SuspendedAccountViewSchema = z.object({
  user: UserSummarySchema,
  suspendedAt: z.string(),
  /** The administrator who suspended it, when known. */
  suspendedBy: UserSummarySchema.nullable(),
  /** The report whose resolution suspended it, when known (it goes when its reporter deletes their account). */
  report: z.object({ id: z.string(), targetType: ReportTargetTypeSchema, targetId: z.string(), excerpt: z.string(), reason: z.string() }).nullable(),
});
export type SuspendedAccountView = z.infer<typeof SuspendedAccountViewSchema>;

/** GET /api/admin/users/suspended answer. */
export const SuspendedAccountPageSchema = pageOf(SuspendedAccountViewSchema);
export type SuspendedAccountPage = z.infer<typeof SuspendedAccountPageSchema>;
