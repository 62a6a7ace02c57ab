import { Router, type Request } from 'express';
import {
  PartyControllerInputSchema,
  PartyCreateSchema,
  PartyIdParamsSchema,
  PartyInviteeParamsSchema,
  PartyMessageInputSchema,
  PartyMessageParamsSchema,
  PartyMessageSchema,
  PartyMessagesSchema,
  PartyPlaybackInputSchema,
  PartyPlaybackSchema,
  PartyRatingInputSchema,
  PartyReportInputSchema,
  PartyInviteSchema,
  PartyInviteesSchema,
  PartyListSchema,
  PartySchema,
  PartySummarySchema,
  PartyTrackParamsSchema,
  PartyTrackRatingSchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

const tags = ['parties'] as const;

/** Chat is limited per account and party: `party-chat:<user>:<party>`. */
const byAccountAndParty = (req: Request): string => `${req.session?.userId ?? req.ip}:${String(req.params.id)}`;

/** Listening parties: create, join and leave, the shared player, chat, live ratings, the summary. */
export function createPartiesRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { parties } = c.services;
  const limit = writeRateLimit(c);
  const chatLimit = [
    limit,
    rateLimit(c.rateLimiter, {
      name: 'party-chat',
      max: c.config.PARTY_CHAT_RATE_MAX,
      windowSeconds: c.config.PARTY_CHAT_RATE_WINDOW_SECONDS,
      key: byAccountAndParty,
    }),
  ];
  const signedIn = 'signed-in' as const;

  routes.post('/parties', {
    auth: signedIn,
    limit,
    body: PartyCreateSchema,
    status: 201,
    response: PartySchema,
    tags,
    summary: 'Open a listening party on an album, now or scheduled; followers (or invitees) are notified.',
    problems: [404],
    handle: ({ user, body }) => parties.create(String(user.id), body),
  });

  routes.get('/parties', {
    auth: signedIn,
    response: PartyListSchema,
    tags,
    summary: 'Live parties the viewer may see, and scheduled ones they host, are invited to or whose host they follow.',
    handle: async ({ user, res }) => {
      res.set('Cache-Control', 'no-store');
      return parties.list(String(user.id));
    },
  });

  routes.get('/parties/:id', {
    auth: signedIn,
    params: PartyIdParamsSchema,
    response: PartySchema,
    tags,
    summary: 'A party as the viewer sees it: album, shared player, who is in, live ratings.',
    handle: async ({ user, params, res }) => {
      res.set('Cache-Control', 'no-store');
      return parties.get(String(user.id), params.id);
    },
  });

  routes.get('/parties/:id/invitations', {
    auth: signedIn,
    params: PartyIdParamsSchema,
    response: PartyInviteesSchema,
    tags,
    summary: 'The people the host has invited (the host only).',
    problems: [403, 404],
    handle: ({ user, params }) => parties.invitees(String(user.id), params.id),
  });

  routes.post('/parties/:id/invitations', {
    auth: signedIn,
    limit,
    params: PartyIdParamsSchema,
    body: PartyInviteSchema,
    response: PartyInviteesSchema,
    tags,
    summary: 'The host invites more people; the newly invited are notified once.',
    problems: [403, 404, 409],
    handle: ({ user, params, body }) => parties.invite(String(user.id), params.id, body),
  });

  routes.delete('/parties/:id/invitations/:userId', {
    auth: signedIn,
    limit,
    params: PartyInviteeParamsSchema,
    response: PartyInviteesSchema,
    tags,
    summary: 'The host withdraws an invitation; at a private party the person loses sight of it.',
    problems: [403, 404, 409],
    handle: ({ user, params }) => parties.withdrawInvitation(String(user.id), params.id, params.userId),
  });

  routes.post('/parties/:id/start', {
    auth: signedIn,
    limit,
    params: PartyIdParamsSchema,
    response: PartySchema,
    tags,
    summary: 'The host starts a scheduled party now.',
    problems: [403, 409],
    handle: ({ user, params }) => parties.start(String(user.id), params.id),
  });

  routes.put('/parties/:id/participation', {
    auth: signedIn,
    limit,
    params: PartyIdParamsSchema,
    response: PartySchema,
    tags,
    summary: 'Join the party (joining again changes nothing).',
    problems: [409],
    handle: ({ user, params }) => parties.join(String(user.id), params.id),
  });

  routes.delete('/parties/:id/participation', {
    auth: signedIn,
    limit,
    params: PartyIdParamsSchema,
    tags,
    summary: 'Leave the party; control held goes back to the host.',
    status: 204,
    handle: ({ user, params }) => parties.leave(String(user.id), params.id),
  });

  routes.put('/parties/:id/playback', {
    auth: signedIn,
    limit,
    params: PartyIdParamsSchema,
    body: PartyPlaybackInputSchema,
    response: PartyPlaybackSchema,
    tags,
    summary: 'Whoever has control sets the shared player: track, position, playing or paused.',
    problems: [403, 409, 422],
    handle: ({ user, params, body }) => parties.setPlayback(String(user.id), params.id, body),
  });

  routes.put('/parties/:id/controller', {
    auth: signedIn,
    limit,
    params: PartyIdParamsSchema,
    body: PartyControllerInputSchema,
    response: PartyPlaybackSchema,
    tags,
    summary: 'Hand control of the shared player to someone in the party.',
    problems: [403, 409, 422],
    handle: ({ user, params, body }) => parties.handOver(String(user.id), params.id, body.handle),
  });

  routes.get('/parties/:id/messages', {
    auth: signedIn,
    params: PartyIdParamsSchema,
    response: PartyMessagesSchema,
    tags,
    summary: 'The latest chat messages (without people blocked either way).',
    handle: async ({ user, params, res }) => {
      res.set('Cache-Control', 'no-store');
      return parties.messages(String(user.id), params.id);
    },
  });

  routes.post('/parties/:id/messages', {
    auth: signedIn,
    limit: chatLimit,
    params: PartyIdParamsSchema,
    body: PartyMessageInputSchema,
    status: 201,
    response: PartyMessageSchema,
    tags,
    summary: 'Post to the party chat (rate-limited per person and party).',
    problems: [403, 409],
    handle: ({ user, params, body }) => parties.postMessage(String(user.id), params.id, body.body),
  });

  routes.delete('/parties/:id/messages/:messageId', {
    auth: signedIn,
    limit,
    params: PartyMessageParamsSchema,
    tags,
    summary: 'The host or a moderator removes a chat message.',
    problems: [403],
    status: 204,
    handle: ({ user, params }) => parties.removeMessage(String(user.id), params.id, params.messageId),
  });

  routes.post('/parties/:id/messages/:messageId/reports', {
    auth: signedIn,
    limit,
    params: PartyMessageParamsSchema,
    body: PartyReportInputSchema,
    tags,
    summary: 'Report a chat message to the moderators.',
    status: 204,
    handle: ({ user, params, body }) => parties.reportMessage(String(user.id), params.id, params.messageId, body.reason),
  });

  routes.put('/parties/:id/ratings/:trackId', {
    auth: signedIn,
    limit,
    params: PartyTrackParamsSchema,
    body: PartyRatingInputSchema,
    response: PartyTrackRatingSchema,
    tags,
    summary: 'Rate a track live during the party (replaces your earlier party rating of it).',
    problems: [403, 409],
    handle: ({ user, params, body }) => parties.rate(String(user.id), params.id, params.trackId, body.rating),
  });

  routes.post('/parties/:id/end', {
    auth: signedIn,
    limit,
    params: PartyIdParamsSchema,
    response: PartySummarySchema,
    tags,
    summary: 'The host ends the party; everyone gets the summary.',
    problems: [403],
    handle: ({ user, params }) => parties.end(String(user.id), params.id),
  });

  routes.get('/parties/:id/summary', {
    auth: signedIn,
    params: PartyIdParamsSchema,
    response: PartySummarySchema,
    tags,
    summary: 'Who came, each track’s party rating, the album’s party average.',
    problems: [409],
    handle: ({ user, params }) => parties.summary(String(user.id), params.id),
  });

  return router;
}
