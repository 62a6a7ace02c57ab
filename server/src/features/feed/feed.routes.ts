import { Router, type Request } from 'express';
import { FeedQuerySchema, IdParamsSchema, type FeedQuery } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validParams, validQuery } from '../../http/validate';

/** The home feed and "popular with friends" on album pages. */
export function createFeedRouter(c: Container): Router {
  const router = Router();
  const { feed, friendsRatings, auth } = c.services;
  const signedIn = requireAuth((session) => auth.currentUser(session));

  router.get('/feed', signedIn, validate({ query: FeedQuerySchema }), async (req: Request, res) => {
    res.json(await feed.page(String(req.user!.id), validQuery<FeedQuery>(req)));
  });

  router.get('/albums/:id/friends', validate({ params: IdParamsSchema }), async (req, res) => {
    res.json(await friendsRatings.forAlbum(req.session?.userId ?? null, validParams<{ id: string }>(req).id));
  });

  return router;
}
