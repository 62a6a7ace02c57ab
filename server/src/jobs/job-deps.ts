import type { Services } from '../composition-root';

/**
 * Everything a job handler may be given: the worker builds exactly one such object. Jobs name
 * the part they use (`Pick<JobDeps, 'notifications'>`), so a job that asks for something missing
 * here, or a worker that leaves out something listed here, fails to compile.
 */
export interface JobDeps extends Pick<
  Services,
  | 'notifications'
  | 'reviewNotices'
  | 'followNotices'
  | 'charts'
  | 'imports'
  | 'feedFanOut'
  | 'auth'
  | 'playlistNotices'
  | 'artwork'
  | 'previews'
  | 'serviceImports'
  | 'conversions'
  | 'recommendations'
  | 'parties'
  | 'partyNotices'
> {
  /** Attempts a job gets; the last failing one may mark its subject failed. */
  jobAttempts: number;
  userExists(userId: string): Promise<boolean>;
}
