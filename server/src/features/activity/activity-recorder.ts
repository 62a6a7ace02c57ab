import { AppError } from '../../lib/app-error';
import type { Activity, ActivityInput, ActivityPageOptions, ActivityRepository, DocumentStore } from '../../docstore/document-store.port';
import type { ActorFacts } from './activity-defaults.repo';
import { isFeedActivity } from '../../lib/feed-activity';

export interface ActivityRecorderDeps {
  /** The raw activity log of the document store. */
  log: ActivityRepository;
  /** The actor's default visibility and whether anyone follows them, or null when the account is gone. */
  actorFacts(actorId: string): Promise<ActorFacts | null>;
  /** Starts fan-out of a feed activity to the actor's followers (a job keyed by the activity id). */
  fanOut(activity: Activity): Promise<void>;
}

/**
 * The one way features record social actions: fills the actor's default visibility when the
 * caller chose none, appends to the activity log, then starts fan-out for feed activities of
 * actors that have followers (most ratings are by people nobody follows; they cost no job).
 * A follow that lands between that read and the append only misses the live push: the new
 * follower's timeline is topped up from the log at their next read, which sees the activity.
 * It is itself an `ActivityRepository`, so code that appends through `docs.activity` (ratings,
 * imports) is recorded and fanned out the same way without knowing about feeds.
 */
export class ActivityRecorder implements ActivityRepository {
  constructor(private readonly deps: ActivityRecorderDeps) {}

  /**
   * Records an activity; a fan-out failure is thrown after the append, which stays stored.
   * Refuses an actor whose account does not exist. The account is looked up after the append:
   * deleting an account sweeps the log only once the account row is gone, so an append that
   * landed after that sweep finds the account gone here and removes what the actor left. A
   * caller that chose the visibility needs no look before the append (one read a write, not two).
   */
  async append(input: ActivityInput): Promise<Activity> {
    let visibility = input.visibility;
    if (!visibility) {
      const actor = await this.deps.actorFacts(input.actorId);
      if (!actor) throw accountGone();
      visibility = actor.defaultVisibility;
    }
    const activity = await this.deps.log.append({ ...input, visibility });
    const still = await this.deps.actorFacts(input.actorId);
    if (!still) {
      await this.deps.log.deleteByActor(input.actorId);
      throw accountGone();
    }
    if (still.hasFollowers && isFeedActivity(activity)) await this.deps.fanOut(activity);
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
    playlists: docs.playlists,
    conversionReports: docs.conversionReports,
    ping: () => docs.ping(),
    close: () => docs.close(),
  };
}

function accountGone(): AppError {
  return AppError.unauthenticated('Your session has ended. Sign in again.');
}
