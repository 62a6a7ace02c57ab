import { Router, type Request } from 'express';
import { IdParamsSchema, RatingInputSchema, type RatingInput } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody, validParams } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Set or remove the signed-in user's rating of an album or a track. */
export function createRatingsRouter(c: Container): Router {
  const router = Router();
  const { ratings, auth } = c.services;
  const limit = writeRateLimit(c);
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const id = (req: Request) => validParams<{ id: string }>(req).id;

  router.put('/albums/:id/rating', limit, signedIn, validate({ params: IdParamsSchema, body: RatingInputSchema }), async (req, res) => {
    res.json(await ratings.rateAlbum(String(req.user!.id), id(req), validBody<RatingInput>(req).rating));
  });

  router.delete('/albums/:id/rating', limit, signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    res.json(await ratings.removeAlbumRating(String(req.user!.id), id(req)));
  });

  router.put('/tracks/:id/rating', limit, signedIn, validate({ params: IdParamsSchema, body: RatingInputSchema }), async (req, res) => {
    res.json(await ratings.rateTrack(String(req.user!.id), id(req), validBody<RatingInput>(req).rating));
  });

  router.delete('/tracks/:id/rating', limit, signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    res.json(await ratings.removeTrackRating(String(req.user!.id), id(req)));
  });

  return router;
}
