import { Router } from 'express';
import {
  CommentCreateSchema,
  CommentListQuerySchema,
  CommentPageSchema,
  CommentViewSchema,
  HandleParamsSchema,
  IdParamsSchema,
  ReviewCreateSchema,
  ReviewDetailSchema,
  ReviewLikeResultSchema,
  ReviewListQuerySchema,
  ReviewPageSchema,
  ReviewUpdateSchema,
  ReviewViewSchema,
  UserReviewListQuerySchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Reviews of albums and tracks, their likes and comments, and a user's reviews. */
export function createReviewsRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { reviews, reviewLikes, reviewComments } = c.services;
  const limit = writeRateLimit(c);

  routes.get('/albums/:id/reviews', {
    params: IdParamsSchema,
    query: ReviewListQuerySchema,
    response: ReviewPageSchema,
    handle: ({ params, query, viewerId }) => reviews.listForAlbum(params.id, query, viewerId),
  });

  routes.post('/albums/:id/reviews', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: ReviewCreateSchema,
    status: 201,
    response: ReviewViewSchema,
    handle: ({ params, body, user }) => reviews.create(String(user.id), params.id, body),
  });

  routes.get('/tracks/:id/reviews', {
    params: IdParamsSchema,
    query: ReviewListQuerySchema,
    response: ReviewPageSchema,
    handle: ({ params, query, viewerId }) => reviews.listForTrack(params.id, query, viewerId),
  });

  routes.post('/tracks/:id/reviews', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: ReviewCreateSchema,
    status: 201,
    response: ReviewViewSchema,
    handle: ({ params, body, user }) => reviews.createForTrack(String(user.id), params.id, body),
  });

  routes.get('/reviews/:id', { params: IdParamsSchema, response: ReviewDetailSchema, handle: ({ params, viewerId }) => reviews.get(params.id, viewerId) });

  routes.patch('/reviews/:id', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: ReviewUpdateSchema,
    response: ReviewViewSchema,
    handle: ({ params, body, user }) => reviews.update(String(user.id), params.id, body),
  });

  routes.delete('/reviews/:id', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    handle: ({ params, user }) => reviews.delete(String(user.id), params.id),
  });

  routes.put('/reviews/:id/like', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: ReviewLikeResultSchema,
    handle: ({ params, user }) => reviewLikes.like(String(user.id), params.id),
  });

  routes.delete('/reviews/:id/like', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: ReviewLikeResultSchema,
    handle: ({ params, user }) => reviewLikes.unlike(String(user.id), params.id),
  });

  routes.get('/reviews/:id/comments', {
    params: IdParamsSchema,
    query: CommentListQuerySchema,
    response: CommentPageSchema,
    handle: ({ params, query, viewerId }) => reviewComments.list(params.id, query, viewerId),
  });

  routes.post('/reviews/:id/comments', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: CommentCreateSchema,
    status: 201,
    response: CommentViewSchema,
    handle: ({ params, body, user }) => reviewComments.create(String(user.id), params.id, body.body),
  });

  routes.delete('/comments/:id', {
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    handle: ({ params, user }) => reviewComments.delete(String(user.id), params.id),
  });

  routes.get('/users/:handle/reviews', {
    // 403 when the profile is private to this viewer or the account is suspended.
    problems: [403],
    params: HandleParamsSchema,
    query: UserReviewListQuerySchema,
    response: ReviewPageSchema,
    handle: ({ params, query, viewerId }) => reviews.listForUser(params.handle, query, viewerId),
  });

  return router;
}
