import type { ReportTargetType } from '@muse/shared';

/** How the moderation pages name each kind of reported content. */
export const REPORT_TARGET_NOUN: Record<ReportTargetType, string> = { review: 'review', comment: 'comment', party_message: 'party chat message' };

/** "Review", "Comment", "Party chat message". */
export const reportTargetTitle = (type: ReportTargetType) => REPORT_TARGET_NOUN[type].charAt(0).toUpperCase() + REPORT_TARGET_NOUN[type].slice(1);
