import { valueToStars, type PartyListItem, type PartyMessage, type PartyPlayback, type PartyTrackRating } from '@muse/shared';
import { presentCoverUrl } from '../../http/presenters/catalog.presenter';
import type { MessageRow, PartyListRow, PartyRow, PersonRow, TrackRatingRow } from './parties.repo';

export const presentPerson = (row: PersonRow) => ({ id: String(row.id), handle: row.handle, displayName: row.display_name });

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
export { iso as presentTime };

/** The shared player state as listeners compute their position from it. */
export function presentPlayback(row: PartyRow): PartyPlayback {
  return {
    trackId: row.track_id === null ? null : String(row.track_id),
    positionMs: row.position_ms,
    playing: row.playing,
    updatedAt: row.playback_updated_at.toISOString(),
    version: row.playback_version,
    controller: { id: row.controller_id, handle: row.controller_handle, displayName: row.controller_display_name },
  };
}

export function presentMessage(row: MessageRow): PartyMessage {
  return {
    id: String(row.id),
    partyId: String(row.party_id),
    author: { id: String(row.user_id), handle: row.handle, displayName: row.display_name },
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}

/** A track's party rating in stars (two decimals), null while nobody rated it. */
export function presentTrackRating(trackId: string, row: TrackRatingRow | undefined): PartyTrackRating {
  return {
    trackId,
    average: row?.average === undefined || row.average === null ? null : Math.round(valueToStars(row.average) * 100) / 100,
    count: row?.count ?? 0,
  };
}

/** A party in the parties page's lists. */
export function presentPartyListItem(row: PartyListRow): PartyListItem {
  return {
    id: row.id,
    status: row.status,
    visibility: row.visibility,
    host: { id: row.host_id, handle: row.host_handle, displayName: row.host_display_name },
    album: { id: row.album_id, title: row.album_title, artist: row.artist_credit, coverUrl: presentCoverUrl(row.cover_key) },
    scheduledFor: iso(row.scheduled_for),
    startedAt: iso(row.started_at),
    participantCount: row.participant_count,
    reason: row.reason,
  };
}
