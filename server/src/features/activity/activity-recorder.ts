import type { Visibility } from '@muse/shared';
import type { Activity, ActivityInput, ActivityPageOptions, ActivityRepository, DocumentStore } from '../../docstore/document-store.port';
import { isFeedActivity } from './feed-activity';

export interface ActivityRecorderDeps {
  /** The raw activity log of the document store. */
  log: ActivityRepository;
  /** The actor's `users.default_visibility`, or null when the account is gone. */
  defaultVisibility(actorId: string): Promise<Visibility | null>;
  /** Starts fan-out of a feed activity to the actor's followers (a job keyed by the activity id). */
  fanOut(activity: Activity): Promise<void>;
}

/**
 * The one way features record social actions: fills the actor's default visibility when the
 * caller chose none, appends to the activity log, then starts fan-out for feed activities.
 * It is itself an `ActivityRepository`, so code that appends through `docs.activity` (ratings,
 * imports) is recorded and fanned out the same way without knowing about feeds.
 */
export class ActivityRecorder implements ActivityRepository {
  constructor(private readonly deps: ActivityRecorderDeps) {}

  /** Records an activity; a fan-out failure is thrown after the append, which stays stored. */
  async append(input: ActivityInput): Promise<Activity> {
    const visibility = input.visibility ?? (await this.deps.defaultVisibility(input.actorId)) ?? 'private';
    const activity = await this.deps.log.append({ ...input, visibility });
    if (isFeedActivity(activity)) await this.deps.fanOut(activity);
    return activity;
  }

  /** Same as `append`; reads better at call sites that record a user's action. */
  record(input: ActivityInput): Promise<Activity> {
    return this.append(input);
  }

  listByActor(actorId: string, options: ActivityPageOptions): Promise<Activity[]> {
    return this.deps.log.listByActor(actorId, options);
  }

  listByActors(actorIds: string[], options: ActivityPageOptions): Promise<Activity[]> {
    return this.deps.log.listByActors(actorIds, options);
  }

  getByIds(ids: string[]): Promise<Activity[]> {
    return this.deps.log.getByIds(ids);
  }

  deleteByActor(actorId: string): Promise<number> {
    return this.deps.log.deleteByActor(actorId);
  }
}

/** The same document store whose activity log records through the recorder. */
export function recordingDocumentStore(docs: DocumentStore, recorder: ActivityRecorder): DocumentStore {
  return {
    kind: docs.kind,
    activity: recorder,
    ping: () => docs.ping(),
    close: () => docs.close(),
  };
}
