import type { Knex } from 'knex';
import type { PartyListReason, PartyStatus, PartyVisibility } from '@muse/shared';
import type { Tx } from '../../db/transaction';

/** A person as party lists show them. */
export interface PersonRow {
  id: string;
  handle: string;
  display_name: string;
}

/** A party with its host's and controller's names and its shared player state. */
export interface PartyRow {
  id: string;
  host_id: string;
  host_handle: string;
  host_display_name: string;
  /** A suspended host's party is seen by nobody else. */
  host_suspended: boolean;
  album_id: string;
  visibility: PartyVisibility;
  status: PartyStatus;
  scheduled_for: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
  controller_id: string;
  controller_handle: string;
  controller_display_name: string;
  track_id: string | null;
  position_ms: number;
  playing: boolean;
  playback_updated_at: Date;
  playback_version: number;
}

export interface MessageRow {
  id: string;
  party_id: string;
  user_id: string;
  handle: string;
  display_name: string;
  body: string;
  created_at: Date;
  removed_at: Date | null;
}

export interface TrackRatingRow {
  track_id: string;
  average: number | null;
  count: number;
}

export interface NewParty {
  hostId: string;
  albumId: string;
  visibility: PartyVisibility;
  status: PartyStatus;
  scheduledFor: Date | null;
}

export interface PlaybackWrite {
  trackId: string;
  positionMs: number;
  playing: boolean;
}

/** A party as the parties page lists it, with why the viewer sees it. */
export interface PartyListRow {
  id: string;
  status: PartyStatus;
  visibility: PartyVisibility;
  scheduled_for: Date | null;
  started_at: Date | null;
  host_id: string;
  host_handle: string;
  host_display_name: string;
  album_id: string;
  album_title: string;
  artist_credit: string;
  cover_key: string | null;
  participant_count: number;
  reason: PartyListReason;
}

const PERSON = ['u.id', 'u.handle', 'u.display_name'];

/** The parties tables: parties, invitations, participants, chat, reports and party ratings. */
export class PartiesRepo {
  constructor(private readonly knex: Knex) {}

  async insert(trx: Tx, p: NewParty): Promise<string> {
    const [row] = await trx('parties')
      .insert({
        host_id: p.hostId,
        controller_id: p.hostId,
        album_id: p.albumId,
        visibility: p.visibility,
        status: p.status,
        scheduled_for: p.scheduledFor,
        started_at: p.status === 'live' ? trx.fn.now() : null,
      })
      .returning('id');
    return String(row.id);
  }

  async addInvites(trx: Tx, partyId: string, userIds: string[]): Promise<void> {
    if (userIds.length)
      await trx('party_invites')
        .insert(userIds.map((user_id) => ({ party_id: partyId, user_id })))
        .onConflict()
        .ignore();
  }

  /**
   * Adds invitations to an existing party unless the party would then have more than `max`:
   * the party's row is locked first, so two hosts' tabs inviting at once cannot pass the limit
   * between them. Answers the ids newly invited, or null when the limit would be passed.
   */
  async addInvitesUpTo(trx: Tx, partyId: string, userIds: string[], max: number): Promise<string[] | null> {
    await trx.raw('SELECT 1 FROM parties WHERE id = ? FOR UPDATE', [partyId]);
    const existing = new Set((await trx('party_invites').where({ party_id: partyId }).pluck('user_id')).map(String));
    const fresh = [...new Set(userIds)].filter((id) => !existing.has(id));
    if (existing.size + fresh.length > max) return null;
    await this.addInvites(trx, partyId, fresh);
    return fresh;
  }

  /** Withdraws one invitation; false when there was none. */
  async removeInvite(partyId: string, userId: string): Promise<boolean> {
    return (await this.knex('party_invites').where({ party_id: partyId, user_id: userId }).delete()) > 0;
  }

  /** The people invited to a party, by name. */
  async invitees(partyId: string): Promise<PersonRow[]> {
    return this.knex('party_invites as i')
      .join('users as u', 'u.id', 'i.user_id')
      .where('i.party_id', partyId)
      .orderBy('u.display_name')
      .orderBy('u.id')
      .select(PERSON);
  }

  async find(partyId: string, db: Knex = this.knex): Promise<PartyRow | null> {
    const row = await db('parties as p')
      .join('users as h', 'h.id', 'p.host_id')
      .join('users as c', 'c.id', 'p.controller_id')
      .where('p.id', partyId)
      .first(
        'p.*',
        'h.handle as host_handle',
        'h.display_name as host_display_name',
        db.raw('h.suspended_at IS NOT NULL AS host_suspended'),
        'c.handle as controller_handle',
        'c.display_name as controller_display_name',
      );
    return row ? { ...row, id: String(row.id), host_id: String(row.host_id), album_id: String(row.album_id), controller_id: String(row.controller_id) } : null;
  }

  /**
   * Live (`live`) or scheduled (`scheduled`) parties the viewer may see, as PartyAccess.canSee
   * rules (their own; else not blocked either way with the host, public or invited), leaving out
   * suspended hosts. Scheduled ones only when the viewer hosts, is invited or follows the host.
   * The viewer's own, invitations and followees' come first; then live ones by people in the
   * room, scheduled ones soonest first.
   */
  async listOpen(viewerId: string, status: 'live' | 'scheduled', limit: number): Promise<PartyListRow[]> {
    const order = status === 'live' ? 'participant_count DESC, started_at DESC' : 'scheduled_for ASC';
    const { rows } = await this.knex.raw<{ rows: PartyListRow[] }>(
      `SELECT * FROM (
         SELECT p.id::text, p.status, p.visibility, p.scheduled_for, p.started_at,
                p.host_id::text, h.handle AS host_handle, h.display_name AS host_display_name,
                a.id::text AS album_id, a.title AS album_title, a.artist_credit, a.cover_key,
                (SELECT count(*)::int FROM party_participants pp WHERE pp.party_id = p.id AND pp.present) AS participant_count,
                CASE WHEN p.host_id = :viewer THEN 'hosting'
                     WHEN i.user_id IS NOT NULL THEN 'invited'
                     WHEN f.follower_id IS NOT NULL THEN 'following'
                     ELSE 'public' END AS reason
           FROM parties p
           JOIN users h ON h.id = p.host_id
           JOIN albums a ON a.id = p.album_id
           LEFT JOIN party_invites i ON i.party_id = p.id AND i.user_id = :viewer
           LEFT JOIN follows f ON f.follower_id = :viewer AND f.followee_id = p.host_id
          WHERE p.status = :status
            AND (p.host_id = :viewer OR (
                  h.suspended_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM blocks b
                                   WHERE (b.blocker_id = :viewer AND b.blocked_id = p.host_id)
                                      OR (b.blocker_id = p.host_id AND b.blocked_id = :viewer))
                  AND (p.visibility = 'public' OR i.user_id IS NOT NULL)
                  AND (p.status = 'live' OR i.user_id IS NOT NULL OR f.follower_id IS NOT NULL)))
       ) listed
       ORDER BY (reason <> 'public') DESC, ${order}, id DESC
       LIMIT :limit`,
      { viewer: viewerId, status, limit },
    );
    return rows;
  }

  async isInvited(partyId: string, userId: string): Promise<boolean> {
    return Boolean(await this.knex('party_invites').where({ party_id: partyId, user_id: userId }).first('user_id'));
  }

  async inviteeIds(partyId: string): Promise<string[]> {
    return (await this.knex('party_invites').where({ party_id: partyId }).pluck('user_id')).map(String);
  }

  /** Puts the user in the room; true when they were not in it already (a repeated join changes nothing). */
  async join(partyId: string, userId: string, db: Knex = this.knex): Promise<boolean> {
    const { rows } = await db.raw<{ rows: unknown[] }>(
      `INSERT INTO party_participants (party_id, user_id) VALUES (?, ?)
       ON CONFLICT (party_id, user_id) DO UPDATE SET present = true WHERE party_participants.present = false
       RETURNING user_id`,
      [partyId, userId],
    );
    return rows.length > 0;
  }

  /** Takes the user out of the room (they still count as having come); true when they were in it. */
  async leave(partyId: string, userId: string): Promise<boolean> {
    return (await this.knex('party_participants').where({ party_id: partyId, user_id: userId, present: true }).update({ present: false })) > 0;
  }

  async isPresent(partyId: string, userId: string): Promise<boolean> {
    return Boolean(await this.knex('party_participants').where({ party_id: partyId, user_id: userId, present: true }).first('user_id'));
  }

  async presentCount(partyId: string): Promise<number> {
    const row = await this.knex('party_participants').where({ party_id: partyId, present: true }).count<{ n: string }>('* as n').first();
    return Number(row?.n ?? 0);
  }

  /** Up to `limit` people in the room, earliest arrivals first, leaving out `hidden`. */
  async presentPeople(partyId: string, hidden: string[], limit: number): Promise<PersonRow[]> {
    return this.knex('party_participants as pp')
      .join('users as u', 'u.id', 'pp.user_id')
      .where({ 'pp.party_id': partyId, 'pp.present': true })
      .whereNotIn('u.id', hidden)
      .orderBy([{ column: 'pp.first_joined_at' }, { column: 'u.id' }])
      .limit(limit)
      .select(PERSON);
  }

  /** These people, in order of id (accounts gone are left out). */
  async people(ids: string[]): Promise<PersonRow[]> {
    if (!ids.length) return [];
    return this.knex('users as u').whereIn('u.id', ids).orderBy('u.id').select(PERSON);
  }

  /** Everyone who came, in order of arrival. */
  async attendees(partyId: string): Promise<PersonRow[]> {
    return this.knex('party_participants as pp')
      .join('users as u', 'u.id', 'pp.user_id')
      .where('pp.party_id', partyId)
      .orderBy([{ column: 'pp.first_joined_at' }, { column: 'u.id' }])
      .select(PERSON);
  }

  /** Stores the shared player state (server time, next version); false when the party is no longer live. */
  async setPlayback(partyId: string, p: PlaybackWrite): Promise<boolean> {
    const changed = await this.knex('parties')
      .where({ id: partyId, status: 'live' })
      .update({
        track_id: p.trackId,
        position_ms: p.positionMs,
        playing: p.playing,
        playback_updated_at: this.knex.fn.now(),
        playback_version: this.knex.raw('playback_version + 1'),
      });
    return changed > 0;
  }

  /** Hands control to `userId` (a new playback version, so clients take it). */
  async setController(partyId: string, userId: string): Promise<void> {
    await this.knex('parties')
      .where({ id: partyId })
      .update({ controller_id: userId, playback_version: this.knex.raw('playback_version + 1') });
  }

  /** Hands control back to the host when `userId` held it. */
  async returnControl(partyId: string, userId: string): Promise<boolean> {
    const changed = await this.knex('parties')
      .where({ id: partyId, controller_id: userId })
      .whereNot('host_id', userId)
      .update({ controller_id: this.knex.ref('host_id'), playback_version: this.knex.raw('playback_version + 1') });
    return changed > 0;
  }

  /** A scheduled party goes live; false when it was not scheduled any more. */
  async start(partyId: string): Promise<boolean> {
    return (await this.knex('parties').where({ id: partyId, status: 'scheduled' }).update({ status: 'live', started_at: this.knex.fn.now() })) > 0;
  }

  /** The party ends, its player stops and everyone leaves the room; false when it had ended already. */
  async end(partyId: string): Promise<boolean> {
    return this.knex.transaction(async (trx) => {
      const changed = await trx('parties')
        .where({ id: partyId })
        .whereNot({ status: 'ended' })
        .update({ status: 'ended', ended_at: trx.fn.now(), playing: false, playback_version: trx.raw('playback_version + 1') });
      if (!changed) return false;
      await trx('party_participants').where({ party_id: partyId, present: true }).update({ present: false });
      return true;
    });
  }

  async insertMessage(partyId: string, userId: string, body: string): Promise<string> {
    const [row] = await this.knex('party_messages').insert({ party_id: partyId, user_id: userId, body }).returning('id');
    return String(row.id);
  }

  /** A message of the party with its author, removed or not; null when it is another party's or none. */
  async findMessage(partyId: string, messageId: string): Promise<MessageRow | null> {
    const row = await this.knex('party_messages as m')
      .join('users as u', 'u.id', 'm.user_id')
      .where({ 'm.id': messageId, 'm.party_id': partyId })
      .first('m.id', 'm.party_id', 'm.user_id', 'u.handle', 'u.display_name', 'm.body', 'm.created_at', 'm.removed_at');
    return (row as MessageRow | undefined) ?? null;
  }

  /** The latest `limit` messages still shown, leaving out those of `hidden` authors, oldest first. */
  async listMessages(partyId: string, hidden: string[], limit: number): Promise<MessageRow[]> {
    const rows = await this.knex('party_messages as m')
      .join('users as u', 'u.id', 'm.user_id')
      .where('m.party_id', partyId)
      .whereNull('m.removed_at')
      .whereNotIn('m.user_id', hidden)
      .orderBy('m.id', 'desc')
      .limit(limit)
      .select('m.id', 'm.party_id', 'm.user_id', 'u.handle', 'u.display_name', 'm.body', 'm.created_at', 'm.removed_at');
    return (rows as MessageRow[]).reverse();
  }

  /** Removes a message from the chat; false when it was removed already. */
  async removeMessage(messageId: string, by: string): Promise<boolean> {
    return (await this.knex('party_messages').where({ id: messageId }).whereNull('removed_at').update({ removed_at: this.knex.fn.now(), removed_by: by })) > 0;
  }

  async upsertRating(partyId: string, trackId: string, userId: string, value: number): Promise<void> {
    await this.knex('party_ratings')
      .insert({ party_id: partyId, track_id: trackId, user_id: userId, rating: value })
      .onConflict(['party_id', 'track_id', 'user_id'])
      .merge({ rating: value, updated_at: this.knex.fn.now() });
  }

  /** Mean rating (1..10 scale) and count per rated track of the party, or of one track. */
  async trackRatings(partyId: string, trackId?: string): Promise<TrackRatingRow[]> {
    const q = this.knex('party_ratings')
      .where({ party_id: partyId })
      .groupBy('track_id')
      .select('track_id', this.knex.raw('avg(rating)::float AS average'), this.knex.raw('count(*)::int AS count'));
    if (trackId) q.andWhere({ track_id: trackId });
    return (await q).map((r: TrackRatingRow) => ({ ...r, track_id: String(r.track_id) }));
  }

  /** The user's own ratings in the party, by track id (1..10 scale). */
  async ratingsOf(partyId: string, userId: string): Promise<Map<string, number>> {
    const rows = await this.knex('party_ratings').where({ party_id: partyId, user_id: userId }).select('track_id', 'rating');
    return new Map(rows.map((r: { track_id: string; rating: number }) => [String(r.track_id), r.rating]));
  }
}
