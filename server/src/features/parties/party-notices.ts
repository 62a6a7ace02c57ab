import type { NewNotification } from '../notifications/notification-batching';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import type { PartiesRepo } from './parties.repo';

export type PartyNoticeEvent = 'announced' | 'started';

export interface PartyNoticesDeps {
  repo: PartiesRepo;
  catalog: CatalogReadModel;
  graph: SocialGraphReadModel;
}

/**
 * Who hears of a party and what they read, decided when the job runs: a public party reaches the
 * host's followers and invitees, a private one its invitees only; nobody blocked either way with
 * the host; nothing for an ended party. Each person is told once per event (dedupe key).
 */
export class PartyNotices {
  constructor(private readonly deps: PartyNoticesDeps) {}

  async build(partyId: string, event: PartyNoticeEvent): Promise<NewNotification[]> {
    const { repo, catalog, graph } = this.deps;
    const party = await repo.find(partyId);
    if (!party || party.status === 'ended' || (event === 'started' && party.status !== 'live')) return [];
    const album = await catalog.findAlbum(party.album_id);
    if (!album) return [];
    const invitees = await repo.inviteeIds(partyId);
    const audience = new Set(party.visibility === 'public' ? [...(await graph.followerIds(party.host_id)), ...invitees] : invitees);
    for (const id of await graph.blockedIds(party.host_id)) audience.delete(id);
    audience.delete(party.host_id);
    const what = `${album.title} by ${album.artist_credit}`;
    const when = party.scheduled_for && event === 'announced' ? ` on ${party.scheduled_for.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
    const title =
      event === 'started' ? `${party.host_display_name}’s listening party has started` : `${party.host_display_name} is hosting a listening party${when}`;
    return [...audience].map((userId) => ({
      userId,
      type: event === 'started' ? 'party_started' : 'party_announced',
      title,
      body: `${what}. Join to listen together, chat and rate each track.`,
      link: `/parties/${partyId}`,
      data: { partyId },
      actorId: party.host_id,
      dedupeKey: `party_${event}:${partyId}`,
    }));
  }
}
