import type { TrackDecision } from './conversion-decision';
import type { SourceItem } from './conversion-source';
import type { Counterpart, CounterpartScope, CounterpartVerdict, TrackCounterpartsRepo } from './track-counterparts.repo';

/** What earlier conversions decided, for the tracks of one conversion's pages. */
export interface CounterpartMemory {
  /** Trusted verdicts for the items that carry an id on the scope's source service. */
  known(items: SourceItem[]): Promise<Map<SourceItem, Counterpart>>;
  /** Keeps the service's own verdicts: a match, or nothing acceptable; never a rule, a fix or a track left for review. */
  remember(decided: Array<{ item: SourceItem; decision: TrackDecision }>): Promise<void>;
}

/** The memory of one source service → target service pair in one region. */
export function counterpartMemory(repo: TrackCounterpartsRepo, scope: CounterpartScope): CounterpartMemory {
  const idOf = (item: SourceItem) => item.serviceIds[scope.sourceService];
  return {
    async known(items) {
      const byId = new Map<string, SourceItem[]>();
      for (const item of items) {
        const id = idOf(item);
        if (id) byId.set(id, [...(byId.get(id) ?? []), item]);
      }
      const found = await repo.known(scope, [...byId.keys()]);
      const out = new Map<SourceItem, Counterpart>();
      for (const [id, counterpart] of found) for (const item of byId.get(id) ?? []) out.set(item, counterpart);
      return out;
    },
    async remember(decided) {
      const verdicts = decided.flatMap(({ item, decision: d }): CounterpartVerdict[] => {
        const sourceId = idOf(item);
        if (!sourceId) return [];
        if (d.outcome === 'matched' && d.chosen && (d.method === 'isrc' || d.method === 'search'))
          return [{ sourceId, target: d.chosen, method: d.method, confidence: d.confidence }];
        // Nothing acceptable among what the ISRC and the searches found (no method: they found nothing at all).
        if (d.outcome === 'not_found' && (d.method === 'isrc' || d.method === 'search' || d.method === null))
          return [{ sourceId, target: null, method: d.method ?? 'search', confidence: null }];
        return [];
      });
      await repo.remember(scope, verdicts);
    },
  };
}
