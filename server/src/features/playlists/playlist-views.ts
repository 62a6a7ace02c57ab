import { PLAYLIST_LIMITS, type PlaylistEntryView, type PlaylistSummary, type PlaylistView, type UserSummary } from '@muse/shared';
import type { PlaylistDocument, StoredEntry } from '../../docstore/playlist-store.port';
import { presentStoredCover } from '../../http/presenters/catalog.presenter';
import { permissionsOf, roleOf, type PlaylistViewer } from './playlist-access';
import type { EntryEnrichment, PlaylistCatalogRepo, ViewerRatings } from './playlist-catalog.repo';
import type { PlaylistPerson } from './playlist-people.repo';
import type { PlaylistCounts, PlaylistStatsRepo } from './playlist-stats.repo';

/** An entry as every viewer sees it: all but the viewer's own rating and the adder's current name. */
export type SharedEntryView = Omit<PlaylistEntryView, 'viewerRating' | 'addedByUser'>;

/** Someone whose account is gone, where a playlist still names them (an adder, a clone's source). */
const GONE: UserSummary = { id: '0', handle: 'deleted', displayName: 'Deleted account' };

const summaryOf = (p: PlaylistPerson | undefined): UserSummary => (p ? { id: p.id, handle: p.handle, displayName: p.displayName } : GONE);

/** Up to four distinct covers of the first entries, for the mosaic (Muse's stored copies only: never a service's image address). */
export function coversOf(entries: StoredEntry[]): string[] {
  const covers: string[] = [];
  for (const e of entries) {
    const url = presentStoredCover(e.snapshot.coverUrl);
    if (url && !covers.includes(url)) covers.push(url);
    if (covers.length === 4) break;
  }
  return covers;
}

/** Every person a document names, for one people read. */
export function peopleOf(doc: PlaylistDocument): string[] {
  return [
    doc.ownerId,
    ...doc.collaborators.map((c) => c.userId),
    ...doc.sharedWith,
    ...doc.entries.map((e) => e.addedBy),
    ...(doc.clonedFrom ? [doc.clonedFrom.ownerId] : []),
  ];
}

/** Turns stored documents into what the API answers, with the catalog's and Postgres' current data. */
export class PlaylistViews {
  constructor(
    private readonly catalog: PlaylistCatalogRepo,
    private readonly stats: PlaylistStatsRepo,
  ) {}

  async summaries(docs: PlaylistDocument[], people: Map<string, PlaylistPerson>, viewerId: string | null): Promise<PlaylistSummary[]> {
    const { counts, liked } = await this.stats.countsFor(
      docs.map((d) => d.id),
      viewerId,
    );
    return this.summariesWith(docs, people, { counts, liked });
  }

  /** Summaries when the counts were read already (beside the people). */
  summariesWith(
    docs: PlaylistDocument[],
    people: Map<string, PlaylistPerson>,
    { counts, liked }: { counts: Map<string, PlaylistCounts>; liked: Set<string> },
  ): PlaylistSummary[] {
    return docs.map((d) => this.summary(d, people, counts.get(d.id), liked.has(d.id)));
  }

  private summary(doc: PlaylistDocument, people: Map<string, PlaylistPerson>, counts: PlaylistCounts | undefined, liked: boolean): PlaylistSummary {
    return {
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      description: doc.description,
      visibility: doc.visibility,
      ranked: doc.ranked,
      owner: summaryOf(people.get(doc.ownerId)),
      entryCount: doc.entryCount,
      covers: coversOf(doc.entries),
      likeCount: counts?.likeCount ?? 0,
      cloneCount: counts?.cloneCount ?? 0,
      likedByViewer: liked,
      version: doc.version,
      createdAt: doc.createdAt.toISOString(),
      updatedAt: doc.updatedAt.toISOString(),
    };
  }

  /**
   * The whole playlist as its page shows it; owner-only fields only for the owner. `shared`: the
   * entries as every viewer sees them, when they are at hand already (a kept page).
   */
  async view(doc: PlaylistDocument, people: Map<string, PlaylistPerson>, viewer: PlaylistViewer, shared?: SharedEntryView[]): Promise<PlaylistView> {
    // The page answers the first entries only: a 500-entry answer was 300 KB to build, send and render.
    const first = PLAYLIST_LIMITS.entriesPage;
    const [[summary], entries] = await Promise.all([
      this.summaries([doc], people, viewer.viewerId),
      shared
        ? this.forViewer(doc.kind, shared.slice(0, first), people, viewer.viewerId)
        : this.entries(doc, doc.entries.slice(0, first), people, viewer.viewerId),
    ]);
    const isOwner = roleOf(doc, viewer.viewerId) === 'owner';
    return {
      ...summary!,
      entries,
      entriesNext: doc.entryCount > first ? first : null,
      collaborators: doc.collaborators
        .filter((c) => people.has(c.userId))
        .map((c) => ({ user: summaryOf(people.get(c.userId)), status: c.status, invitedAt: c.invitedAt.toISOString() })),
      sharedWith: isOwner ? doc.sharedWith.filter((id) => people.has(id)).map((id) => summaryOf(people.get(id))) : null,
      linkToken: isOwner && doc.visibility === 'link' ? doc.linkToken : null,
      clonedFrom: doc.clonedFrom ? { id: doc.clonedFrom.id, title: doc.clonedFrom.title, owner: summaryOf(people.get(doc.clonedFrom.ownerId)) } : null,
      permissions: permissionsOf(doc, viewer),
    };
  }

  /** Entries with the catalog's current album, community stars and the viewer's own rating; ranks on ranked lists. */
  async entries(
    doc: PlaylistDocument,
    entries: StoredEntry[],
    people: Map<string, PlaylistPerson>,
    viewerId: string | null,
    /** The catalog's data of these entries for this viewer, when it was read already (beside a write's catalog lookup). */
    known?: EntryEnrichment,
  ): Promise<PlaylistEntryView[]> {
    const more = known ?? (await this.catalog.enrich(...catalogIdsOf(entries), viewerId));
    return forViewerWith(doc.kind, this.shared(doc, entries, more), people, more.viewer);
  }

  /** Entries as every viewer sees them: what is stored, the catalog's current album and community stars, and the rank. */
  async sharedEntries(doc: PlaylistDocument, entries: StoredEntry[]): Promise<SharedEntryView[]> {
    return this.shared(doc, entries, await this.catalog.enrich(...catalogIdsOf(entries), null));
  }

  private shared(doc: PlaylistDocument, entries: StoredEntry[], more: EntryEnrichment): SharedEntryView[] {
    const position = new Map(doc.entries.map((e, i) => [e.id, i]));
    const ranked = doc.kind === 'list' && doc.ranked;
    return entries.map((e) => {
      const albumId = e.trackId ? (more.trackAlbum.get(e.trackId) ?? e.albumId) : e.albumId;
      return {
        id: e.id,
        trackId: e.trackId,
        albumId: e.albumId,
        snapshot: withStoredCover(e.snapshot, albumId ? more.albums.get(albumId) : undefined),
        serviceIds: e.serviceIds,
        note: e.note,
        addedBy: e.addedBy,
        addedAt: e.addedAt.toISOString(),
        rank: ranked ? (position.get(e.id) ?? 0) + 1 : null,
        album: albumId ? (more.albums.get(albumId) ?? null) : null,
        stats: e.trackId ? (more.trackStats.get(e.trackId) ?? null) : ratesAsAlbum(doc.kind, e) ? (more.albumStats.get(e.albumId!) ?? null) : null,
      };
    });
  }

  /** Shared entries with the viewer's own ratings and the names of who added them. */
  async forViewer(
    kind: PlaylistDocument['kind'],
    shared: SharedEntryView[],
    people: Map<string, PlaylistPerson>,
    viewerId: string | null,
  ): Promise<PlaylistEntryView[]> {
    const ratings = viewerId ? await this.catalog.viewerRatings(...catalogIdsOf(shared), viewerId) : NO_RATINGS;
    return forViewerWith(kind, shared, people, ratings);
  }
}

const NO_RATINGS: ViewerRatings = { tracks: new Map(), albums: new Map() };

/**
 * The snapshot with its cover as pages may show it: the catalog album's stored cover, else the
 * snapshot's own address only when it is a stored copy (a service's or a file's image address
 * would make browsers load it from there).
 */
function withStoredCover(snapshot: StoredEntry['snapshot'], album: { coverUrl: string | null } | undefined): StoredEntry['snapshot'] {
  if (!snapshot.coverUrl) return snapshot;
  const coverUrl = album?.coverUrl ?? presentStoredCover(snapshot.coverUrl);
  return coverUrl === snapshot.coverUrl ? snapshot : { ...snapshot, coverUrl };
}

/** The catalog tracks, and the catalog albums listed as albums, that entries point at. */
function catalogIdsOf(entries: ReadonlyArray<Pick<StoredEntry, 'trackId' | 'albumId'>>): [string[], string[]] {
  return [entries.flatMap((e) => (e.trackId ? [e.trackId] : [])), entries.flatMap((e) => (e.albumId && !e.trackId ? [e.albumId] : []))];
}

/**
 * Whether an entry without a catalog track stands for its album (an album list's entry), so it
 * shows the album's stars and the viewer's album rating. A track playlist's entry may name only
 * its album (the track is not in the catalog, its album is): the album's stars are not the track's.
 */
function ratesAsAlbum(kind: PlaylistDocument['kind'], e: Pick<StoredEntry, 'trackId' | 'albumId'>): boolean {
  return kind !== 'playlist' && !e.trackId && Boolean(e.albumId);
}

function forViewerWith(
  kind: PlaylistDocument['kind'],
  shared: SharedEntryView[],
  people: Map<string, PlaylistPerson>,
  ratings: ViewerRatings,
): PlaylistEntryView[] {
  // One summary per adder, not one per entry: a 500-entry page mostly names its owner 500 times.
  const adders = new Map<string, UserSummary | null>();
  const adder = (id: string): UserSummary | null => {
    let summary = adders.get(id);
    if (summary === undefined) {
      summary = people.has(id) ? summaryOf(people.get(id)) : null;
      adders.set(id, summary);
    }
    return summary;
  };
  return shared.map((e) => ({
    ...e,
    viewerRating: e.trackId ? (ratings.tracks.get(e.trackId) ?? null) : ratesAsAlbum(kind, e) ? (ratings.albums.get(e.albumId!) ?? null) : null,
    addedByUser: adder(e.addedBy),
  }));
}
