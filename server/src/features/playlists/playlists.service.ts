import type {
  EntriesAddInput,
  EntryInput,
  EntryMoveInput,
  EntryUpdateInput,
  PlaylistCreateInput,
  PlaylistEntriesPage,
  PlaylistEntriesWrite,
  PlaylistKind,
  PlaylistUpdateInput,
  PlaylistView,
  PlaylistVisibility,
} from '@muse/shared';
import { PLAYLIST_LIMITS } from '@muse/shared';
import { settled, unsettle } from '../../lib/settle-later';
import { AppError } from '../../lib/app-error';
import { randomToken } from '../../lib/ids';
import type { ActivityRepository } from '../../docstore/document-store.port';
import type { Logger } from '../../lib/logger';
import type { PlaylistDocument, PlaylistPatch, PlaylistRepository, PlaylistWrite, StoredEntry } from '../../docstore/playlist-store.port';
import { canSeePlaylist, roleOf, type PlaylistViewer } from './playlist-access';
import type { EntryEnrichment, EntrySources, PlaylistCatalogRepo } from './playlist-catalog.repo';
import type { PlaylistPeopleRepo, PlaylistPerson } from './playlist-people.repo';
import type { PlaylistEvents } from './playlist-events';
import { PlaylistPageCache, type CachedPage } from './playlist-page-cache';
import { peopleOf, type PlaylistViews } from './playlist-views';

/** A new playlist's fields other than entries, as create and file imports give them. */
export interface PlaylistMeta {
  title: string;
  kind: PlaylistKind;
  visibility: PlaylistVisibility;
  description?: string;
  ranked?: boolean;
}

export interface PlaylistsServiceDeps {
  store: PlaylistRepository;
  people: PlaylistPeopleRepo;
  catalog: PlaylistCatalogRepo;
  views: PlaylistViews;
  events: PlaylistEvents;
  /** Who follows whom, to check the people a playlist is shared with and collaborators. */
  followers(ownerId: string, ids: string[]): Promise<Set<string>>;
  activity: Pick<ActivityRepository, 'append'>;
  /** Recently shown pages; each service keeps its own unless given one (tests give one with a clock). */
  pages?: PlaylistPageCache;
  logger: Pick<Logger, 'warn'>;
}

/** 128 bits, base64url: the unguessable part of a link-only playlist's URL. */
const newLinkToken = () => randomToken(16);
const newEntryId = () => randomToken(9);

const NOT_FOUND = () => AppError.notFound('Playlist');
/** Permission checks need the document's people and settings, never its entries. */
export const NO_ENTRIES = { entries: 0 } as const;

/**
 * Playlists (ordered tracks) and album lists: documents in the document store, read and
 * written under one access rule (`canSeePlaylist`). Entry writes are single atomic document
 * operations: appends need no version, so concurrent adders both keep theirs; moves and edits
 * carry the version they were based on and a stale one gets 409 with the current playlist.
 */
export class PlaylistsService {
  private readonly pages: PlaylistPageCache;
  /** Playlists whose kept page is being read again in the background. */
  private readonly refreshing = new Set<string>();

  constructor(private readonly deps: PlaylistsServiceDeps) {
    this.pages = deps.pages ?? new PlaylistPageCache();
  }

  async create(ownerId: string, input: PlaylistCreateInput): Promise<PlaylistView> {
    const { view } = await this.createWithEntries(ownerId, input, [], undefined, input.sharedWith);
    return view;
  }

  /**
   * Creates a playlist with its first entries (file imports, clones). With an idempotency key,
   * a second call answers the first playlist (`created: false`) instead of making another.
   */
  async createWithEntries(
    ownerId: string,
    meta: PlaylistMeta,
    entries: StoredEntry[],
    idempotencyKey?: string,
    sharedWith: string[] = [],
    clonedFrom: PlaylistDocument['clonedFrom'] = null,
  ): Promise<{ view: PlaylistView; created: boolean }> {
    if (entries.length > this.deps.store.maxEntries) throw playlistFull(this.deps.store.maxEntries);
    const shared = await this.checkSharedWith(ownerId, sharedWith);
    const { doc, created } = await this.deps.store.create({
      ownerId,
      kind: meta.kind,
      title: meta.title,
      description: meta.description ?? '',
      ranked: meta.kind === 'list' ? (meta.ranked ?? false) : false,
      visibility: meta.visibility,
      sharedWith: shared,
      linkToken: meta.visibility === 'link' ? newLinkToken() : null,
      clonedFrom,
      entries,
      idempotencyKey,
    });
    const { people, viewer } = await this.deps.people.people(peopleOf(doc), ownerId);
    if (!people.has(ownerId)) {
      // The account was deleted while this was being written: its purge may have run already.
      await this.deps.store.delete(doc.id);
      throw AppError.unauthenticated('Your session has ended. Sign in again.');
    }
    if (created) await this.deps.events.created(doc);
    return { view: await this.deps.views.view(doc, people, viewer), created };
  }

  /**
   * Stores a playlist imported from a music service, without building its page: the first time
   * (or when `existingId` is gone or no longer the owner's) a new playlist under `sourceKey`, so two
   * runs at once make one; after that, that playlist with every entry replaced in one write and the
   * source's title and description, keeping its id, likes, visibility and collaborators.
   */
  async saveImported(
    ownerId: string,
    meta: PlaylistMeta,
    entries: StoredEntry[],
    source: { sourceKey: string; existingId: string | null },
  ): Promise<{ id: string; created: boolean }> {
    const { store } = this.deps;
    if (entries.length > store.maxEntries) throw playlistFull(store.maxEntries);
    const patch = { title: meta.title, description: meta.description ?? '' };
    if (source.existingId) {
      const existing = await store.get(source.existingId, NO_ENTRIES);
      if (existing?.ownerId === ownerId) {
        const written = await store.replaceEntries(existing.id, entries, patch);
        if (written.status === 'ok') return { id: existing.id, created: false };
      }
    }
    const { doc, created } = await store.create({
      ownerId,
      kind: meta.kind,
      title: meta.title,
      description: patch.description,
      visibility: meta.visibility,
      linkToken: meta.visibility === 'link' ? newLinkToken() : null,
      entries,
      idempotencyKey: source.sourceKey,
    });
    if (!created) {
      // Another run made it first: this run's entries are the newer ones.
      await this.settle(await store.replaceEntries(doc.id, entries, patch), ownerId);
      return { id: doc.id, created: false };
    }
    const { people } = await this.deps.people.people([ownerId], ownerId);
    if (!people.has(ownerId)) {
      // The account was deleted while this was being written: its purge may have run already.
      await store.delete(doc.id);
      throw AppError.unauthenticated('The account that started this import no longer exists.');
    }
    await this.deps.events.created(doc);
    return { id: doc.id, created: true };
  }

  /**
   * The playlist as its page shows it; 404 when the viewer may not see it. The access rule is
   * applied to the document as it is now, read without its entries; the entries, their albums
   * and stars come from a page kept at that very version when there is one (a 500-entry page
   * costs tens of milliseconds to read and enrich), else they are read and the page kept.
   */
  async get(id: string, viewerId: string | null, token?: string): Promise<PlaylistView> {
    const { doc, people, viewer, shared } = await this.keptPage(id, viewerId, token, 0, PLAYLIST_LIMITS.entriesPage);
    return this.deps.views.view(doc, people, viewer, shared);
  }

  /** Entries from `offset` (at most `limit`), at the playlist's current version; 404 when the viewer may not see it. */
  async entriesPage(id: string, viewerId: string | null, token: string | undefined, offset: number, limit: number): Promise<PlaylistEntriesPage> {
    const { doc, people, shared } = await this.keptPage(id, viewerId, token, offset, limit);
    const page = shared.slice(offset, offset + limit);
    const end = offset + page.length;
    return {
      version: doc.version,
      entryCount: doc.entryCount,
      offset,
      entries: await this.deps.views.forViewer(doc.kind, page, people, viewerId),
      next: end < doc.entryCount && page.length > 0 ? end : null,
    };
  }

  /**
   * The document with every entry as all viewers see it, from the page kept at its current version
   * when there is one, and the people the entries from `offset` (`limit` of them) name.
   */
  private async keptPage(id: string, viewerId: string | null, token: string | undefined, offset: number, limit: number) {
    const head = await this.readVisible(id, viewerId, token, NO_ENTRIES);
    const found = this.pages.get(head.doc.id, head.doc.version);
    let kept = found?.page;
    if (!kept) {
      const { doc } = await this.readVisible(id, viewerId, token);
      kept = { doc, shared: await this.deps.views.sharedEntries(doc, doc.entries) };
      this.pages.set(kept);
    } else if (found?.stale) {
      this.refreshPage(kept);
    }
    // The head names the owner, collaborators and shares; who added the entries shown comes on top.
    const adders = [...new Set(kept.doc.entries.slice(offset, offset + limit).map((e) => e.addedBy))].filter((p) => !head.people.has(p));
    const people = adders.length ? new Map([...head.people, ...(await this.deps.people.people(adders, viewerId)).people]) : head.people;
    return { doc: kept.doc, shared: kept.shared, people, viewer: head.viewer };
  }

  /**
   * Reads a kept page's catalog part (albums, community stars) again in the background, once per
   * playlist at a time: the request that found it stale answers with it meanwhile. The document
   * itself needs no reading: the page is kept for its version, and a write moves the version on.
   */
  private refreshPage(page: CachedPage): void {
    const { doc } = page;
    if (this.refreshing.has(doc.id)) return;
    this.refreshing.add(doc.id);
    this.deps.views
      .sharedEntries(doc, doc.entries)
      .then((shared) => this.pages.set({ doc, shared }))
      .catch((err: unknown) =>
        this.deps.logger.warn({ err, playlistId: doc.id }, 'playlist page refresh failed; the kept page is answered until it is too old'),
      )
      .finally(() => this.refreshing.delete(doc.id));
  }

  /** The stored document, for exports; 404 when the viewer may not see it. */
  async getForViewer(id: string, viewerId: string | null, token?: string): Promise<PlaylistDocument> {
    return (await this.readVisible(id, viewerId, token)).doc;
  }

  /** Owner edits of title, description, ranking, visibility and the people it is shared with. */
  async update(userId: string, id: string, input: PlaylistUpdateInput): Promise<PlaylistView> {
    const doc = await this.ownedBy(userId, id);
    const { version, sharedWith, ...fields } = input;
    const patch: PlaylistPatch = { ...fields };
    if (fields.ranked !== undefined && doc.kind !== 'list') throw AppError.badRequest('not_a_list', 'Only album lists can be ranked.');
    if (sharedWith !== undefined) patch.sharedWith = await this.checkSharedWith(userId, sharedWith);
    if (fields.visibility === 'link' && !doc.linkToken) patch.linkToken = newLinkToken();
    const written = await this.settle(await this.deps.store.update(id, patch, version), userId);
    const newlyShared = (patch.sharedWith ?? []).filter((u) => !doc.sharedWith.includes(u) || doc.visibility !== 'people');
    if (written.visibility === 'people') await this.deps.events.shared(written, newlyShared);
    return this.viewFor(written, { viewerId: userId, isAdmin: false });
  }

  async delete(userId: string, id: string): Promise<void> {
    await this.ownedBy(userId, id);
    this.pages.forget(id);
    if (await this.deps.store.delete(id)) await this.deps.events.deleted([id]);
  }

  /** A new link token: links holding the old one stop working. */
  async regenerateLink(userId: string, id: string): Promise<{ linkToken: string }> {
    await this.ownedBy(userId, id);
    const linkToken = newLinkToken();
    await this.settle(await this.deps.store.update(id, { linkToken }), userId);
    return { linkToken };
  }

  /** Appends (or inserts at `position`) catalog tracks, albums or snapshot-only entries. */
  async addEntries(userId: string, id: string, input: EntriesAddInput): Promise<PlaylistEntriesWrite> {
    const inputs: EntryInput[] = 'entries' in input ? input.entries : [input];
    // The catalog is read beside the permission check (one round trip less on the way to the
    // write), but only looked at once the check passed: someone who may not edit the playlist
    // hears that, never whether the track exists.
    const catalog = settled(this.lookUpEntries(inputs, userId));
    const { doc, people } = await this.editableBy(userId, id);
    const sources = await catalog.then(unsettle);
    const entries = this.buildEntries(doc.kind, inputs, userId, sources);
    const stored = await this.settle(await this.deps.store.addEntries(id, entries, input.position), userId);
    // The write answers only the entries it added; the ranks of a ranked list need every entry's place.
    const written = doc.kind === 'list' && doc.ranked ? ((await this.deps.store.get(id)) ?? stored) : stored;
    // The activity line and the answer need nothing of each other: written side by side.
    const [, result] = await Promise.all([
      this.deps.events.entriesAdded(written, userId, entries.length),
      this.entriesResult(written, new Set(entries.map((e) => e.id)), userId, people, sources.enrichment),
    ]);
    return result;
  }

  async removeEntry(userId: string, id: string, entryId: string): Promise<PlaylistEntriesWrite> {
    const { people } = await this.editableBy(userId, id);
    const written = await this.settle(await this.deps.store.removeEntry(id, entryId), userId);
    return this.entriesResult(written, new Set(), userId, people);
  }

  async moveEntry(userId: string, id: string, entryId: string, input: EntryMoveInput): Promise<PlaylistEntriesWrite> {
    const { people } = await this.editableBy(userId, id);
    const written = await this.settle(await this.deps.store.moveEntry(id, entryId, input.position, input.version), userId);
    return this.entriesResult(written, new Set([entryId]), userId, people);
  }

  async updateEntry(userId: string, id: string, entryId: string, input: EntryUpdateInput): Promise<PlaylistEntriesWrite> {
    const { people } = await this.editableBy(userId, id);
    const note = input.note === null || input.note.trim() === '' ? null : input.note;
    const written = await this.settle(await this.deps.store.updateEntry(id, entryId, { note }, input.version), userId);
    return this.entriesResult(written, new Set([entryId]), userId, people);
  }

  /**
   * Reads a playlist the viewer may see, with the people it names; 404 when it is missing or
   * they may not see it, so that existence does not leak.
   */
  async readVisible(
    id: string,
    viewerId: string | null,
    token?: string,
    /** Checks that need no entries (permissions before a write, likes) read the document without them. */
    options: { entries?: number } = {},
  ): Promise<{ doc: PlaylistDocument; people: Map<string, PlaylistPerson>; viewer: PlaylistViewer }> {
    const doc = await this.deps.store.get(id, options);
    if (!doc) throw NOT_FOUND();
    const { people, viewer } = await this.deps.people.people(peopleOf(doc), viewerId);
    const asViewer = { ...viewer, token };
    if (!canSeePlaylist(doc, people.get(doc.ownerId), asViewer)) throw NOT_FOUND();
    return { doc, people, viewer: asViewer };
  }

  /** The document when the user owns it; 404 when they may not see it, 403 when they may see but not edit. */
  async ownedBy(userId: string, id: string): Promise<PlaylistDocument> {
    const { doc } = await this.readVisible(id, userId, undefined, NO_ENTRIES);
    if (roleOf(doc, userId) !== 'owner') throw AppError.forbidden('not_owner', 'Only the owner can change this playlist.');
    return doc;
  }

  /** The document when the user owns it or collaborates on it. */
  private async editableBy(userId: string, id: string): Promise<{ doc: PlaylistDocument; people: Map<string, PlaylistPerson> }> {
    const { doc, people } = await this.readVisible(id, userId, undefined, NO_ENTRIES);
    const role = roleOf(doc, userId);
    if (role !== 'owner' && role !== 'collaborator') throw AppError.forbidden('not_collaborator', 'Only the owner and collaborators can change the entries.');
    return { doc, people };
  }

  /** Turns a refused write into its problem; a stale version answers 409 with the current playlist. */
  async settle(result: PlaylistWrite, viewerId: string): Promise<PlaylistDocument> {
    switch (result.status) {
      case 'ok':
        return result.doc;
      case 'not_found':
        throw NOT_FOUND();
      case 'entry_not_found':
        throw AppError.notFound('Entry');
      case 'full':
        throw playlistFull(this.deps.store.maxEntries);
      case 'too_many_collaborators':
        throw AppError.conflict('too_many_collaborators', `A playlist can have at most ${PLAYLIST_LIMITS.collaborators} collaborators.`);
      case 'conflict':
        throw AppError.staleVersion(
          'playlist_version_conflict',
          'This playlist changed since you loaded it. Here is the current version.',
          await this.viewFor(result.doc, { viewerId, isAdmin: false }),
        );
    }
  }

  async viewFor(doc: PlaylistDocument, viewer: PlaylistViewer): Promise<PlaylistView> {
    const { people, viewer: facts } = await this.deps.people.people(peopleOf(doc), viewer.viewerId);
    return this.deps.views.view(doc, people, { ...facts, token: viewer.token });
  }

  /**
   * `known`: people read for the access check (the writer among them); only other adders are
   * read. `catalog`: what the catalog says of the changed entries, when it was read with them.
   */
  private async entriesResult(
    doc: PlaylistDocument,
    changed: Set<string>,
    viewerId: string,
    known: Map<string, PlaylistPerson>,
    catalog?: EntryEnrichment,
  ): Promise<PlaylistEntriesWrite> {
    const entries = doc.entries.filter((e) => changed.has(e.id));
    const others = [...new Set(entries.map((e) => e.addedBy))].filter((p) => !known.has(p));
    const people = others.length ? new Map([...known, ...(await this.deps.people.people(others, viewerId)).people]) : known;
    return { version: doc.version, entryCount: doc.entryCount, entries: await this.deps.views.entries(doc, entries, people, viewerId, catalog) };
  }

  /** The catalog tracks and albums the inputs name, and what the answer shows of them to the writer. */
  private lookUpEntries(inputs: EntryInput[], writerId: string): Promise<EntrySources> {
    const trackIds = inputs.flatMap((i) => ('trackId' in i ? [i.trackId] : []));
    const albumIds = inputs.flatMap((i) => ('albumId' in i ? [i.albumId] : []));
    return this.deps.catalog.sources(trackIds, albumIds, writerId);
  }

  /**
   * The entries to store, with a snapshot copied from the catalog: tracks for a playlist, albums
   * for a list (400 otherwise); an id the catalog does not know is a 404 naming the first.
   */
  private buildEntries(kind: PlaylistKind, inputs: EntryInput[], userId: string, { tracks, albums }: Pick<EntrySources, 'tracks' | 'albums'>): StoredEntry[] {
    if (kind === 'list' && inputs.some((i) => 'trackId' in i))
      throw AppError.badRequest('wrong_entry_kind', 'An album list holds albums: add an album, not a track.');
    if (kind === 'playlist' && inputs.some((i) => 'albumId' in i))
      throw AppError.badRequest('wrong_entry_kind', 'A playlist holds tracks: add the album’s tracks, or add the album to a list.');
    const addedAt = new Date();
    return inputs.map((input) => {
      const base = { id: newEntryId(), note: input.note?.trim() ? input.note : null, addedBy: userId, addedAt };
      if ('trackId' in input) {
        const t = tracks.get(input.trackId);
        if (!t) throw AppError.notFound('Track');
        return { ...base, trackId: t.trackId, albumId: t.albumId, snapshot: t.snapshot, serviceIds: t.serviceIds };
      }
      if ('albumId' in input) {
        const a = albums.get(input.albumId);
        if (!a) throw AppError.notFound('Album');
        return { ...base, trackId: null, albumId: a.albumId, snapshot: a.snapshot, serviceIds: a.serviceIds };
      }
      return { ...base, trackId: null, albumId: null, snapshot: input.snapshot, serviceIds: input.serviceIds ?? {} };
    });
  }

  /** "Specific people" must be the owner's followers; anyone else is refused by name. */
  private async checkSharedWith(ownerId: string, ids: string[]): Promise<string[]> {
    const wanted = [...new Set(ids)].filter((id) => id !== ownerId);
    if (!wanted.length) return [];
    const followers = await this.deps.followers(ownerId, wanted);
    const strangers = wanted.filter((id) => !followers.has(id));
    if (strangers.length)
      throw AppError.badRequest('not_a_follower', 'A playlist can be shared only with people who follow you.', [
        { path: 'sharedWith', message: `Not your followers: ${strangers.join(', ')}` },
      ]);
    return wanted;
  }
}

function playlistFull(max: number): AppError {
  return AppError.conflict('playlist_full', `A playlist holds at most ${max.toLocaleString('en')} entries.`);
}
