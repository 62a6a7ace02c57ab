import type { Visibility } from '@muse/shared';
import type { ActivityRepository } from '../../docstore/document-store.port';
import type { PlaylistDocument } from '../../docstore/playlist-store.port';
import type { JobQueues } from '../../jobs/queues';
import type { Logger } from '../../lib/logger';
import { playlistNotificationJob, type PlaylistNoticeEvent } from './playlist-notification.job';
import type { PlaylistStatsRepo } from './playlist-stats.repo';

/**
 * The audience an activity about a playlist is recorded with; null for playlists that never go
 * to feeds (private, link-only). The feed still checks the playlist itself when it shows the
 * activity, so a playlist made private later disappears from feeds too.
 */
export function activityVisibility(doc: PlaylistDocument): Visibility | null {
  if (doc.visibility === 'public') return 'public';
  if (doc.visibility === 'followers' || doc.visibility === 'people') return 'followers';
  return null;
}

/**
 * What follows a playlist write once it is stored: activity for feeds, notification jobs (which
 * read the playlist again when they run, so a withdrawn like or invitation says nothing), and the
 * Postgres counts of deleted playlists. None of them undoes the write when it fails.
 */
export class PlaylistEvents {
  constructor(
    private readonly deps: {
      activity: Pick<ActivityRepository, 'append'>;
      queues: JobQueues;
      stats: PlaylistStatsRepo;
      logger: Logger;
    },
  ) {}

  private async safely(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.deps.logger.warn({ err, what }, 'playlist follow-up failed; the write itself stands');
    }
  }

  private record(doc: PlaylistDocument, actorId: string, type: string, data: Record<string, unknown> = {}) {
    const visibility = activityVisibility(doc);
    if (!visibility) return Promise.resolve();
    return this.safely(type, () => this.deps.activity.append({ actorId, type, visibility, subject: { kind: 'playlist', id: doc.id }, data }));
  }

  private notify(event: PlaylistNoticeEvent, playlistId: string, actorId: string, recipientId: string) {
    return this.safely(`notify ${event}`, () => this.deps.queues.enqueue(playlistNotificationJob, { event, playlistId, actorId, recipientId }));
  }

  created(doc: PlaylistDocument): Promise<void> {
    return this.record(doc, doc.ownerId, 'created_playlist');
  }

  entriesAdded(doc: PlaylistDocument, userId: string, count: number): Promise<void> {
    return this.record(doc, userId, 'added_to_playlist', { count });
  }

  async liked(doc: PlaylistDocument, userId: string): Promise<void> {
    await this.record(doc, userId, 'liked_playlist');
    await this.notify('liked', doc.id, userId, doc.ownerId);
  }

  cloned(source: PlaylistDocument, cloneId: string, userId: string): Promise<void> {
    return this.notify('cloned', source.id, userId, source.ownerId);
  }

  invited(doc: PlaylistDocument, userId: string): Promise<void> {
    return this.notify('invited', doc.id, doc.ownerId, userId);
  }

  async shared(doc: PlaylistDocument, userIds: string[]): Promise<void> {
    for (const userId of userIds) await this.notify('shared', doc.id, doc.ownerId, userId);
  }

  deleted(ids: string[]): Promise<void> {
    return this.safely('forget counts', () => this.deps.stats.forget(ids));
  }
}
