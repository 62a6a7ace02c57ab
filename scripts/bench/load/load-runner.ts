import autocannon, { type AutocannonRequest } from 'autocannon';

/** One HTTP request of a scenario. */
export interface RequestSpec {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** What the request is for (a route template), handed back with its answer to `onAnswer`. */
  route?: string;
}

/** One load phase against one server. */
export interface LoadOptions {
  baseUrl: string;
  durationSeconds: number;
  /** Open connections in all. */
  connections: number;
  /** Requests per second to offer, or null to send as fast as the server answers. */
  rate: number | null;
  nextRequest(): RequestSpec;
  /** Called with every answer: the request it answers, its status and latency (per-route figures). */
  onAnswer?(spec: RequestSpec, status: number, latencyMs: number): void;
}

/** What a phase measured; latencies are of every answer, errors included. */
export interface LoadResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, timeouts and connection errors. */
  errors: number;
  statusCodes: Record<string, number>;
}

/**
 * autocannon's fixed rate lets each connection spend its share of a second back to back at the
 * start of that second, so one instance offers the whole second's load in one burst. The rate is
 * split over this many instances started evenly across the second, which spreads the bursts.
 */
const MAX_LANES = 20;
const REQUEST_TIMEOUT_SECONDS = 10;

/** Value at quantile q (0..1) of ascending `sorted`, nearest-rank. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

interface Lane {
  rate: number | null;
  connections: number;
  delayMs: number;
}

function planLanes(options: LoadOptions): Lane[] {
  if (options.rate === null) return [{ rate: null, connections: options.connections, delayMs: 0 }];
  const count = Math.max(1, Math.min(MAX_LANES, options.rate, options.connections));
  return Array.from({ length: count }, (_, i) => ({
    rate: Math.floor(options.rate! / count) + (i < options.rate! % count ? 1 : 0),
    connections: Math.floor(options.connections / count) + (i < options.connections % count ? 1 : 0),
    delayMs: Math.round((i * 1000) / count),
  }));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives `baseUrl` for about `durationSeconds` and measures every answer itself: autocannon's
 * own latency histogram "corrects" fixed-rate runs by inventing samples, which would blur p99.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  // autocannon's defaults carry the host and port; the scenario supplies the rest.
  const setupRequest = (defaults: AutocannonRequest, context: Record<string, unknown>): AutocannonRequest => {
    const spec = options.nextRequest();
    // Each connection has one request in flight, so its context names the one being answered.
    context.spec = spec;
    const { route: _route, ...request } = spec;
    return { ...defaults, ...request, headers: { ...defaults.headers, ...spec.headers } };
  };
  // autocannon calls onResponse and then emits 'response' for the same answer, synchronously.
  let answering: RequestSpec | null = null;
  const onResponse = (_status: number, _body: string, context: Record<string, unknown>) => {
    answering = context.spec as RequestSpec;
  };
  let rps = 0;
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const lanes = planLanes(options);

  await Promise.all(
    lanes.map(async (lane) => {
      await delay(lane.delayMs);
      const instance = autocannon({
        url: options.baseUrl,
        duration: options.durationSeconds,
        connections: lane.connections,
        ...(lane.rate === null ? {} : { overallRate: lane.rate, ignoreCoordinatedOmission: true }),
        timeout: REQUEST_TIMEOUT_SECONDS,
        requests: [options.onAnswer ? { setupRequest, onResponse } : { setupRequest }],
      });
      let answered = 0;
      instance.on('response', (_client: unknown, status: number, _bytes: number, responseTimeMs: number) => {
        answered++;
        latencies.push(responseTimeMs);
        if (answering && options.onAnswer) options.onAnswer(answering, status, responseTimeMs);
        answering = null;
      });
      const result = await instance;
      rps += answered / result.duration;
      errors += result.non2xx + result.errors;
      for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }),
  );

  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    rps,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    errors,
    statusCodes,
  };
}
