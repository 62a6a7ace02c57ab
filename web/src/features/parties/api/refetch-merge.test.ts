import type { Party, PartyMessages } from '@muse/shared';
import { describe, expect, it } from 'vitest';
import { keepNewerMessages } from './get-party-messages';
import { keepNewerPlayback } from './get-party';

const playback = (version: number, trackId: string) => ({
  trackId,
  positionMs: 0,
  playing: true,
  updatedAt: 'x',
  version,
  controller: { id: '1', handle: 'h', displayName: 'H' },
});
const party = (version: number, trackId: string, participantCount = 2) =>
  ({ playback: playback(version, trackId), serverTime: `t${version}`, participantCount }) as unknown as Party;
const messages = (...ids: string[]): PartyMessages => ({
  items: ids.map((id) => ({ id, partyId: '9', author: { id: '1', handle: 'h', displayName: 'H' }, body: id, createdAt: 'x' })),
});

describe('refetches that cross live events', () => {
  it('when a refetch answers an older player state than a live event brought, then the newer state stays and the rest is taken', () => {
    const merged = keepNewerPlayback(party(5, '11', 2), party(4, '10', 3)) as Party;
    expect(merged.playback.version).toBe(5);
    expect(merged.playback.trackId).toBe('11');
    expect(merged.participantCount).toBe(3);
    expect((keepNewerPlayback(party(5, '11'), party(6, '12')) as Party).playback.trackId).toBe('12');
    expect((keepNewerPlayback(undefined, party(1, '10')) as Party).playback.trackId).toBe('10');
  });

  it('when live messages are newer than a refetch’s latest, then they stay after it; older ones follow the refetch (removals included)', () => {
    expect(keepNewerMessages(messages('1', '2', '12'), messages('1', '3'))).toEqual(messages('1', '3', '12'));
    expect(keepNewerMessages(messages('1', '2'), messages('1'))).toEqual(messages('1', '2'));
    expect(keepNewerMessages(messages('1', '2'), messages('2'))).toEqual(messages('2'));
    expect(keepNewerMessages(undefined, messages())).toEqual(messages());
  });
});
