import { Router } from 'express';
import {
  FollowSuggestionsSchema,
  IdParamsSchema,
  RecommendationDismissSchema,
  RecommendationPageSchema,
  RecommendationQuerySchema,
  SimilarAlbumsSchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Recommendations, "not interested", similar albums and follow suggestions. */
export function createRecommendationsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { recommendations } = c.services;
  const limit = writeRateLimit(c);

  routes.get('/recommendations', {
    summary: "The viewer's album or track picks with reasons, minus what they rated, logged, dismissed or muted.",
    auth: 'signed-in',
    query: RecommendationQuerySchema,
    response: RecommendationPageSchema,
    handle: ({ query, user }) => recommendations.list(String(user.id), query),
  });

  routes.post('/recommendations/dismiss', {
    summary: 'Not interested in an album or track: it is never recommended to the viewer again (204).',
    auth: 'signed-in',
    limit,
    body: RecommendationDismissSchema,
    // Answers 204: nothing to show, the item is simply gone from the lists.
    status: 204,
    handle: async ({ body, user }) => {
      await recommendations.dismiss(String(user.id), body);
    },
  });

  routes.get('/albums/:id/similar', {
    summary: 'Albums like this one, from the last recommendations rebuild or, before any, by their attributes.',
    params: IdParamsSchema,
    response: SimilarAlbumsSchema,
    handle: ({ params }) => recommendations.similar(params.id),
  });

  routes.get('/users/me/follow-suggestions', {
    summary: 'Up to 10 public users the viewer does not follow who rated many of the same albums alike.',
    auth: 'signed-in',
    response: FollowSuggestionsSchema,
    handle: ({ user }) => recommendations.followSuggestions(String(user.id)),
  });

  return router;
}
