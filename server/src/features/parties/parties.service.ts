import {
  starsToValue,
  type Party,
  type PartyCreateInput,
  type PartyMessage,
  type PartyMessages,
  type PartyPerson,
  type PartyPlayback,
  type PartyPlaybackInput,
  type PartySummary,
  type PartyTrackRating,
  PARTY_LIMITS,
  type PartyInviteInput,
  type PartyInvitees,
  type PartyList,
} from '@muse/shared';
import { randomUUID } from 'node:crypto';
import type { Transactions } from '../../db/transaction';
import type { JobQueues } from '../../jobs/queues';
import type { ModerationService } from '../moderation/moderation.service';
import { AppError } from '../../lib/app-error';
import type { DomainEventPublisher } from '../../realtime/domain-events';
import type { CatalogReadModel } from '../catalog/catalog.read-model';
import type { ProfileUsersReadModel } from '../profiles/profile-users.read-model';
import type { SocialGraphReadModel } from '../social/social-graph.read-model';
import type { PartyAccess } from './party-access';
import { partyNotificationJob } from './party-notification.job';
import { partyStartJob } from './party-start.job';
import type { PartyViews } from './party-views';
import { presentMessage, presentPartyListItem, presentPerson, presentPlayback, presentTrackRating } from './parties.presenter';
import type { PresenceChanges } from './party-presence-batch';
import type { PartiesRepo, PartyRow } from './parties.repo';

export interface PartiesServiceDeps {
  repo: PartiesRepo;
  transactions: Transactions;
  access: PartyAccess;
  views: PartyViews;
  catalog: CatalogReadModel;
  graph: SocialGraphReadModel;
  users: ProfileUsersReadModel;
  events: DomainEventPublisher;
  queues: JobQueues;
  /** Reported chat messages go to the one moderation queue. */
  moderation: Pick<ModerationService, 'file'>;
}

/**
 * Release-night listening parties: a host opens a room on an album (now or scheduled), people
 * join, the one in control moves the shared player, everyone chats and rates tracks, and the
 * host ends it with a summary. Every change is stored first and then announced as a domain
 * event, which the real-time dispatcher turns into emits to the party's room.
 */
export class PartiesService {
  constructor(private readonly deps: PartiesServiceDeps) {}

  /** Opens a party hosted by `hostId` (in its room from the start); followers and invitees are told. */
  async create(hostId: string, input: PartyCreateInput): Promise<Party> {
    const { repo, catalog, queues } = this.deps;
    if (!(await catalog.albumExists(input.albumId))) throw AppError.notFound('Album');
    const invitees = await this.inviteeIdsOf(hostId, input.invite);
    const scheduledFor = input.scheduledFor ? new Date(input.scheduledFor) : null;
    const partyId = await this.deps.transactions.run(async (trx) => {
      const id = await repo.insert(trx, {
        hostId,
        albumId: input.albumId,
        visibility: input.visibility,
        status: scheduledFor ? 'scheduled' : 'live',
        scheduledFor,
      });
      await repo.addInvites(trx, id, invitees);
      return id;
    });
    await repo.join(partyId, hostId);
    await queues.enqueue(partyNotificationJob, { partyId, event: 'announced' as const }, { jobId: `party-announced-${partyId}` });
    if (scheduledFor) {
      await queues.enqueue(partyStartJob, { partyId }, { jobId: `party-start-${partyId}`, delay: Math.max(0, scheduledFor.getTime() - Date.now()) });
    } else {
      await queues.enqueue(partyNotificationJob, { partyId, event: 'started' as const }, { jobId: `party-started-${partyId}` });
    }
    return this.get(hostId, partyId);
  }

  /**
   * The host invites more people to a party that has not ended: 400 naming each handle nobody can
   * be invited as, 409 `too_many_invites` past PARTY_LIMITS.invites in all, 409 `party_ended`.
   * Inviting someone again changes nothing. The newly invited hear of it as the party's first
   * invitees did (announced; and started, when it is live), each once.
   */
  async invite(hostId: string, partyId: string, input: PartyInviteInput): Promise<PartyInvitees> {
    const party = await this.deps.access.hosted(hostId, partyId);
    if (party.status === 'ended') throw AppError.conflict('party_ended', 'This party has ended.');
    const ids = await this.inviteeIdsOf(hostId, input.invite);
    const fresh = await this.deps.transactions.run((trx) => this.deps.repo.addInvitesUpTo(trx, partyId, ids, PARTY_LIMITS.invites));
    if (fresh === null) throw AppError.conflict('too_many_invites', `A party can have at most ${PARTY_LIMITS.invites} invitations.`);
    if (fresh.length) {
      // The notices' dedupe keys tell the earlier audience nothing twice; a job id of its own runs them again.
      const events = party.status === 'live' ? (['announced', 'started'] as const) : (['announced'] as const);
      for (const event of events)
        await this.deps.queues.enqueue(partyNotificationJob, { partyId, event }, { jobId: `party-${event}-${partyId}-invite-${randomUUID()}` });
    }
    return this.inviteesOf(partyId);
  }

  /**
   * The host withdraws an invitation to a party that has not ended (404 when there is none). At
   * a private party the person loses sight of it: they leave the room if they were in it (control
   * they held goes back to the host) and their open pages are told.
   */
  async withdrawInvitation(hostId: string, partyId: string, userId: string): Promise<PartyInvitees> {
    const party = await this.deps.access.hosted(hostId, partyId);
    if (party.status === 'ended') throw AppError.conflict('party_ended', 'This party has ended.');
    if (!(await this.deps.repo.removeInvite(partyId, userId))) throw AppError.notFound('Invitation');
    if (party.visibility === 'private') {
      await this.removeFromRoom(partyId, userId);
      await this.deps.events.publish({ type: 'party.access_lost', partyId, userId });
    }
    return this.inviteesOf(partyId);
  }

  /** Who the host has invited (the host only). */
  async invitees(hostId: string, partyId: string): Promise<PartyInvitees> {
    await this.deps.access.hosted(hostId, partyId);
    return this.inviteesOf(partyId);
  }

  private async inviteesOf(partyId: string): Promise<PartyInvitees> {
    return { items: (await this.deps.repo.invitees(partyId)).map(presentPerson) };
  }

  /** The ids of the people the host names; an unknown, own or blocked handle reads the same, so the form cannot probe who blocked whom. */
  private async inviteeIdsOf(hostId: string, handles: string[]): Promise<string[]> {
    const [known, blocked] = await Promise.all([this.deps.users.idsByHandle(handles), this.deps.graph.blockedIds(hostId)]);
    const ids: string[] = [];
    for (const [i, handle] of handles.entries()) {
      const id = known.get(handle.toLowerCase());
      if (!id || id === hostId || blocked.includes(id)) {
        throw AppError.badRequest('validation_failed', 'Some fields are not valid.', [{ path: `invite.${i}`, message: `No one to invite as @${handle}` }]);
      }
      ids.push(id);
    }
    return ids;
  }

  /** What is on for the viewer: live parties they may see and the scheduled ones that concern them. */
  async list(viewerId: string): Promise<PartyList> {
    const [live, upcoming] = await Promise.all([
      this.deps.repo.listOpen(viewerId, 'live', PARTY_LIMITS.listLive),
      this.deps.repo.listOpen(viewerId, 'scheduled', PARTY_LIMITS.listUpcoming),
    ]);
    return { live: live.map(presentPartyListItem), upcoming: upcoming.map(presentPartyListItem) };
  }

  async get(viewerId: string, partyId: string): Promise<Party> {
    return this.deps.views.view(viewerId, await this.deps.access.visible(viewerId, partyId));
  }

  /** The host starts a scheduled party early (a live one stays as it is). */
  async start(hostId: string, partyId: string): Promise<Party> {
    const party = await this.deps.access.hosted(hostId, partyId);
    if (party.status === 'ended') throw AppError.conflict('party_not_live', 'This party has ended.');
    await this.startScheduled(partyId);
    return this.get(hostId, partyId);
  }

  /** Starts the party if it is still scheduled (the delayed job and the host may both try): announces it once. */
  async startScheduled(partyId: string): Promise<void> {
    if (!(await this.deps.repo.start(partyId))) return;
    await this.deps.events.publish({ type: 'party.status', partyId, status: 'live' });
    await this.deps.queues.enqueue(partyNotificationJob, { partyId, event: 'started' as const }, { jobId: `party-started-${partyId}` });
  }

  /** Enters the room; joining again changes nothing. Nobody blocked either way with the host gets in (404). */
  async join(userId: string, partyId: string): Promise<Party> {
    const party = await this.deps.access.visible(userId, partyId);
    if (party.status === 'ended') throw AppError.conflict('party_not_live', 'This party has ended.');
    if (await this.deps.repo.join(partyId, userId)) await this.deps.events.publish({ type: 'party.presence', partyId, userId, present: true });
    return this.deps.views.view(userId, party);
  }

  /** Leaves the room; control held goes back to the host. */
  async leave(userId: string, partyId: string): Promise<void> {
    await this.deps.access.visible(userId, partyId);
    await this.removeFromRoom(partyId, userId);
  }

  /** Takes the user out of the room when they are in it; control they held goes back to the host. */
  private async removeFromRoom(partyId: string, userId: string): Promise<void> {
    if (!(await this.deps.repo.leave(partyId, userId))) return;
    await this.deps.events.publish({ type: 'party.presence', partyId, userId, present: false });
    if (await this.deps.repo.returnControl(partyId, userId)) await this.deps.events.publish({ type: 'party.playback', partyId });
  }

  /** The one in control moves the shared player; a track of another album is a 422. */
  async setPlayback(userId: string, partyId: string, input: PartyPlaybackInput): Promise<PartyPlayback> {
    const party = await this.deps.access.present(userId, partyId);
    if (party.controller_id !== userId) throw AppError.forbidden('not_in_control', `@${party.controller_handle} has control of the player.`);
    if ((await this.deps.catalog.trackAlbumId(input.trackId)) !== party.album_id) {
      throw new AppError(422, 'track_not_on_album', 'That track is not on this party’s album.', [{ path: 'trackId', message: 'Not a track of this album' }]);
    }
    if (!(await this.deps.repo.setPlayback(partyId, input))) throw AppError.conflict('party_not_live', 'This party has ended.');
    await this.deps.events.publish({ type: 'party.playback', partyId });
    return this.playback(partyId);
  }

  /** The host, or whoever has control, hands it to someone in the room. */
  async handOver(userId: string, partyId: string, handle: string): Promise<PartyPlayback> {
    const party = await this.deps.access.present(userId, partyId);
    if (party.controller_id !== userId && party.host_id !== userId)
      throw AppError.forbidden('not_in_control', 'Only the host or whoever has control can hand it over.');
    const target = await this.deps.users.findByHandle(handle);
    if (!target || !(await this.deps.repo.isPresent(partyId, String(target.id)))) {
      throw new AppError(422, 'not_in_party', `@${handle} is not in the party.`, [{ path: 'handle', message: 'Not in the party' }]);
    }
    await this.deps.repo.setController(partyId, String(target.id));
    await this.deps.events.publish({ type: 'party.playback', partyId });
    return this.playback(partyId);
  }

  async postMessage(userId: string, partyId: string, body: string): Promise<PartyMessage> {
    await this.deps.access.present(userId, partyId);
    const messageId = await this.deps.repo.insertMessage(partyId, userId, body);
    await this.deps.events.publish({ type: 'party.message', partyId, messageId });
    return presentMessage((await this.deps.repo.findMessage(partyId, messageId))!);
  }

  /** The latest messages, without those of people blocked either way with the viewer. */
  async messages(userId: string, partyId: string): Promise<PartyMessages> {
    await this.deps.access.visible(userId, partyId);
    const hidden = await this.deps.graph.blockedIds(userId);
    return { items: (await this.deps.repo.listMessages(partyId, hidden, PARTY_LIMITS.messagesPage)).map(presentMessage) };
  }

  /** The host, or an administrator, removes a message; removing it again changes nothing. */
  async removeMessage(userId: string, partyId: string, messageId: string): Promise<void> {
    const party = await this.deps.access.visible(userId, partyId);
    if (party.host_id !== userId && !(await this.deps.access.isModerator(userId)))
      throw AppError.forbidden('not_host', 'Only the host or a moderator can remove messages.');
    if (!(await this.deps.repo.findMessage(partyId, messageId))) throw AppError.notFound('Message');
    if (await this.deps.repo.removeMessage(messageId, userId)) await this.deps.events.publish({ type: 'party.message_removed', partyId, messageId });
  }

  /** Reports someone else's message to the moderators' queue; a second report by the same person is 409 `already_reported`. */
  async reportMessage(userId: string, partyId: string, messageId: string, reason: string): Promise<void> {
    await this.deps.access.visible(userId, partyId);
    const message = await this.deps.repo.findMessage(partyId, messageId);
    if (!message || message.removed_at || (await this.deps.graph.blockedEitherWay(userId, String(message.user_id)))) throw AppError.notFound('Message');
    if (String(message.user_id) === userId) throw AppError.badRequest('cannot_report_self', 'You cannot report your own message.');
    await this.deps.moderation.file({
      reporterId: userId,
      targetType: 'party_message',
      targetId: messageId,
      targetAuthorId: String(message.user_id),
      excerpt: message.body,
      reason,
    });
  }

  /** A participant's live rating of a track of the album (replacing their earlier one). */
  async rate(userId: string, partyId: string, trackId: string, stars: number): Promise<PartyTrackRating> {
    const party = await this.deps.access.present(userId, partyId);
    if ((await this.deps.catalog.trackAlbumId(trackId)) !== party.album_id) throw AppError.notFound('Track');
    await this.deps.repo.upsertRating(partyId, trackId, userId, starsToValue(stars));
    await this.deps.events.publish({ type: 'party.rating', partyId, trackId });
    return this.trackRating(partyId, trackId);
  }

  /** The host ends the party: the player stops, the room empties and everyone gets the summary. Ending again answers the summary. */
  async end(hostId: string, partyId: string): Promise<PartySummary> {
    const party = await this.deps.access.hosted(hostId, partyId);
    if (await this.deps.repo.end(party.id)) await this.deps.events.publish({ type: 'party.status', partyId, status: 'ended' });
    return this.summary(hostId, partyId);
  }

  async summary(userId: string, partyId: string): Promise<PartySummary> {
    return this.deps.views.summary(userId, await this.deps.access.visible(userId, partyId));
  }

  /** Read at emit time by the real-time dispatcher. */
  async playback(partyId: string): Promise<PartyPlayback> {
    return presentPlayback(await this.party(partyId));
  }

  async trackRating(partyId: string, trackId: string): Promise<PartyTrackRating> {
    return presentTrackRating(trackId, (await this.deps.repo.trackRatings(partyId, trackId))[0]);
  }

  /** A message still shown, with the people who must not see it (blocked either way with its author). */
  async liveMessage(partyId: string, messageId: string): Promise<{ message: PartyMessage; hiddenFrom: string[] } | null> {
    const row = await this.deps.repo.findMessage(partyId, messageId);
    if (!row || row.removed_at) return null;
    return { message: presentMessage(row), hiddenFrom: await this.deps.graph.blockedIds(String(row.user_id)) };
  }

  /** How many are in the room now, and who of `changes` came (with their names) and went. */
  async presence(partyId: string, changes: PresenceChanges): Promise<{ participantCount: number; joined: PartyPerson[]; left: string[] }> {
    const [participantCount, people] = await Promise.all([this.deps.repo.presentCount(partyId), this.deps.repo.people(changes.joined)]);
    return { participantCount, joined: people.map(presentPerson), left: changes.left };
  }

  /** Whether the user is in the party's room, so their socket may enter its Socket.IO room. */
  async canWatch(userId: string, partyId: string): Promise<boolean> {
    const party = await this.deps.repo.find(partyId);
    return Boolean(party && (await this.deps.access.canSee(userId, party)) && (await this.deps.repo.isPresent(partyId, userId)));
  }

  private async party(partyId: string): Promise<PartyRow> {
    const party = await this.deps.repo.find(partyId);
    if (!party) throw AppError.notFound('Party');
    return party;
  }
}
