import { Router } from 'express';
import { BlockPageSchema, BlockResultSchema, FollowListQuerySchema, HandleParamsSchema } from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Blocking and unblocking users, and the signed-in user's block list. */
export function createBlocksRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { blocks } = c.services;
  const limit = writeRateLimit(c);

  routes.put('/users/:handle/block', {
    summary: 'Block a user, ending every follow and follow request between the two; a repeat changes nothing.',
    auth: 'signed-in',
    limit,
    params: HandleParamsSchema,
    response: BlockResultSchema,
    handle: ({ params, user }) => blocks.block(String(user.id), params.handle),
  });

  routes.delete('/users/:handle/block', {
    summary: 'Unblock a user (harmless when not blocked); follows the block ended stay ended.',
    auth: 'signed-in',
    limit,
    params: HandleParamsSchema,
    response: BlockResultSchema,
    handle: ({ params, user }) => blocks.unblock(String(user.id), params.handle),
  });

  routes.get('/me/blocks', {
    summary: 'The users the viewer blocked, newest first.',
    auth: 'signed-in',
    query: FollowListQuerySchema,
    response: BlockPageSchema,
    handle: async ({ query, user, res }) => {
      const page = await blocks.list(String(user.id), query);
      res.set('Cache-Control', 'no-store');
      return page;
    },
  });

  return router;
}
