/** Who came and went in one party since the last emit. */
export interface PresenceChanges {
  joined: string[];
  left: string[];
}

/**
 * Gathers a party's joins and leaves for `windowMs` and hands them over once per window, so a
 * crowd arriving together (a thousand people at a release) costs the room one presence emit per
 * window instead of one per person, each sent to everyone already in it. A person who came and
 * went within one window counts by their latest move.
 */
export class PresenceBatch {
  private readonly pending = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly windowMs: number,
    private readonly flush: (partyId: string, changes: PresenceChanges) => Promise<void>,
  ) {}

  note(partyId: string, userId: string, present: boolean): void {
    let moves = this.pending.get(partyId);
    if (!moves) {
      moves = new Map();
      this.pending.set(partyId, moves);
      const timer = setTimeout(() => {
        this.pending.delete(partyId);
        const entries = [...moves!];
        void this.flush(partyId, { joined: entries.filter(([, p]) => p).map(([id]) => id), left: entries.filter(([, p]) => !p).map(([id]) => id) });
      }, this.windowMs);
      timer.unref();
    }
    moves.set(userId, present);
  }
}
