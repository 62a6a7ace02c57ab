import type { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { randomToken } from '../lib/ids';
import type { Logger } from '../lib/logger';

/** What happened, as api and worker processes tell the real-time tier. Ids, not objects. */
export type DomainEvent =
  | { type: 'notification.created'; userId: string; notificationId: string }
  | { type: 'notifications.read'; userId: string }
  | { type: 'sessions.revoked'; userId: string; sessionHashes: string[] }
  | { type: 'album.stats_changed'; albumId: string }
  | { type: 'import.progress'; userId: string; importId: string }
  | { type: 'conversion.progress'; userId: string; conversionId: string }
  | { type: 'service-import.progress'; userId: string; importId: string }
  /** A feed activity was fanned out; `userIds` are (some of) the actor's followers. */
  | { type: 'feed.activity'; activityId: string; userIds: string[] }
  /** A listening party's shared player or its controller changed. */
  | { type: 'party.playback'; partyId: string }
  | { type: 'party.message'; partyId: string; messageId: string }
  | { type: 'party.message_removed'; partyId: string; messageId: string }
  | { type: 'party.rating'; partyId: string; trackId: string }
  | { type: 'party.presence'; partyId: string; userId: string; present: boolean }
  | { type: 'party.status'; partyId: string; status: 'live' | 'ended' }
  /** These people's notifications were removed or rewritten (an actor's account went): their bells read again. */
  | { type: 'notifications.changed'; userIds: string[] }
  /** Someone may no longer see a party: their sockets leave its room. */
  | { type: 'party.access_lost'; partyId: string; userId: string };

const STREAM_MAX_LENGTH = 100_000;

export function domainEventStreamKey(prefix: string): string {
  return `${prefix}domain-events`;
}

/** Appends domain events to a Redis stream that every process can write to. */
export class DomainEventPublisher {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async publish(event: DomainEvent): Promise<void> {
    await this.redis.xadd(domainEventStreamKey(this.prefix), 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'event', JSON.stringify(event));
  }
}

export type DomainEventHandler = (event: DomainEvent) => Promise<void>;

const GROUP = 'realtime';
const CLAIM_IDLE_MS = 30_000;
const BLOCK_MS = 500;
/** A consumer that has not read for this long (ten reads' worth) is not consuming. */
export const DOMAIN_EVENTS_STALE_AFTER_MS = 10 * BLOCK_MS;

function isMissingGroup(err: unknown): boolean {
  return String((err as Error)?.message).startsWith('NOGROUP');
}

/**
 * Reads the domain-event stream as one member of the `realtime` consumer group, so each event
 * is handled by exactly one api node (which then emits through the Socket.IO adapter to every
 * node). Entries left unacknowledged by a dead node are claimed after 30 s. When Redis lost the
 * group (a restart without persistence, a flush), the group is created again and reading resumes.
 */
export class DomainEventConsumer {
  private running = false;
  private loop?: Promise<void>;
  private readonly consumer = `${hostname()}-${process.pid}-${randomToken(4)}`;
  private readonly key: string;
  private lastReadAt = 0;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly handle: DomainEventHandler,
    private readonly logger: Logger,
  ) {
    this.key = domainEventStreamKey(prefix);
  }

  async start(): Promise<void> {
    await this.createGroup('$');
    this.lastReadAt = Date.now();
    this.running = true;
    this.loop = this.run();
  }

  /** Rejects unless the consumer is running and has read the stream within DOMAIN_EVENTS_STALE_AFTER_MS. */
  async assertConsuming(): Promise<void> {
    if (!this.running) throw new Error('the domain-event consumer is stopped');
    const idleMs = Date.now() - this.lastReadAt;
    if (idleMs > DOMAIN_EVENTS_STALE_AFTER_MS) throw new Error(`the domain-event consumer has not read for ${idleMs} ms`);
  }

  /** After Redis lost the group: true once it exists again. */
  private async recreateGroup(): Promise<boolean> {
    this.logger.warn('the domain event group is gone (Redis restarted or was flushed); creating it again');
    try {
      // Whatever a stream without our group holds was appended after Redis lost it: read it all.
      await this.createGroup('0');
      return true;
    } catch (err) {
      this.logger.error({ err }, 'could not create the domain event group again');
      return false;
    }
  }

  /** Creates the group (and the stream) unless another node already did. */
  private async createGroup(from: '$' | '0'): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.key, GROUP, from, 'MKSTREAM');
    } catch (err) {
      if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.redis.xgroup('DELCONSUMER', this.key, GROUP, this.consumer).catch(() => undefined);
  }

  private async run(): Promise<void> {
    let lastClaim = 0;
    while (this.running) {
      try {
        if (Date.now() - lastClaim > CLAIM_IDLE_MS / 2) {
          lastClaim = Date.now();
          await this.claimAbandoned();
        }
        const result = (await this.redis.xreadgroup('GROUP', GROUP, this.consumer, 'COUNT', 100, 'BLOCK', BLOCK_MS, 'STREAMS', this.key, '>')) as
          [string, [string, string[]][]][] | null;
        this.lastReadAt = Date.now();
        for (const [, entries] of result ?? []) await this.process(entries);
      } catch (err) {
        if (!this.running) break;
        if (isMissingGroup(err) && (await this.recreateGroup())) continue;
        this.logger.error({ err }, 'domain event loop failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async claimAbandoned(): Promise<void> {
    const [, entries] = (await this.redis.xautoclaim(this.key, GROUP, this.consumer, CLAIM_IDLE_MS, '0-0', 'COUNT', 100)) as [string, [string, string[]][]];
    if (entries.length) await this.process(entries.filter(([, fields]) => fields !== null));
  }

  private async process(entries: [string, string[]][]): Promise<void> {
    for (const [id, fields] of entries) {
      const raw = fields[fields.indexOf('event') + 1];
      try {
        if (raw) await this.handle(JSON.parse(raw) as DomainEvent);
      } catch (err) {
        // One bad event must not stall the stream: log it and move on.
        this.logger.error({ err, id }, 'domain event handler failed');
      }
      await this.redis.xack(this.key, GROUP, id);
      this.lastReadAt = Date.now();
    }
  }
}
