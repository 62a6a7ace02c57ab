import type { ReportResolveInput } from '@muse/shared';
import type { ReportTargetType } from './moderation.repo';

const NOUN: Record<ReportTargetType, string> = { review: 'review', comment: 'comment', party_message: 'chat message' };

/** What a reporter is told about the outcome of their report. */
export function outcomeNotice(type: ReportTargetType, action: ReportResolveInput['action']) {
  const noun = NOUN[type];
  const base = { type: 'report_resolved' as const, link: null };
  switch (action) {
    case 'hide':
      return { ...base, title: `We hid the ${noun} you reported`, body: `Thanks for your report. The ${noun} broke our rules and is no longer shown.` };
    case 'suspend_author':
      return {
        ...base,
        title: `We hid the ${noun} you reported and suspended its author`,
        body: `Thanks for your report. The ${noun} is no longer shown and its author can no longer sign in.`,
      };
    case 'dismiss':
      return {
        ...base,
        title: `We reviewed the ${noun} you reported`,
        body: `Thanks for your report. We found that it does not break our rules, so it stays up.`,
      };
  }
}
