import type { FeedPlaylistView } from '@muse/shared';
import type { PlaylistDocument, PlaylistRepository } from '../../docstore/playlist-store.port';
import { canSeePlaylist } from './playlist-access';
import type { PlaylistPeopleRepo } from './playlist-people.repo';
import { coversOf } from './playlist-views';

/** A playlist as activity about it needs it: what the feed shows, and what the access rule needs. */
export interface FeedPlaylist {
  doc: PlaylistDocument;
  view: FeedPlaylistView;
  ownerSuspended: boolean;
}

/** How a viewer stands to a playlist's owner, as the feed already knows it. */
export interface FeedPlaylistFacts {
  viewerId: string | null;
  followsOwner: boolean;
  blockedWithOwner: boolean;
}

/**
 * What other features (the feed, profiles, search) read about playlists: current summaries
 * of the playlists activities are about, and the one access rule to hold them to, so a
 * playlist made private, deleted or shared with fewer people leaves every feed at once.
 */
export class PlaylistsReadModel {
  constructor(
    private readonly store: PlaylistRepository,
    private readonly people: PlaylistPeopleRepo,
  ) {}

  /** The playlists with these ids that exist, by id, with their first covers and owners. */
  async forFeed(ids: string[]): Promise<Map<string, FeedPlaylist>> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return new Map();
    const docs = await this.store.list({ ids: wanted }, { sort: 'updated', limit: Math.min(200, wanted.length), entries: 8 });
    const { people } = await this.people.people(
      docs.map((d) => d.ownerId),
      null,
    );
    const out = new Map<string, FeedPlaylist>();
    for (const doc of docs) {
      const owner = people.get(doc.ownerId);
      if (!owner) continue;
      out.set(doc.id, {
        doc,
        ownerSuspended: owner.suspended,
        view: {
          id: doc.id,
          title: doc.title,
          kind: doc.kind,
          entryCount: doc.entryCount,
          covers: coversOf(doc.entries),
          owner: { id: owner.id, handle: owner.handle, displayName: owner.displayName },
        },
      });
    }
    return out;
  }
}

/** Whether this viewer may see the playlist an activity is about (link-only ones never show in feeds). */
export function feedMaySee(p: FeedPlaylist, facts: FeedPlaylistFacts): boolean {
  if (p.doc.visibility === 'link' && facts.viewerId !== p.doc.ownerId) return false;
  return canSeePlaylist(
    p.doc,
    { ...p.view.owner, suspended: p.ownerSuspended, viewerFollows: facts.followsOwner, followsViewer: false, blocked: facts.blockedWithOwner },
    { viewerId: facts.viewerId, isAdmin: false },
  );
}
