import type { z } from 'zod';
import { pageQuery } from './pagination.schemas';
import type { AlbumSummary, UserSummary } from './catalog.schemas';
import type { Visibility } from './social.schemas';
import type { ActivityType } from './enums';

export const FeedQuerySchema = pageQuery({ default: 20, max: 50 });
export type FeedQuery = z.infer<typeof FeedQuerySchema>;

/** One activity as the feed shows it. */
export interface ActivityView {
  id: string;
  type: ActivityType;
  actor: UserSummary & { avatarUrl: string | null };
  visibility: Visibility;
  createdAt: string;
  album: AlbumSummary | null;
  /**
   * The artists credited on `album`, in credit order, each once (empty without an album). The
   * credit line alone cannot say who is credited, and muting an artist needs their id.
   */
  albumArtists: { id: string; name: string }[];
  /** The track a rating or review is about (its album is `album`); null for albums and everything else. */
  track?: { id: string; title: string } | null;
  /** Stars for rated / listened / reviewed. */
  rating: number | null;
  /** The review a reviewed, liked_review or commented activity is about, with whose it is. */
  review: {
    id: string;
    excerpt: string;
    author: UserSummary;
    /** Album reviews: 1 for a first impression, N after N listens (as on review cards); null for a track review. */
    listenNumber: number | null;
  } | null;
  /** The user a followed activity followed. */
  targetUser: UserSummary | null;
  /** The playlist or list a created_playlist, added_to_playlist or liked_playlist activity is about. */
  playlist?: FeedPlaylistView | null;
  /** How many entries an added_to_playlist activity added. */
  count?: number | null;
}

/** A playlist as a feed item shows it. */
export interface FeedPlaylistView {
  id: string;
  title: string;
  kind: 'playlist' | 'list';
  entryCount: number;
  covers: string[];
  owner: UserSummary;
}

/** Several activities of one actor and type close in time, shown as one ("Ana rated 5 albums"). */
export interface FeedItem {
  id: string;
  type: ActivityType;
  actor: ActivityView['actor'];
  activities: ActivityView[];
  createdAt: string;
}

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
}
