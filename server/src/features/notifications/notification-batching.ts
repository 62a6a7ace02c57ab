import type { NotificationType, UserSummary } from '@muse/shared';

/** How an event joins others of its kind ("Ana and 3 others liked your review"). */
export interface NotificationBatch {
  /** What the events are about, e.g. `review:42`; unread events of one type and subject share one notification. */
  subject: string;
  /** Who caused this event. */
  actor: UserSummary;
  /** The title for the people involved, who first: who = "Ana and 3 others" gives "Ana and 3 others liked…". */
  title: (who: string) => string;
}

/** A notification to create; with `batch` it may instead update an unread one of the same group. */
export interface NewNotification {
  userId: string;
  type: NotificationType;
  title: string;
  body: string;
  link?: string | null;
  data?: Record<string, unknown>;
  /** Makes creation idempotent per user: an event with a key already used notifies nobody. */
  dedupeKey?: string;
  /** Who caused it (a batch names its own): when their account is deleted, the notification goes too. */
  actorId?: string;
  batch?: NotificationBatch;
}

/** Fields a batched notification keeps in `data`. */
export interface BatchData {
  /** The latest actors, newest first (what the bell shows). */
  actors: UserSummary[];
  /** Distinct actor ids, newest first, capped; counts people once however often they act. */
  actorIds: string[];
  /** Distinct people involved (exact up to the cap, then it grows with every event). */
  actorCount: number;
  /** Events merged into this notification. */
  count: number;
  /** The title after `who`, so the database can rewrite it when an actor's account is deleted. */
  titleRest?: string;
}

export const SHOWN_ACTORS = 3;
const MAX_ACTOR_IDS = 200;

/** "Ana", "Ana and Ben", "Ana and 3 others": the latest actor first. */
export function whoPhrase(actors: UserSummary[], actorCount: number): string {
  const [first, second] = actors;
  if (!first) return 'Someone';
  if (actorCount <= 1) return first.displayName;
  if (actorCount === 2 && second) return `${first.displayName} and ${second.displayName}`;
  return `${first.displayName} and ${actorCount - 1} ${actorCount - 1 === 1 ? 'other' : 'others'}`;
}

/** Reads the batch fields of a stored notification's data, tolerating rows made before batching. */
export function readBatchData(data: Record<string, unknown> | null | undefined): BatchData | null {
  if (!data || !Array.isArray(data.actors)) return null;
  const actors = (data.actors as UserSummary[]).filter((a) => a && typeof a.id === 'string');
  const actorIds = Array.isArray(data.actorIds) ? (data.actorIds as unknown[]).map(String) : actors.map((a) => a.id);
  const count = Number(data.count);
  const actorCount = Number(data.actorCount);
  return {
    actors,
    actorIds,
    count: Number.isInteger(count) && count > 0 ? count : 1,
    actorCount: Number.isInteger(actorCount) && actorCount > 0 ? actorCount : Math.max(1, actorIds.length),
  };
}

/** The part of a batch's title that follows `who`, when its title puts who first. */
function titleRest(batch: NotificationBatch): string | undefined {
  const rest = batch.title('');
  return batch.title('Someone') === `Someone${rest}` ? rest : undefined;
}

/** The stored content of the first event of a batch. */
export function startBatch(n: NewNotification & { batch: NotificationBatch }) {
  const batch: BatchData = { actors: [n.batch.actor], actorIds: [n.batch.actor.id], actorCount: 1, count: 1, titleRest: titleRest(n.batch) };
  return { title: n.batch.title(whoPhrase(batch.actors, 1)), body: n.body, link: n.link ?? null, data: { ...n.data, ...batch } };
}

/**
 * The content of a batched notification after one more event: the newest actor first, each
 * person counted once, the title recomputed; body, link and data follow the newest event.
 */
export function mergeBatch(existing: Record<string, unknown>, n: NewNotification & { batch: NotificationBatch }) {
  const before = readBatchData(existing) ?? { actors: [], actorIds: [], actorCount: 0, count: 0 };
  const actor = n.batch.actor;
  const known = before.actorIds.includes(actor.id);
  const batch: BatchData = {
    actors: [actor, ...before.actors.filter((a) => a.id !== actor.id)].slice(0, SHOWN_ACTORS),
    actorIds: [actor.id, ...before.actorIds.filter((id) => id !== actor.id)].slice(0, MAX_ACTOR_IDS),
    actorCount: known ? before.actorCount : before.actorCount + 1,
    count: before.count + 1,
    titleRest: titleRest(n.batch),
  };
  return { title: n.batch.title(whoPhrase(batch.actors, batch.actorCount)), body: n.body, link: n.link ?? null, data: { ...n.data, ...batch } };
}
