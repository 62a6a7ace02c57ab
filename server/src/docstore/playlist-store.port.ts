import type { CollaboratorStatus, EntrySnapshot, PlaylistKind, PlaylistVisibility, ServiceIds } from '@muse/shared';

/** One entry as both adapters store it. */
export interface StoredEntry {
  /** 12 base64url characters, unique within the playlist. */
  id: string;
  trackId: string | null;
  albumId: string | null;
  snapshot: EntrySnapshot;
  serviceIds: ServiceIds;
  note: string | null;
  addedBy: string;
  addedAt: Date;
}

export interface StoredCollaborator {
  userId: string;
  status: CollaboratorStatus;
  invitedAt: Date;
}

/** One playlist or album list: the document store's second document type. */
export interface PlaylistDocument {
  /** A time-ordered UUID (v7). */
  id: string;
  ownerId: string;
  kind: PlaylistKind;
  title: string;
  description: string;
  ranked: boolean;
  visibility: PlaylistVisibility;
  /** For `people`: the user ids it is shared with (kept when visibility changes, used only under `people`). */
  sharedWith: string[];
  /** For `link`: the current token; null until one is made. */
  linkToken: string | null;
  collaborators: StoredCollaborator[];
  clonedFrom: { id: string; ownerId: string; title: string } | null;
  /** 1 on creation; every write adds 1. */
  version: number;
  entryCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** In order. Documents read for lists hold only the first few (see `PlaylistListOptions.entries`). */
  entries: StoredEntry[];
}

/** What `create` needs; the store gives the id, version 1, times and entry count. */
export interface NewPlaylist {
  ownerId: string;
  kind: PlaylistKind;
  title: string;
  description?: string;
  ranked?: boolean;
  visibility: PlaylistVisibility;
  sharedWith?: string[];
  linkToken?: string | null;
  clonedFrom?: PlaylistDocument['clonedFrom'];
  /** Entries the playlist starts with (a clone, an import); at most `maxEntries`. */
  entries?: StoredEntry[];
  /**
   * Makes creation idempotent: a second create with the same owner and key returns the first
   * document (`created: false`) instead of making another (file imports confirmed twice).
   */
  idempotencyKey?: string;
  createdAt?: Date;
}

/** Fields only the owner changes. */
export interface PlaylistPatch {
  title?: string;
  description?: string;
  ranked?: boolean;
  visibility?: PlaylistVisibility;
  sharedWith?: string[];
  linkToken?: string | null;
}

/** An entry's editable fields. */
export interface EntryPatch {
  note?: string | null;
}

/**
 * The answer of a write that may be refused. `not_found`: no such playlist (or no such entry for
 * entry operations: `entry_not_found`). `conflict`: `expectedVersion` was given and is not the
 * current version; `doc` is the current document. `full`: the write would pass the entry limit.
 * `too_many_collaborators`: the limit of collaborators would be passed.
 */
export type PlaylistWrite =
  | { status: 'ok'; doc: PlaylistDocument }
  | { status: 'conflict'; doc: PlaylistDocument }
  | { status: 'full'; doc: PlaylistDocument }
  | { status: 'too_many_collaborators'; doc: PlaylistDocument }
  | { status: 'entry_not_found'; doc: PlaylistDocument }
  | { status: 'not_found' };

/**
 * Which playlists a list returns; every given condition must hold (AND). Arrays mean "any of".
 * An empty array matches nothing.
 */
export interface PlaylistFilter {
  ids?: string[];
  ownerIds?: string[];
  kind?: PlaylistKind;
  visibilities?: PlaylistVisibility[];
  /** Has this user as an accepted collaborator. */
  collaborator?: string;
  /** Has this user as an invited (not yet accepted) collaborator. */
  invited?: string;
  /** Visibility `people` and shared with this user. */
  sharedWith?: string;
  /**
   * Case-, accent- and punctuation-insensitive: every word of the query occurs in the title
   * (as a substring, so a half-typed last word matches). A query with no words matches nothing.
   */
  titleQuery?: string;
}

export interface PlaylistListOptions {
  /** `updated`: most recently changed first. `created`: newest first. Ties broken by id, descending. */
  sort: 'updated' | 'created';
  /** The last document of the previous page: its sort time and id. */
  after?: { at: Date; id: string };
  /** 1-200 (outside values are brought within). */
  limit: number;
  /** How many leading entries each document carries (for cover mosaics); 0 by default. */
  entries?: number;
}

/** Playlists and lists; every write is one atomic operation on one document. */
export interface PlaylistRepository {
  /** The most entries a document may hold (10,000 unless a test sets less). */
  readonly maxEntries: number;

  create(input: NewPlaylist): Promise<{ doc: PlaylistDocument; created: boolean }>;
  /**
   * With every entry, or with only the first `options.entries` of them: a permission check or a
   * title needs none, and reading 10,000 entries costs a large playlist tens of milliseconds.
   * Null when absent or the id is malformed.
   */
  get(id: string, options?: { entries?: number }): Promise<PlaylistDocument | null>;
  list(filter: PlaylistFilter, options: PlaylistListOptions): Promise<PlaylistDocument[]>;

  /** Owner edits; checks `expectedVersion` when given. */
  update(id: string, patch: PlaylistPatch, expectedVersion?: number): Promise<PlaylistWrite>;
  /**
   * Inserts entries at `position` (0-based; clamped; the end when absent), all or none, without a
   * version check: concurrent adders both keep theirs. `full` when the result would pass `maxEntries`.
   * The written document comes back with only the entries it added in `entries` (`entryCount` is
   * the new total): adding a track to a long playlist never reads the whole playlist back.
   */
  addEntries(id: string, entries: StoredEntry[], position?: number): Promise<PlaylistWrite>;
  /**
   * Replaces every entry at once (a playlist imported again from a music service), and the title
   * and description when given, in one atomic write without a version check: readers see the old
   * entries or the new ones, never a mix. Throws a RangeError past `maxEntries`, as `create` does.
   */
  replaceEntries(id: string, entries: StoredEntry[], patch?: Pick<PlaylistPatch, 'title' | 'description'>): Promise<PlaylistWrite>;
  /** Removes one entry; `entry_not_found` when it is not there (already removed). */
  removeEntry(id: string, entryId: string, expectedVersion?: number): Promise<PlaylistWrite>;
  /** Moves one entry to a 0-based position among the others (clamped to the end). */
  moveEntry(id: string, entryId: string, position: number, expectedVersion?: number): Promise<PlaylistWrite>;
  updateEntry(id: string, entryId: string, patch: EntryPatch, expectedVersion?: number): Promise<PlaylistWrite>;

  /**
   * Adds a collaborator with status `invited`; one already there (invited or accepted) is kept as
   * is, `ok` without a write. `too_many_collaborators` when invited and accepted together would pass `max`.
   */
  inviteCollaborator(id: string, userId: string, max: number): Promise<PlaylistWrite>;
  /** Marks an invitation accepted (`ok` without a write when it already is); `entry_not_found` when the user was not invited. */
  acceptCollaborator(id: string, userId: string): Promise<PlaylistWrite>;
  /** Removes a collaborator or invitation; `entry_not_found` when absent. */
  removeCollaborator(id: string, userId: string): Promise<PlaylistWrite>;

  delete(id: string): Promise<boolean>;

  /** Account deletion, first half: the user's own playlists go. Returns the ids of the deleted playlists. */
  deleteByOwner(ownerId: string): Promise<string[]>;
  /**
   * Account deletion, second half: the user leaves everyone else's collaborators, invitations and
   * shares. The version of each document touched moves on; its `updatedAt` does not, since no one edited it.
   */
  forgetUser(userId: string): Promise<void>;
}
