import type { PlaylistRepository } from '../../docstore/playlist-store.port';
import type { NewNotification } from '../notifications/notification-batching';
import { canSeePlaylist } from './playlist-access';
import type { PlaylistNoticeEvent } from './playlist-notification.job';
import type { PlaylistPeopleRepo } from './playlist-people.repo';
import type { PlaylistStatsRepo } from './playlist-stats.repo';

const kindWord = (kind: 'playlist' | 'list') => (kind === 'list' ? 'list' : 'playlist');

/**
 * The notifications about playlists, decided when the job runs from the playlist as it is then:
 * nothing for a withdrawn like or invitation, a deleted playlist, an account gone, or a
 * recipient who may no longer see the playlist. Likes and clones of one playlist batch
 * ("Ana and 3 others liked your playlist").
 */
export class PlaylistNotices {
  constructor(
    private readonly store: PlaylistRepository,
    private readonly people: PlaylistPeopleRepo,
    private readonly stats: PlaylistStatsRepo,
  ) {}

  async build(event: PlaylistNoticeEvent, playlistId: string, actorId: string, recipientId: string): Promise<NewNotification | null> {
    if (actorId === recipientId) return null;
    const doc = await this.store.get(playlistId);
    if (!doc) return null;
    const { people, viewer } = await this.people.people([doc.ownerId, actorId], recipientId);
    const actor = people.get(actorId);
    if (!actor || actor.suspended || actor.blocked || !viewer.viewerId) return null;
    if (!canSeePlaylist(doc, people.get(doc.ownerId), viewer)) return null;
    const link = `/playlists/${doc.id}`;
    const who = { id: actor.id, handle: actor.handle, displayName: actor.displayName };
    const what = kindWord(doc.kind);
    switch (event) {
      case 'liked': {
        if (recipientId !== doc.ownerId || !(await this.stats.hasLiked(doc.id, actorId))) return null;
        const title = (name: string) => `${name} liked your ${what} ${doc.title}`;
        return {
          userId: recipientId,
          type: 'playlist_liked',
          title: title(actor.displayName),
          body: `${doc.entryCount} ${doc.kind === 'list' ? 'albums' : 'tracks'}`,
          link,
          data: { playlistId: doc.id, actorId },
          dedupeKey: `playlist_liked:${doc.id}:${actorId}`,
          batch: { subject: `playlist-like:${doc.id}`, actor: who, title },
        };
      }
      case 'cloned': {
        if (recipientId !== doc.ownerId) return null;
        const title = (name: string) => `${name} cloned your ${what} ${doc.title}`;
        return {
          userId: recipientId,
          type: 'playlist_cloned',
          title: title(actor.displayName),
          body: `@${actor.handle} made a copy of it.`,
          link,
          data: { playlistId: doc.id, actorId },
          dedupeKey: `playlist_cloned:${doc.id}:${actorId}`,
          batch: { subject: `playlist-clone:${doc.id}`, actor: who, title },
        };
      }
      case 'invited': {
        if (!doc.collaborators.some((c) => c.userId === recipientId && c.status === 'invited')) return null;
        return {
          userId: recipientId,
          type: 'playlist_invited',
          title: `${actor.displayName} invited you to collaborate on ${doc.title}`,
          body: `Accept to add, move and annotate its ${doc.kind === 'list' ? 'albums' : 'tracks'}.`,
          link,
          data: { playlistId: doc.id, actorId },
          actorId,
          dedupeKey: `playlist_invited:${doc.id}:${recipientId}`,
        };
      }
      case 'shared': {
        if (doc.visibility !== 'people' || !doc.sharedWith.includes(recipientId)) return null;
        return {
          userId: recipientId,
          type: 'playlist_shared',
          title: `${actor.displayName} shared the ${what} ${doc.title} with you`,
          body: `Find it under Playlists → Shared with me.`,
          link,
          data: { playlistId: doc.id, actorId },
          actorId,
          dedupeKey: `playlist_shared:${doc.id}:${recipientId}`,
        };
      }
    }
  }
}
