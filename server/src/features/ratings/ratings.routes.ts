import { Router } from 'express';
import { IdParamsSchema, RatingInputSchema, RatingResultSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Set or remove the signed-in user's rating of an album or a track. */
export function createRatingsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { ratings } = c.services;
  const limit = writeRateLimit(c);

  routes.put('/albums/:id/rating', {
    summary: "Set the viewer's rating of an album in stars; answers it with the album's fresh aggregate.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: RatingResultSchema,
    body: RatingInputSchema,
    handle: ({ params, body, user }) => ratings.rateAlbum(String(user.id), params.id, body.rating),
  });

  routes.delete('/albums/:id/rating', {
    summary: "Remove the viewer's rating of an album (harmless when there is none); answers the fresh aggregate.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: RatingResultSchema,
    handle: ({ params, user }) => ratings.removeAlbumRating(String(user.id), params.id),
  });

  routes.put('/tracks/:id/rating', {
    summary: "Set the viewer's rating of a track in stars; answers it with the track's fresh aggregate.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: RatingResultSchema,
    body: RatingInputSchema,
    handle: ({ params, body, user }) => ratings.rateTrack(String(user.id), params.id, body.rating),
  });

  routes.delete('/tracks/:id/rating', {
    summary: "Remove the viewer's rating of a track (harmless when there is none); answers the fresh aggregate.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: RatingResultSchema,
    handle: ({ params, user }) => ratings.removeTrackRating(String(user.id), params.id),
  });

  return router;
}
