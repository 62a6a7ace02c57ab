import type { Party, PartyMessage, PartyMessages, PartyPerson, PartyPlayback, PartyTrackRating } from '@muse/shared';
import type { QueryClient } from '@tanstack/react-query';
import { partyKeys } from './party-keys';

/** Patches the cached party with `patch(party)` when it is cached. */
function patchParty(queryClient: QueryClient, id: string, patch: (party: Party) => Party): void {
  queryClient.setQueryData<Party>(partyKeys.party(id), (party) => (party ? patch(party) : party));
}

/**
 * A newer player state (an older, late one is ignored by its version). `serverTime`, when the
 * event carries one, renews the clock offset; an answer without one keeps the offset it had.
 */
export function applyPlayback(queryClient: QueryClient, id: string, playback: PartyPlayback, serverTime?: string): void {
  patchParty(queryClient, id, (party) =>
    playback.version < party.playback.version ? party : { ...party, playback, serverTime: serverTime ?? party.serverTime },
  );
}

/** A track's live party rating, replacing the one shown. */
export function applyRating(queryClient: QueryClient, id: string, rating: PartyTrackRating): void {
  patchParty(queryClient, id, (party) => ({ ...party, ratings: [...party.ratings.filter((r) => r.trackId !== rating.trackId), rating] }));
}

export function setMyRating(queryClient: QueryClient, id: string, trackId: string, stars: number): void {
  patchParty(queryClient, id, (party) => ({ ...party, myRatings: { ...party.myRatings, [trackId]: stars } }));
}

/** Who came in and who left: the count, and the names listed. */
export function applyPresence(queryClient: QueryClient, id: string, p: { participantCount: number; joined: PartyPerson[]; left: string[] }): void {
  patchParty(queryClient, id, (party) => {
    const moved = new Set([...p.left, ...p.joined.map((u) => u.id)]);
    return { ...party, participantCount: p.participantCount, participants: [...party.participants.filter((u) => !moved.has(u.id)), ...p.joined] };
  });
}

/** A chat message, once (the poster gets it from both their request and the room). */
export function addMessage(queryClient: QueryClient, message: PartyMessage): void {
  queryClient.setQueryData<PartyMessages>(partyKeys.messages(message.partyId), (page) =>
    page && !page.items.some((m) => m.id === message.id) ? { items: [...page.items, message] } : page,
  );
}

export function dropMessage(queryClient: QueryClient, id: string, messageId: string): void {
  queryClient.setQueryData<PartyMessages>(partyKeys.messages(id), (page) => (page ? { items: page.items.filter((m) => m.id !== messageId) } : page));
}
