import { waitFor } from '../../testing/wait-for';
import { PresenceBatch, type PresenceChanges } from './party-presence-batch';

describe('PresenceBatch', () => {
  it('when a crowd joins and someone leaves within one window, then the room gets one change per party with each person’s latest move', async () => {
    const flushed: [string, PresenceChanges][] = [];
    const batch = new PresenceBatch(50, async (partyId, changes) => {
      flushed.push([partyId, changes]);
    });
    for (let i = 1; i <= 100; i++) batch.note('7', String(i), true);
    batch.note('7', '5', false);
    batch.note('8', '1', true);
    await waitFor('both parties flushed', () => flushed.length === 2);
    const seven = flushed.find(([id]) => id === '7')![1];
    expect(seven.joined).toHaveLength(99);
    expect(seven.joined).not.toContain('5');
    expect(seven.left).toEqual(['5']);
    expect(flushed.find(([id]) => id === '8')![1]).toEqual({ joined: ['1'], left: [] });
    // A later move starts a new window.
    batch.note('7', '5', true);
    await waitFor('the next window', () => flushed.length === 3);
    expect(flushed[2]).toEqual(['7', { joined: ['5'], left: [] }]);
  });
});
