import type { ReportCreateInput, ReportView } from '@muse/shared';
import { api } from '../../../lib/api-client';

/** Reports a review or comment to the moderators with a reason. */
export async function reportContent(input: ReportCreateInput): Promise<ReportView> {
  return api.post<ReportView>('/api/reports', input);
}
