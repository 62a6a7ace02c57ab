import { Router } from 'express';
import {
  ListenLaterAddSchema,
  ListenLaterIndexSchema,
  ListenLaterItemSchema,
  ListenLaterPageSchema,
  ListenLaterParamsSchema,
  ListenLaterQuerySchema,
  ListenLaterUpdateSchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes, createdOrFound } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** The signed-in user's private "listen later" queue: read it, queue an album, keep it, take it off. */
export function createListenLaterRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { listenLater } = c.services;
  const limit = writeRateLimit(c);

  routes.get('/me/listen-later', {
    summary: 'Your private listen-later queue, latest added or newest release first.',
    auth: 'signed-in',
    query: ListenLaterQuerySchema,
    response: ListenLaterPageSchema,
    handle: ({ query, user, res }) => {
      // Private to its owner: no shared cache may keep it.
      res.set('Cache-Control', 'no-store');
      return listenLater.list(String(user.id), query);
    },
  });

  // Registered before `/:albumId`, which would otherwise read "ids" as a malformed album id.
  routes.get('/me/listen-later/ids', {
    summary: 'The id of every album on your listen-later queue, for buttons on album cards and pages.',
    auth: 'signed-in',
    response: ListenLaterIndexSchema,
    handle: ({ user, res }) => {
      res.set('Cache-Control', 'no-store');
      return listenLater.index(String(user.id));
    },
  });

  routes.put('/me/listen-later/:albumId', {
    summary: 'Queue an album (201); queuing it again changes only keep, when sent (200); 409 when the queue is full.',
    auth: 'signed-in',
    limit,
    params: ListenLaterParamsSchema,
    body: ListenLaterAddSchema,
    // Queuing an album again changes nothing (but `keep`, when sent), so only the first answers 201.
    status: 201,
    statuses: [200],
    response: ListenLaterItemSchema,
    handle: async ({ params, body, user }) => {
      const { item, created } = await listenLater.add(String(user.id), params.albumId, body);
      return createdOrFound(created, item);
    },
  });

  routes.patch('/me/listen-later/:albumId', {
    summary: 'Keep a queued album once rated, logged or reviewed (else it leaves by itself), or not.',
    auth: 'signed-in',
    limit,
    params: ListenLaterParamsSchema,
    body: ListenLaterUpdateSchema,
    response: ListenLaterItemSchema,
    handle: ({ params, body, user }) => listenLater.setKeep(String(user.id), params.albumId, body.keep),
  });

  routes.delete('/me/listen-later/:albumId', {
    summary: 'Take an album off your queue (204 also when it was not there).',
    auth: 'signed-in',
    limit,
    params: ListenLaterParamsSchema,
    status: 204,
    handle: ({ params, user }) => listenLater.remove(String(user.id), params.albumId),
  });

  return router;
}
