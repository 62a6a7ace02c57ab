import { z } from 'zod';
import type { UserSummary } from './catalog.schemas';

export const ReportCreateSchema = z.object({
  targetType: z.enum(['review', 'comment']),
  targetId: z.string().regex(/^[1-9][0-9]{0,17}$/, 'Unknown target'),
  reason: z.string().trim().min(1, 'Say what is wrong').max(1000, 'At most 1,000 characters'),
});
export type ReportCreateInput = z.infer<typeof ReportCreateSchema>;

export const ReportResolveSchema = z.object({
  action: z.enum(['hide', 'dismiss', 'suspend_author']),
  note: z.string().trim().max(1000).optional(),
});
export type ReportResolveInput = z.infer<typeof ReportResolveSchema>;

export interface ReportView {
  id: string;
  targetType: 'review' | 'comment';
  targetId: string;
  excerpt: string;
  author: UserSummary;
  reporter: UserSummary;
  reason: string;
  status: 'open' | 'actioned' | 'dismissed';
  createdAt: string;
}
