import { z } from 'zod';
import { HandleSchema } from './auth.schemas';
import { IdSchema } from './catalog.schemas';
import { StarsSchema } from './stars.schemas';
import { userText } from './text.schemas';
import { PARTY_LIMITS } from './limits';

/** Public parties are seen and joined by any signed-in listener; private ones by invitees only. */
export const PartyVisibilitySchema = z.enum(['public', 'private']);
export type PartyVisibility = z.infer<typeof PartyVisibilitySchema>;

export const PartyStatusSchema = z.enum(['scheduled', 'live', 'ended']);
export type PartyStatus = z.infer<typeof PartyStatusSchema>;

export const PartyIdParamsSchema = z.object({ id: IdSchema });
export const PartyTrackParamsSchema = z.object({ id: IdSchema, trackId: IdSchema });
export const PartyMessageParamsSchema = z.object({ id: IdSchema, messageId: IdSchema });
export const PartyInviteeParamsSchema = z.object({ id: IdSchema, userId: IdSchema });

/** POST /api/parties: a party on an album, now (no `scheduledFor`) or at a time within 60 days. */
export const PartyCreateSchema = z.object({
  albumId: IdSchema,
  visibility: PartyVisibilitySchema.default('public'),
  scheduledFor: z.iso
    .datetime({ offset: true, error: 'scheduledFor must be an ISO date-time' })
    .refine((s) => Date.parse(s) > Date.now(), 'scheduledFor must be in the future')
    .refine((s) => Date.parse(s) < Date.now() + PARTY_LIMITS.scheduleDays * 86_400_000, `scheduledFor must be within ${PARTY_LIMITS.scheduleDays} days`)
    .optional(),
  /** Handles invited (a private party's only guests; a public party's invitees are notified too). */
  invite: z
    .array(HandleSchema)
    .max(PARTY_LIMITS.invites, `At most ${PARTY_LIMITS.invites} invitations`)
    .refine((list) => new Set(list.map((h) => h.toLowerCase())).size === list.length, 'Each handle only once')
    .default([]),
});
export type PartyCreateInput = z.infer<typeof PartyCreateSchema>;

/** PUT /api/parties/:id/playback: what the one in control plays, where, and whether it plays. */
export const PartyPlaybackInputSchema = z.object({
  trackId: IdSchema,
  positionMs: z.number().int('positionMs must be whole milliseconds').min(0).max(PARTY_LIMITS.maxPositionMs),
  playing: z.boolean(),
});
export type PartyPlaybackInput = z.infer<typeof PartyPlaybackInputSchema>;

/** PUT /api/parties/:id/controller: hand control to a participant who is in the room. */
export const PartyControllerInputSchema = z.object({ handle: HandleSchema });
export type PartyControllerInput = z.infer<typeof PartyControllerInputSchema>;

export const PartyMessageInputSchema = z.object({
  body: userText('Message').trim().min(1, 'Write something').max(PARTY_LIMITS.message, `At most ${PARTY_LIMITS.message} characters`),
});
export type PartyMessageInput = z.infer<typeof PartyMessageInputSchema>;

export const PartyReportInputSchema = z.object({
  reason: userText('Reason').trim().min(1, 'Say what is wrong').max(1000, 'At most 1,000 characters'),
});
export type PartyReportInput = z.infer<typeof PartyReportInputSchema>;

export const PartyRatingInputSchema = z.object({ rating: StarsSchema });
export type PartyRatingInput = z.infer<typeof PartyRatingInputSchema>;

export const PartyPersonSchema = z.object({ id: z.string(), handle: z.string(), displayName: z.string() });
export type PartyPerson = z.infer<typeof PartyPersonSchema>;
const PersonSchema = PartyPersonSchema;

/**
 * Where the party's player stands: `positionMs` at `updatedAt` (server time). A listener's
 * position now is `positionMs + (now - updatedAt)` while playing, `positionMs` while paused;
 * `serverTime` lets a client correct for its own clock.
 */
export const PartyPlaybackSchema = z.object({
  trackId: z.string().nullable(),
  positionMs: z.number().int(),
  playing: z.boolean(),
  updatedAt: z.string(),
  /** Grows with every change, so a client ignores a late, older state. */
  version: z.number().int(),
  controller: PersonSchema,
});
export type PartyPlayback = z.infer<typeof PartyPlaybackSchema>;

/** One track's live party rating: the mean of the participants' ratings (stars) and how many. */
export const PartyTrackRatingSchema = z.object({ trackId: z.string(), average: z.number().nullable(), count: z.number().int() });
export type PartyTrackRating = z.infer<typeof PartyTrackRatingSchema>;

export const PartyTrackSchema = z.object({ id: z.string(), title: z.string(), position: z.number().int(), durationMs: z.number().int().nullable() });

export const PartySchema = z.object({
  id: z.string(),
  status: PartyStatusSchema,
  visibility: PartyVisibilitySchema,
  host: PersonSchema,
  album: z.object({ id: z.string(), title: z.string(), artist: z.string(), coverUrl: z.string().nullable() }),
  tracks: z.array(PartyTrackSchema),
  scheduledFor: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  playback: PartyPlaybackSchema,
  /** People in the room now (blocked people left out for the viewer), and how many. */
  participants: z.array(PersonSchema),
  participantCount: z.number().int(),
  ratings: z.array(PartyTrackRatingSchema),
  /** The viewer's own party ratings by track id (stars). */
  myRatings: z.record(z.string(), z.number()),
  viewer: z.object({ joined: z.boolean(), isHost: z.boolean(), inControl: z.boolean(), canModerate: z.boolean() }),
  serverTime: z.string(),
});
export type Party = z.infer<typeof PartySchema>;

export const PartyMessageSchema = z.object({
  id: z.string(),
  partyId: z.string(),
  author: PersonSchema,
  body: z.string(),
  createdAt: z.string(),
});
export type PartyMessage = z.infer<typeof PartyMessageSchema>;

export const PartyMessagesSchema = z.object({ items: z.array(PartyMessageSchema) });
export type PartyMessages = z.infer<typeof PartyMessagesSchema>;

/**
 * When a party ends: who came, each track's party rating, the album's party average (the mean
 * of the rated tracks' party averages, each track counting once) and where to log the album.
 */
export const PartySummarySchema = z.object({
  partyId: z.string(),
  album: z.object({ id: z.string(), title: z.string(), artist: z.string() }),
  attendees: z.array(PersonSchema),
  attendeeCount: z.number().int(),
  tracks: z.array(z.object({ trackId: z.string(), title: z.string(), position: z.number().int(), average: z.number().nullable(), count: z.number().int() })),
  albumAverage: z.number().nullable(),
  logLink: z.string(),
  endedAt: z.string(),
});
export type PartySummary = z.infer<typeof PartySummarySchema>;

/** Room of one party's live events (`party:<id>`); a socket enters it through `party:watch`. */
export const partyRoom = (partyId: string): string => `party:${partyId}`;

/** Why a party is in the viewer's list: they host it, were invited, follow the host, or it is a public party live now. */
export const PartyListReasonSchema = z.enum(['hosting', 'invited', 'following', 'public']);
export type PartyListReason = z.infer<typeof PartyListReasonSchema>;

/** A party as the parties page lists it. */
export const PartyListItemSchema = z.object({
  id: z.string(),
  status: PartyStatusSchema,
  visibility: PartyVisibilitySchema,
  host: PersonSchema,
  album: z.object({ id: z.string(), title: z.string(), artist: z.string(), coverUrl: z.string().nullable() }),
  scheduledFor: z.string().nullable(),
  startedAt: z.string().nullable(),
  /** People in the room now. */
  participantCount: z.number().int(),
  reason: PartyListReasonSchema,
});
export type PartyListItem = z.infer<typeof PartyListItemSchema>;

/**
 * GET /api/parties: what is on for the viewer. `live`: every live party they may see, theirs,
 * their invitations and their followees' first, then the busiest. `upcoming`: scheduled parties
 * they host, are invited to, or whose host they follow, soonest first.
 */
export const PartyListSchema = z.object({ live: z.array(PartyListItemSchema), upcoming: z.array(PartyListItemSchema) });
export type PartyList = z.infer<typeof PartyListSchema>;

/** POST /api/parties/:id/invitations: the host invites more people (any party not ended; at most `PARTY_LIMITS.invites` in all). */
export const PartyInviteSchema = z.object({ invite: PartyCreateSchema.shape.invite.unwrap().min(1, 'Name someone to invite') });
export type PartyInviteInput = z.infer<typeof PartyInviteSchema>;

/** The people a party's host has invited (only the host reads them). */
export const PartyInviteesSchema = z.object({ items: z.array(PartyPersonSchema) });
export type PartyInvitees = z.infer<typeof PartyInviteesSchema>;
