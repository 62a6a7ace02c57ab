import { ProviderError, type ProviderErrorKind } from './music-provider.port';
import { ProviderCallCounter, type CallOutcome } from './provider-call-counter';
import { type ProviderClock, realClock, type RequestPacer, TokenBucket } from './token-bucket';

/** Tuning of one connection's HTTP layer; the defaults suit both services' published limits. */
export interface ProviderHttpOptions {
  /** Service root every `path` is relative to, e.g. `https://api.spotify.com/v1` or the sandbox's. */
  baseUrl: string;
  /** Per request (headers and body), default 10 s. */
  timeoutMs?: number;
  /** Longest total time one call may spend waiting out 429s before it fails with `rate_limited` (default 2 min). */
  maxRateLimitWaitMs?: number;
  /** Steady request rate of the connection (default 10/s) and its burst (default the rate). */
  requestsPerSecond?: number;
  burst?: number;
  /**
   * The connection's pacer, shared by every provider acting on it (`ConnectionPacers`); when omitted
   * this instance paces itself with a bucket of its own at `requestsPerSecond`.
   */
  pacer?: RequestPacer;
  /** Attempts for 5xx, network errors, timeouts and unreadable JSON (default 4), backoff from `backoffBaseMs` (250) up to `backoffMaxMs` (8 s). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  counter?: ProviderCallCounter;
  /** Told of each call as it is counted (the process's metrics), whichever counter this user of the layer brought. */
  onCall?: (endpoint: string, outcome: CallOutcome) => void;
  /** Headers added to every request (read per attempt, so a refreshed token is used at once). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Called on the first 401 of a call; true means new credentials are in place and the call is retried once. */
  onUnauthorized?: () => Promise<boolean>;
  /**
   * Told of each 429 the layer is about to wait out (a job shows the wait's end to the user). A
   * throw from it ends the call with that error instead of waiting (a job's bounded total wait).
   */
  onRateLimited?: (wait: RateLimitWait) => void;
  clock?: ProviderClock;
  random?: () => number;
  fetch?: typeof fetch;
}

/** A 429 being waited out: which endpoint, for how long, and until when. */
export interface RateLimitWait {
  endpoint: string;
  retryAfterSeconds: number;
  until: Date;
}

/** One call: `endpoint` is the template it is counted under, e.g. `GET /v1/playlists/{id}/items`. */
export interface ProviderRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  endpoint: string;
  query?: Record<string, string | number | undefined | null>;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface ProviderResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** A connection's default pace: under both services' published limits. */
export const DEFAULT_REQUESTS_PER_SECOND = 10;

/**
 * The one way Muse calls a music service: paced by a token bucket, bounded by a timeout, retrying what
 * is worth retrying (429 after Retry-After, 5xx/network/timeout/garbled JSON with backoff and full
 * jitter, one refresh on 401) and failing with a `ProviderError` otherwise. Instances are cheap (one per
 * use of a connection); what must be shared per connection, the pacing, comes in as `pacer`.
 */
export class ProviderHttp {
  readonly counter: ProviderCallCounter;
  readonly baseUrl: string;
  private readonly pacer: RequestPacer;
  private readonly clock: ProviderClock;
  private readonly o: Required<Pick<ProviderHttpOptions, 'timeoutMs' | 'maxRateLimitWaitMs' | 'maxAttempts' | 'backoffBaseMs' | 'backoffMaxMs'>>;

  constructor(private readonly options: ProviderHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.counter = options.counter ?? new ProviderCallCounter();
    this.clock = options.clock ?? realClock;
    const rate = options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND;
    this.pacer = options.pacer ?? new TokenBucket(rate, options.burst ?? Math.max(1, rate), this.clock);
    this.o = {
      timeoutMs: options.timeoutMs ?? 10_000,
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 120_000,
      maxAttempts: Math.max(1, options.maxAttempts ?? 4),
      backoffBaseMs: options.backoffBaseMs ?? 250,
      backoffMaxMs: options.backoffMaxMs ?? 8_000,
    };
  }

  /** The one place a call is counted: the caller's counter and the process's metrics see the same calls. */
  private record(endpoint: string, outcome: CallOutcome): void {
    this.counter.record(endpoint, outcome);
    this.options.onCall?.(endpoint, outcome);
  }

  /** Sends a request and parses its JSON answer (an empty body gives `null`). */
  async json<T = unknown>(req: ProviderRequest): Promise<ProviderResponse<T>> {
    let attempt = 0;
    let refreshed = false;
    let rateLimitWaitedMs = 0;
    for (;;) {
      attempt++;
      await this.pacer.take();
      const sent = await this.send(req);
      const retryable = (kind: ProviderErrorKind, message: string, outcome: CallOutcome, status: number, cause?: unknown): ProviderError | null => {
        this.record(req.endpoint, outcome);
        if (attempt < this.o.maxAttempts) return null;
        return new ProviderError(kind, `${req.endpoint}: ${message} after ${attempt} attempts`, { status, endpoint: req.endpoint, cause });
      };

      if ('error' in sent) {
        const err = retryable('unavailable', sent.timedOut ? 'timed out' : 'no answer', sent.timedOut ? 'timeout' : 'network_error', 0, sent.error);
        if (err) throw err;
        await this.backoff(attempt);
        continue;
      }

      const { res, text } = sent;
      if (res.status === 429) {
        this.record(req.endpoint, 'rate_limited');
        const seconds = parseRetryAfter(res.headers.get('retry-after'), this.clock.now());
        if (rateLimitWaitedMs + seconds * 1000 > this.o.maxRateLimitWaitMs) {
          throw new ProviderError('rate_limited', `${req.endpoint}: still rate limited after waiting ${Math.round(rateLimitWaitedMs / 1000)} s`, {
            status: 429,
            endpoint: req.endpoint,
            retryAfterSeconds: seconds,
          });
        }
        this.options.onRateLimited?.({ endpoint: req.endpoint, retryAfterSeconds: seconds, until: new Date(this.clock.now() + seconds * 1000) });
        rateLimitWaitedMs += seconds * 1000;
        await this.pacer.pauseFor(seconds * 1000);
        attempt--; // waiting out a 429 is not a failed attempt
        continue;
      }
      if (res.status >= 500) {
        const err = retryable('unavailable', `answered ${res.status}`, 'error_5xx', res.status);
        if (err) throw err;
        await this.backoff(attempt);
        continue;
      }
      if (res.status === 401 && !refreshed && this.options.onUnauthorized) {
        this.record(req.endpoint, 'error_4xx');
        refreshed = true;
        if (await this.options.onUnauthorized()) {
          attempt--;
          continue;
        }
        throw this.clientError(req, res.status, text);
      }
      if (res.status >= 300) {
        // Redirects are not followed (a service API does not send them; following could leak the bearer token elsewhere).
        this.record(req.endpoint, 'error_4xx');
        throw this.clientError(req, res.status, text);
      }

      let body: T;
      try {
        body = (text === '' ? null : JSON.parse(text)) as T;
      } catch (cause) {
        const err = retryable('bad_response', 'answered with unreadable JSON', 'invalid_body', res.status, cause);
        if (err) throw err;
        await this.backoff(attempt);
        continue;
      }
      this.record(req.endpoint, 'ok');
      return { status: res.status, body, headers: res.headers };
    }
  }

  private async send(req: ProviderRequest): Promise<{ res: Response; text: string } | { error: unknown; timedOut: boolean }> {
    const url = new URL(/^https?:\/\//.test(req.path) ? req.path : this.baseUrl + req.path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...(await this.options.headers?.()), ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
    try {
      const res = await (this.options.fetch ?? fetch)(url, { method: req.method, headers, body, signal: controller.signal, redirect: 'manual' });
      const text = await res.text();
      return { res, text };
    } catch (error) {
      return { error, timedOut: controller.signal.aborted };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Full jitter: a random wait between 0 and the capped exponential step, so many clients do not retry in step. */
  private backoff(attempt: number): Promise<void> {
    const cap = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** (attempt - 1));
    return this.clock.sleep(Math.floor((this.options.random ?? Math.random)() * cap));
  }

  private clientError(req: ProviderRequest, status: number, text: string): ProviderError {
    const kind: ProviderErrorKind = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'bad_response';
    return new ProviderError(kind, `${req.endpoint}: answered ${status}${describeErrorBody(text)}`, { status, endpoint: req.endpoint });
  }
}

/** Retry-After is seconds (both services) or an HTTP date; missing or unreadable means a short default. */
export function parseRetryAfter(value: string | null, now: number): number {
  if (value === null || value.trim() === '') return DEFAULT_RETRY_AFTER_SECONDS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The service's own message (Spotify `{error:{message}}`, Apple `{errors:[{detail}]}`), short, for logs and reports. */
function describeErrorBody(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; error_description?: unknown; errors?: { detail?: unknown; title?: unknown }[] };
    const message =
      (typeof body.error === 'object' && body.error?.message) ||
      body.error_description ||
      (typeof body.error === 'string' && body.error) ||
      body.errors?.[0]?.detail ||
      body.errors?.[0]?.title;
    return typeof message === 'string' ? ` (${message.slice(0, 200)})` : '';
  } catch {
    return '';
  }
}
