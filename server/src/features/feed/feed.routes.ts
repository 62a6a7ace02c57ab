import { Router } from 'express';
import { AlbumFriendListSchema, FeedPageSchema, FeedQuerySchema, IdParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';

/** The home feed and "popular with friends" on album pages. */
export function createFeedRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { feed, friendsRatings } = c.services;

  routes.get('/feed', {
    summary: 'The home feed: what people the viewer follows did, newest first, grouped, filtered by visibility and mutes.',
    auth: 'signed-in',
    query: FeedQuerySchema,
    response: FeedPageSchema,
    handle: ({ query, user }) => feed.pageJson(String(user.id), query),
  });

  routes.get('/albums/:id/friends', {
    summary: 'People the viewer follows who rated the album, with their stars, as the viewer may see them; empty signed out.',
    params: IdParamsSchema,
    response: AlbumFriendListSchema,
    handle: ({ params, viewerId }) => friendsRatings.forAlbum(viewerId, params.id),
  });

  return router;
}
