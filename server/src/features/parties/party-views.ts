import { valueToStars, type Party, type PartySummary } from '@muse/shared';
import { AppError } from '../../lib/app-error';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import { presentCoverUrl } from '../../http/presenters/catalog.presenter';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import type { PartyAccess } from './party-access';
import { presentPerson, presentPlayback, presentTime, presentTrackRating } from './parties.presenter';
import type { PartiesRepo, PartyRow } from './parties.repo';

/** People the party page lists by name (the count says how many are there in all). */
export const PARTICIPANTS_SHOWN = 100;

export interface PartyViewsDeps {
  repo: PartiesRepo;
  catalog: CatalogReadModel;
  graph: SocialGraphReadModel;
  access: PartyAccess;
}

/** What a party looks like to one viewer, and its summary once it has ended. */
export class PartyViews {
  constructor(private readonly deps: PartyViewsDeps) {}

  async view(viewerId: string, party: PartyRow): Promise<Party> {
    const { repo, catalog, graph, access } = this.deps;
    const [album, tracks, hidden, count, ratings, mine, joined, moderator] = await Promise.all([
      catalog.findAlbum(party.album_id),
      catalog.listTracks(party.album_id),
      graph.blockedIds(viewerId),
      repo.presentCount(party.id),
      repo.trackRatings(party.id),
      repo.ratingsOf(party.id, viewerId),
      repo.isPresent(party.id, viewerId),
      access.isModerator(viewerId),
    ]);
    if (!album) throw AppError.notFound('Party');
    const people = await repo.presentPeople(party.id, hidden, PARTICIPANTS_SHOWN);
    return {
      id: party.id,
      status: party.status,
      visibility: party.visibility,
      host: { id: party.host_id, handle: party.host_handle, displayName: party.host_display_name },
      album: { id: String(album.id), title: album.title, artist: album.artist_credit, coverUrl: presentCoverUrl(album.cover_key) },
      tracks: tracks.map((t, i) => ({ id: String(t.id), title: t.title, position: i + 1, durationMs: t.duration_ms })),
      scheduledFor: presentTime(party.scheduled_for),
      startedAt: presentTime(party.started_at),
      endedAt: presentTime(party.ended_at),
      playback: presentPlayback(party),
      participants: people.map(presentPerson),
      participantCount: count,
      ratings: ratings.map((r) => presentTrackRating(r.track_id, r)),
      myRatings: Object.fromEntries([...mine].map(([trackId, value]) => [trackId, valueToStars(value)])),
      viewer: {
        joined,
        isHost: party.host_id === viewerId,
        inControl: party.controller_id === viewerId,
        canModerate: party.host_id === viewerId || moderator,
      },
      serverTime: new Date().toISOString(),
    };
  }

  /** Who came, each track's party rating and the album's party average (each rated track counting once). */
  async summary(viewerId: string, party: PartyRow): Promise<PartySummary> {
    if (party.status !== 'ended' || !party.ended_at) throw AppError.conflict('party_not_ended', 'The summary is ready when the party ends.');
    const { repo, catalog, graph } = this.deps;
    const [album, tracks, attendees, ratings, hidden] = await Promise.all([
      catalog.findAlbum(party.album_id),
      catalog.listTracks(party.album_id),
      repo.attendees(party.id),
      repo.trackRatings(party.id),
      graph.blockedIds(viewerId),
    ]);
    if (!album) throw AppError.notFound('Party');
    const byTrack = new Map(ratings.map((r) => [r.track_id, r]));
    const perTrack = tracks.map((t, i) => ({ ...presentTrackRating(String(t.id), byTrack.get(String(t.id))), title: t.title, position: i + 1 }));
    const rated = perTrack.filter((t) => t.average !== null).map((t) => t.average!);
    const shown = attendees.filter((a) => !hidden.includes(String(a.id)));
    return {
      partyId: party.id,
      album: { id: String(album.id), title: album.title, artist: album.artist_credit },
      attendees: shown.map(presentPerson),
      attendeeCount: attendees.length,
      tracks: perTrack,
      albumAverage: rated.length ? Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 100) / 100 : null,
      logLink: `/albums/${album.id}`,
      endedAt: party.ended_at.toISOString(),
    };
  }
}
