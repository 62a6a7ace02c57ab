/** How one call to a service ended, as counted (one count per request on the wire, retries included). */
export type CallOutcome = 'ok' | 'rate_limited' | 'error_5xx' | 'error_4xx' | 'timeout' | 'network_error' | 'invalid_body';

/**
 * Counts provider calls by endpoint template (`GET /v1/playlists/{id}/items`) and outcome, so the bench
 * and the conversion report can say how many calls a job made against the minimum it needed.
 */
export class ProviderCallCounter {
  private readonly counts = new Map<string, Map<CallOutcome, number>>();

  record(endpoint: string, outcome: CallOutcome): void {
    let byOutcome = this.counts.get(endpoint);
    if (!byOutcome) this.counts.set(endpoint, (byOutcome = new Map()));
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  }

  /** Count for one endpoint (all outcomes unless one is named). */
  count(endpoint: string, outcome?: CallOutcome): number {
    const byOutcome = this.counts.get(endpoint);
    if (!byOutcome) return 0;
    if (outcome) return byOutcome.get(outcome) ?? 0;
    let n = 0;
    for (const v of byOutcome.values()) n += v;
    return n;
  }

  /** Count over every endpoint (all outcomes unless one is named). */
  total(outcome?: CallOutcome): number {
    let n = 0;
    for (const endpoint of this.counts.keys()) n += this.count(endpoint, outcome);
    return n;
  }

  /** A plain copy, `{ endpoint: { outcome: n } }`, for reports and JSON. */
  snapshot(): Record<string, Partial<Record<CallOutcome, number>>> {
    const out: Record<string, Partial<Record<CallOutcome, number>>> = {};
    for (const [endpoint, byOutcome] of this.counts) out[endpoint] = Object.fromEntries(byOutcome);
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}
