import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prefix of every metric Muse defines itself; Node's process metrics keep their usual names. */
export const METRIC_PREFIX = 'muse_';

/** Something holding Socket.IO connections: an api's server. */
export interface SocketSource {
  connectedSockets(): number;
}

export interface MetricsOptions {
  /**
   * Node's process metrics (RSS, CPU, heap, event-loop lag, GC). A process turns them on once:
   * their timers and GC observer live as long as the process.
   */
  processMetrics?: boolean;
}

/**
 * One process's Prometheus registry and the instruments code records into. Gauges read at scrape
 * time (pool, queues, sockets) are added by the collectors beside this module.
 */
export class MuseMetrics {
  readonly registry = new Registry();

  /** Answered HTTP requests by method, route template (never the raw path) and status. */
  readonly httpRequestDuration = new Histogram({
    name: `${METRIC_PREFIX}http_request_duration_seconds`,
    help: 'Time from the request arriving to its response ending, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Round trip of each non-blocking Redis command, from being sent to its reply. */
  readonly redisCommandDuration = new Histogram({
    name: `${METRIC_PREFIX}redis_command_duration_seconds`,
    help: 'Round trip of Redis commands (blocking reads excluded), by command.',
    labelNames: ['command'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [this.registry],
  });

  /** One observation per attempt a worker runs. */
  readonly jobDuration = new Histogram({
    name: `${METRIC_PREFIX}job_duration_seconds`,
    help: 'Time a job attempt ran in the worker, by queue, job name and outcome (completed or failed).',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    registers: [this.registry],
  });

  /** Socket.IO broadcasts the realtime dispatcher made (one per room emit, not per receiving socket). */
  readonly socketEventsEmitted = new Counter({
    name: `${METRIC_PREFIX}socketio_events_emitted_total`,
    help: 'Socket.IO events emitted to rooms, by event name.',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });

  /** Calls to Spotify and Apple Music as the provider HTTP layer counts them (each attempt on the wire). */
  readonly providerCalls = new Counter({
    name: `${METRIC_PREFIX}provider_calls_total`,
    help: 'Requests sent to music services, by provider, endpoint template and outcome.',
    labelNames: ['provider', 'endpoint', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly socketSources = new Set<SocketSource>();

  constructor(options: MetricsOptions = {}) {
    const sources = this.socketSources;
    new Gauge({
      name: `${METRIC_PREFIX}socketio_connected_sockets`,
      help: 'Socket.IO sockets connected to this process.',
      registers: [this.registry],
      collect() {
        let n = 0;
        for (const s of sources) n += s.connectedSockets();
        this.set(n);
      },
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Counts `source`'s sockets in `muse_socketio_connected_sockets` (read at scrape time, so it
   * cannot drift) until the returned function is called.
   */
  watchSockets(source: SocketSource): () => void {
    this.socketSources.add(source);
    return () => this.socketSources.delete(source);
  }

  /** The exposition text and its content type, as a scrape answers. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
