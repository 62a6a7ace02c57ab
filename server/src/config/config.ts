import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

const urlList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url()));

/** Spotify accepts https redirect URIs, or http ones on a loopback IP literal (never the name localhost). */
function isSpotifyRedirect(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]'));
}

/** `kid:base64key,kid2:base64key`: 32-byte AES-256-GCM keys; the first encrypts, every one decrypts (rotation). */
const tokenKeys = z.string().transform((s, ctx) => {
  const keys: { id: string; key: Buffer }[] = [];
  for (const part of s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=_-]+)$/.exec(part);
    const key = m ? Buffer.from(m[2]!, 'base64') : null;
    if (!m || key?.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'each entry is kid:base64 of 32 random bytes (openssl rand -base64 32)' });
      return z.NEVER;
    }
    if (keys.some((k) => k.id === m[1])) {
      ctx.addIssue({ code: 'custom', message: `key id ${m[1]} appears twice` });
      return z.NEVER;
    }
    keys.push({ id: m[1]!, key });
  }
  if (!keys.length) {
    ctx.addIssue({ code: 'custom', message: 'needs at least one kid:key' });
    return z.NEVER;
  }
  return keys;
});

/** Every environment variable Muse reads, with defaults. `.env.example` documents each one. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z.union([bool, z.coerce.number().int().min(0)]).default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z.url().optional(),
  REDIS_URL: z.url().optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
    .default('muse:'),
  MONGO_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  LOCAL_PG_PORT: port.default(5432),
  LOCAL_REDIS_PORT: port.default(6379),

  // Blob store (album artwork, preview clips): local disk under DATA_DIR/blobs, or an S3-compatible bucket.
  SPOTIFY_CLIENT_ID: z.string().min(1).max(200).optional(),
  SPOTIFY_CLIENT_SECRET: z.string().min(1).max(200).optional(),
  SPOTIFY_REDIRECT_URL: z.url().refine(isSpotifyRedirect, 'must be https, or http on a loopback IP (127.0.0.1 or [::1]), not localhost').optional(),
  APPLE_TEAM_ID: z
    .string()
    .regex(/^[A-Z0-9]{10}$/, 'is 10 capital letters or digits')
    .optional(),
  APPLE_KEY_ID: z
    .string()
    .regex(/^[A-Z0-9]{10}$/, 'is 10 capital letters or digits')
    .optional(),
  APPLE_PRIVATE_KEY: z
    .string()
    .transform((s) => s.replace(/\\n/g, '\n').trim())
    .pipe(z.string().regex(/^-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----$/, 'is the PKCS#8 PEM of the .p8 file'))
    .optional(),
  APPLE_STOREFRONT: z
    .string()
    .regex(/^[a-z]{2}$/, 'is a two-letter storefront code such as us')
    .default('us'),
  TOKEN_ENCRYPTION_KEYS: tokenKeys.optional(),
  PROVIDER_SANDBOX: z.enum(['auto', 'on', 'off']).default('auto'),
  PROVIDER_SANDBOX_PORT: port.default(0),
  /** A sandbox another process runs (`npm run sandbox`): api and worker processes started apart must share one. */
  PROVIDER_SANDBOX_URL: z.url().optional(),
  /** How long one call to Spotify or Apple Music may wait out "too many requests" before it gives up (imports keep what they read). */
  PROVIDER_RATE_LIMIT_GIVE_UP_MS: z.coerce.number().int().min(0).default(120_000),
  BLOB_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** How long a track whose preview no service has (or whose fetch kept failing) is left alone before anyone asks again. */
  PREVIEW_UNAVAILABLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 60),
  PREVIEW_RATE_USER_MAX: z.coerce.number().int().min(1).default(600),
  /** A user's recommendations are refreshed after this many new ratings (between full rebuilds). */
  RECS_REFRESH_AFTER_RATINGS: z.coerce.number().int().min(1).max(1000).default(3),
  /** New albums in a user's top 10 after a refresh that bring a "new recommendations" notification. */
  RECS_NOTIFY_AFTER_NEW_ITEMS: z.coerce.number().int().min(1).max(10).default(3),
  /** How often the worker rebuilds every user's recommendations; 0 registers no schedule (rebuilds only when asked). */
  RECS_REBUILD_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(6 * 60),
  PREVIEW_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),

  /** Accounts younger than this many days count with TRUST_REDUCED_WEIGHT in weighted album scores. */
  TRUST_MIN_ACCOUNT_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  /** Accounts with fewer album ratings than this (before the one being written) count with TRUST_REDUCED_WEIGHT. */
  TRUST_MIN_RATINGS: z.coerce.number().int().min(0).max(10_000).default(5),
  /** The weight (0 to 1, kept to four decimals) of a rating from an account that is not established yet. */
  TRUST_REDUCED_WEIGHT: z.coerce
    .number()
    .min(0)
    .max(1)
    .transform((w) => Math.round(w * 10_000) / 10_000)
    .default(0.1),
  /** How far back the surge rule looks at an album's ratings. */
  TRUST_SURGE_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  /** A surge needs at least this many ratings from low-history accounts inside the window. */
  TRUST_SURGE_MIN_RATINGS: z.coerce.number().int().min(1).max(100_000).default(20),
  /** ... and at least this share (0 to 1) of the window's ratings from them. */
  TRUST_SURGE_SHARE: z.coerce.number().min(0).max(1).default(0.5),
  /** ... and their mean at least this many stars away from the stable weighted score. */
  TRUST_SURGE_SWING_STARS: z.coerce.number().min(0).max(4.5).default(1),
  /** Hide an album's aggregate (never anyone's own rating) until its release date. */
  TRUST_EMBARGO_BEFORE_RELEASE: bool.default(false),
  /** The "people with my taste" view counts raters whose compatibility with the viewer is at least this (0 to 100). */
  TRUST_TASTE_MIN_COMPATIBILITY: z.coerce.number().int().min(0).max(100).default(70),
  /** How often the worker gives full weight to accounts that became established; 0 registers no schedule. */
  TRUST_REWEIGH_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(60),

  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(60 * 24 * 7),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  COOKIE_SECURE: bool.optional(),
  CORS_ORIGINS: urlList.default([]),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i)
    .default('100kb'),

  LOGIN_RATE_IP_MAX: z.coerce.number().int().min(1).default(30),
  LOGIN_RATE_ACCOUNT_MAX: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 60),
  API_RATE_IP_MAX: z.coerce.number().int().min(1).default(600),
  API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  WRITE_RATE_USER_MAX: z.coerce.number().int().min(1).default(300),
  WRITE_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Chat messages one account may post to one listening party per window. */
  PARTY_CHAT_RATE_MAX: z.coerce.number().int().min(1).default(10),
  PARTY_CHAT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(10),

  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  JOB_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** How long a running job stays claimed without its worker renewing the claim; a killed worker's jobs resume after it. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  WORKER_HEARTBEAT_FILE: z.string().min(1).optional(),
  /** A conversion gives up (keeping its report) after waiting out rate limits this long in total. */
  CONVERSION_MAX_RATE_LIMIT_WAIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Most provider calls one conversion run may make (a 10,000-track playlist needs a few thousand at most). */
  CONVERSION_CALL_BUDGET: z.coerce.number().int().min(10).default(40_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(10000),
  /** Bearer token that opens `/metrics` on the api's port; unset, that path answers 404. */
  METRICS_TOKEN: z.string().min(16, 'is at least 16 characters (openssl rand -hex 32)').max(200).optional(),
  /** A separate admin port serving `/metrics` without a token (api and worker each need their own). */
  METRICS_PORT: port.optional(),
  /** Interface of the admin port: loopback unless a private network needs it (compose). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  WEB_DIST_DIR: z.string().optional(),
  SEED_DEMO_CATALOG: bool.default(true),
  ADMIN_HANDLES: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    )
    .default([]),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {}

/**
 * Validates an environment (process.env by default) into a typed Config.
 * Empty strings count as unset so that `.env` files with `FOO=` behave.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Whether cookies must carry Secure (and so the __Host- prefix). */
export function cookiesAreSecure(config: Config): boolean {
  if (config.COOKIE_SECURE !== undefined) return config.COOKIE_SECURE;
  return config.PUBLIC_URL?.startsWith('https://') ?? false;
}
