import type { PlaylistView } from '@muse/shared';
import { PLAYLIST_LIMITS } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import { BLOCKED_MESSAGE } from '../../lib/blocked-message';
import type { Transactions } from '../../db/transaction';
import type { PlaylistRepository } from '../../docstore/playlist-store.port';
import { roleOf } from './playlist-access';
import type { PlaylistEvents } from './playlist-events';
import type { PlaylistPeopleRepo } from './playlist-people.repo';
import type { PlaylistStatsRepo } from './playlist-stats.repo';
import { NO_ENTRIES, type PlaylistsService } from './playlists.service';

export interface PlaylistSocialDeps {
  playlists: PlaylistsService;
  store: PlaylistRepository;
  stats: PlaylistStatsRepo;
  people: PlaylistPeopleRepo;
  events: PlaylistEvents;
  transactions: Transactions;
}

/** Likes, clones and collaborators: what people do with playlists that are not theirs. */
export class PlaylistSocialService {
  constructor(private readonly deps: PlaylistSocialDeps) {}

  /** Likes a playlist the user can see (a repeat changes nothing); not one's own. */
  async like(userId: string, id: string, token?: string): Promise<{ liked: boolean; likeCount: number }> {
    const { doc } = await this.deps.playlists.readVisible(id, userId, token, NO_ENTRIES);
    if (doc.ownerId === userId) throw AppError.forbidden('own_playlist', 'You cannot like your own playlist.');
    const { added, likeCount } = await this.deps.transactions.run(async (tx) => {
      const added = await this.deps.stats.like(tx, doc.id, doc.ownerId, userId);
      return { added, likeCount: await this.deps.stats.likeCount(tx, doc.id) };
    });
    if (added) await this.deps.events.liked(doc, userId);
    return { liked: true, likeCount };
  }

  /** Withdraws a like; harmless when there was none. */
  async unlike(userId: string, id: string, token?: string): Promise<{ liked: boolean; likeCount: number }> {
    const { doc } = await this.deps.playlists.readVisible(id, userId, token, NO_ENTRIES);
    const likeCount = await this.deps.transactions.run(async (tx) => {
      await this.deps.stats.unlike(tx, doc.id, userId);
      return this.deps.stats.likeCount(tx, doc.id);
    });
    return { liked: false, likeCount };
  }

  /**
   * A private copy of a playlist the user can see, crediting the original; the original's owner
   * is told (not when they clone their own).
   */
  async clone(userId: string, id: string, input: { title?: string; token?: string }): Promise<PlaylistView> {
    const { doc } = await this.deps.playlists.readVisible(id, userId, input.token);
    const title = input.title ?? truncate(`${doc.title} (copy)`, PLAYLIST_LIMITS.title.max);
    const { view } = await this.deps.playlists.createWithEntries(
      userId,
      { title, kind: doc.kind, visibility: 'private', description: doc.description, ranked: doc.ranked },
      doc.entries,
      undefined,
      [],
      { id: doc.id, ownerId: doc.ownerId, title: doc.title },
    );
    if (doc.ownerId !== userId) {
      await this.deps.transactions.run((tx) => this.deps.stats.recordClone(tx, doc.id, doc.ownerId, view.id, userId));
      await this.deps.events.cloned(doc, view.id, userId);
    }
    return view;
  }

  /** The owner invites someone they follow; they become a collaborator once they accept. */
  async invite(ownerId: string, id: string, userId: string): Promise<PlaylistView> {
    const doc = await this.deps.playlists.ownedBy(ownerId, id);
    if (userId === ownerId) throw AppError.badRequest('own_playlist', 'You own this playlist already.');
    const { people } = await this.deps.people.people([userId], ownerId);
    const person = people.get(userId);
    if (!person || person.suspended) throw AppError.notFound('User');
    if (person.blocked) throw AppError.forbidden('blocked', BLOCKED_MESSAGE);
    if (!person.viewerFollows) throw AppError.badRequest('not_following', 'You can invite only people you follow.');
    const already = doc.collaborators.some((c) => c.userId === userId);
    const written = await this.deps.playlists.settle(await this.deps.store.inviteCollaborator(id, userId, PLAYLIST_LIMITS.collaborators), ownerId);
    if (!already) await this.deps.events.invited(written, userId);
    return this.deps.playlists.viewFor(written, { viewerId: ownerId, isAdmin: false });
  }

  /** The invited user accepts. */
  async accept(userId: string, id: string): Promise<PlaylistView> {
    const { doc } = await this.deps.playlists.readVisible(id, userId);
    const role = roleOf(doc, userId);
    if (role === 'collaborator') return this.deps.playlists.viewFor(doc, { viewerId: userId, isAdmin: false });
    if (role !== 'invited') throw AppError.notFound('Invitation');
    const written = await this.deps.playlists.settle(await this.deps.store.acceptCollaborator(id, userId), userId);
    return this.deps.playlists.viewFor(written, { viewerId: userId, isAdmin: false });
  }

  /** The owner removes a collaborator or invitation, or the user leaves or declines. */
  async remove(actorId: string, id: string, userId: string): Promise<void> {
    const { doc } = await this.deps.playlists.readVisible(id, actorId);
    const owner = doc.ownerId === actorId;
    if (!owner && actorId !== userId) throw AppError.forbidden('not_owner', 'Only the owner can remove other collaborators.');
    const result = await this.deps.store.removeCollaborator(id, userId);
    if (result.status === 'entry_not_found') throw AppError.notFound('Collaborator');
    await this.deps.playlists.settle(result, actorId);
  }
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('') : text;
}
