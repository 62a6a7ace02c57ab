import { z } from 'zod';

export type SandboxService = 'spotify' | 'apple';
export const SANDBOX_SERVICES: readonly SandboxService[] = ['spotify', 'apple'];

/** One service's fault settings; see the contract's "Sandbox knobs". */
export const KnobsSchema = z
  .object({
    service: z.enum(['spotify', 'apple']),
    throttle: z
      .union([
        z.object({ everyN: z.number().int().min(1).max(1_000_000), retryAfterSeconds: z.number().int().min(0).max(3600).default(1) }).strict(),
        z.object({ always: z.literal(true), retryAfterSeconds: z.number().int().min(0).max(3600).default(1) }).strict(),
      ])
      .nullable()
      .optional(),
    fail: z
      .object({
        status: z.union([z.literal(500), z.literal(502), z.literal(503)]),
        times: z.number().int().min(1).max(1_000_000),
        mode: z.enum(['status', 'timeout', 'truncated']).default('status'),
      })
      .strict()
      .nullable()
      .optional(),
    slowMs: z.number().int().min(0).max(60_000).nullable().optional(),
    devMode403: z.boolean().optional(),
    expireTokens: z.boolean().optional(),
  })
  .strict();

export type KnobsInput = z.input<typeof KnobsSchema>;

export interface ServiceKnobs {
  throttle: { everyN?: number; always?: true; retryAfterSeconds: number } | null;
  fail: { status: 500 | 502 | 503; remaining: number; mode: 'status' | 'timeout' | 'truncated' } | null;
  slowMs: number;
  devMode403: boolean;
  expireTokens: boolean;
  /** Calls seen while a throttle is set, to throttle every n-th. */
  throttleCounter: number;
}

function defaults(): ServiceKnobs {
  return { throttle: null, fail: null, slowMs: 0, devMode403: true, expireTokens: false, throttleCounter: 0 };
}

/** What a request should suffer, decided once per call. */
export type Fault = { kind: 'throttle'; retryAfterSeconds: number } | { kind: 'fail'; status: number; mode: 'status' | 'timeout' | 'truncated' } | null;

/**
 * The knobs of both services. Tests and demos turn faults on per service; every call of that
 * service then consumes them in order (a `fail` of 3 times fails the next three calls).
 */
export class SandboxKnobs {
  private readonly state: Record<SandboxService, ServiceKnobs> = { spotify: defaults(), apple: defaults() };

  /** Applies settings for one service; fields left out keep their value, `null` clears one. */
  set(input: KnobsInput): void {
    const parsed = KnobsSchema.parse(input);
    const s = this.state[parsed.service];
    if (parsed.throttle !== undefined) {
      s.throttle = parsed.throttle;
      s.throttleCounter = 0;
    }
    if (parsed.fail !== undefined) s.fail = parsed.fail && { status: parsed.fail.status, remaining: parsed.fail.times, mode: parsed.fail.mode };
    if (parsed.slowMs !== undefined) s.slowMs = parsed.slowMs ?? 0;
    if (parsed.devMode403 !== undefined) s.devMode403 = parsed.devMode403;
    if (parsed.expireTokens !== undefined) s.expireTokens = parsed.expireTokens;
  }

  /** Back to a healthy sandbox (development-mode 403s on, as for a new app). */
  reset(): void {
    this.state.spotify = defaults();
    this.state.apple = defaults();
  }

  get(service: SandboxService): Readonly<ServiceKnobs> {
    return this.state[service];
  }

  /** Decides the fault for one call and consumes it; throttling wins over failing. */
  nextFault(service: SandboxService): Fault {
    const s = this.state[service];
    if (s.throttle) {
      s.throttleCounter += 1;
      if (s.throttle.always || (s.throttle.everyN && s.throttleCounter % s.throttle.everyN === 0))
        return { kind: 'throttle', retryAfterSeconds: s.throttle.retryAfterSeconds };
    }
    if (s.fail && s.fail.remaining > 0) {
      s.fail.remaining -= 1;
      const fault: Fault = { kind: 'fail', status: s.fail.status, mode: s.fail.mode };
      if (s.fail.remaining === 0) s.fail = null;
      return fault;
    }
    return null;
  }

  /** A plain view for `GET /_sandbox/knobs`. */
  snapshot(): Record<SandboxService, Omit<ServiceKnobs, 'throttleCounter'>> {
    const view = (s: ServiceKnobs) => ({ throttle: s.throttle, fail: s.fail, slowMs: s.slowMs, devMode403: s.devMode403, expireTokens: s.expireTokens });
    return { spotify: view(this.state.spotify), apple: view(this.state.apple) };
  }
}

/** Counts calls per service and `METHOD /path/{template}`, for tests and the bench. */
export class CallCounter {
  private counts: Record<SandboxService, Record<string, number>> = { spotify: {}, apple: {} };

  record(service: SandboxService, key: string): void {
    const forService = this.counts[service];
    forService[key] = (forService[key] ?? 0) + 1;
  }

  snapshot(): Record<SandboxService, Record<string, number>> {
    return { spotify: { ...this.counts.spotify }, apple: { ...this.counts.apple } };
  }

  reset(): void {
    this.counts = { spotify: {}, apple: {} };
  }
}
