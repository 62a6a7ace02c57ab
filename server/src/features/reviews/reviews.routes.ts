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
    summary: "An album's reviews the viewer may see (not its tracks'), most liked or newest first.",
    params: IdParamsSchema,
    query: ReviewListQuerySchema,
    response: ReviewPageSchema,
    handle: ({ params, query, viewerId }) => reviews.listForAlbum(params.id, query, viewerId),
  });

  routes.post('/albums/:id/reviews', {
    summary: "Review an album; a rating becomes the viewer's album rating, a listen date also logs a diary entry.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: ReviewCreateSchema,
    status: 201,
    response: ReviewViewSchema,
    handle: ({ params, body, user }) => reviews.create(String(user.id), params.id, body),
  });

  routes.get('/tracks/:id/reviews', {
    summary: "A track's reviews the viewer may see, most liked or newest first.",
    params: IdParamsSchema,
    query: ReviewListQuerySchema,
    response: ReviewPageSchema,
    handle: ({ params, query, viewerId }) => reviews.listForTrack(params.id, query, viewerId),
  });

  routes.post('/tracks/:id/reviews', {
    summary: "Review a track; a rating becomes the viewer's track rating (no diary entry is logged).",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: ReviewCreateSchema,
    status: 201,
    response: ReviewViewSchema,
    handle: ({ params, body, user }) => reviews.createForTrack(String(user.id), params.id, body),
  });

  routes.get('/reviews/:id', {
    summary: 'A review with its first 50 comments; 404 when the viewer may not see it (administrators see every review).',
    params: IdParamsSchema,
    response: ReviewDetailSchema,
    handle: ({ params, viewerId }) => reviews.get(params.id, viewerId),
  });

  routes.patch('/reviews/:id', {
    summary: "The author edits their review; a new rating becomes the current one, an album review's diary entry follows.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: ReviewUpdateSchema,
    response: ReviewViewSchema,
    handle: ({ params, body, user }) => reviews.update(String(user.id), params.id, body),
  });

  routes.delete('/reviews/:id', {
    summary: 'The author deletes their review with its likes and comments; its diary entry stays as a plain listen.',
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    status: 204,
    handle: ({ params, user }) => reviews.delete(String(user.id), params.id),
  });

  routes.put('/reviews/:id/like', {
    summary: "Like someone else's review; a repeat changes nothing, and the first like notifies the author.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: ReviewLikeResultSchema,
    handle: ({ params, user }) => reviewLikes.like(String(user.id), params.id),
  });

  routes.delete('/reviews/:id/like', {
    summary: "Withdraw the viewer's like of a review; harmless when there was none.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    response: ReviewLikeResultSchema,
    handle: ({ params, user }) => reviewLikes.unlike(String(user.id), params.id),
  });

  routes.get('/reviews/:id/comments', {
    summary: "A review's comments, oldest first (404 when the viewer may not see the review).",
    params: IdParamsSchema,
    query: CommentListQuerySchema,
    response: CommentPageSchema,
    handle: ({ params, query, viewerId }) => reviewComments.list(params.id, query, viewerId),
  });

  routes.post('/reviews/:id/comments', {
    summary: 'Comment on a review the viewer may see; its author is notified (403 when either blocked the other).',
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    body: CommentCreateSchema,
    status: 201,
    response: CommentViewSchema,
    handle: ({ params, body, user }) => reviewComments.create(String(user.id), params.id, body.body),
  });

  routes.delete('/comments/:id', {
    summary: "Delete a comment: its author or the review's author only.",
    auth: 'signed-in',
    limit,
    params: IdParamsSchema,
    status: 204,
    handle: ({ params, user }) => reviewComments.delete(String(user.id), params.id),
  });

  routes.get('/users/:handle/reviews', {
    summary: "A user's reviews the viewer may see, newest or most liked first; 403 for a private or suspended profile.",
    // 403 when the profile is private to this viewer or the account is suspended.
    problems: [403],
    params: HandleParamsSchema,
    query: UserReviewListQuerySchema,
    response: ReviewPageSchema,
    handle: ({ params, query, viewerId }) => reviews.listForUser(params.handle, query, viewerId),
  });

  return router;
}
