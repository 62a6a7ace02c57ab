import { Router, type Request } from 'express';
import {
  CommentCreateSchema,
  CommentListQuerySchema,
  HandleParamsSchema,
  IdParamsSchema,
  ReviewCreateSchema,
  ReviewListQuerySchema,
  ReviewUpdateSchema,
  UserReviewListQuerySchema,
  type CommentCreateInput,
  type CommentListQuery,
  type ReviewCreateInput,
  type ReviewListQuery,
  type ReviewUpdateInput,
  type UserReviewListQuery,
} from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody, validParams, validQuery } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

/** Reviews of albums, their likes and comments, and a user's reviews. */
export function createReviewsRouter(c: Container): Router {
  const router = Router();
  const { reviews, reviewLikes, reviewComments, auth } = c.services;
  const limit = writeRateLimit(c);
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const id = (req: Request) => validParams<{ id: string }>(req).id;
  const me = (req: Request) => String(req.user!.id);
  const viewer = (req: Request) => req.session?.userId ?? null;

  router.get('/albums/:id/reviews', validate({ params: IdParamsSchema, query: ReviewListQuerySchema }), async (req, res) => {
    res.json(await reviews.listForAlbum(id(req), validQuery<ReviewListQuery>(req), viewer(req)));
  });

  router.post('/albums/:id/reviews', limit, signedIn, validate({ params: IdParamsSchema, body: ReviewCreateSchema }), async (req, res) => {
    res.status(201).json(await reviews.create(me(req), id(req), validBody<ReviewCreateInput>(req)));
  });

  router.get('/reviews/:id', validate({ params: IdParamsSchema }), async (req, res) => {
    res.json(await reviews.get(id(req), viewer(req)));
  });

  router.patch('/reviews/:id', limit, signedIn, validate({ params: IdParamsSchema, body: ReviewUpdateSchema }), async (req, res) => {
    res.json(await reviews.update(me(req), id(req), validBody<ReviewUpdateInput>(req)));
  });

  router.delete('/reviews/:id', limit, signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    await reviews.delete(me(req), id(req));
    res.status(204).end();
  });

  router.put('/reviews/:id/like', limit, signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    res.json(await reviewLikes.like(me(req), id(req)));
  });

  router.delete('/reviews/:id/like', limit, signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    res.json(await reviewLikes.unlike(me(req), id(req)));
  });

  router.get('/reviews/:id/comments', validate({ params: IdParamsSchema, query: CommentListQuerySchema }), async (req, res) => {
    res.json(await reviewComments.list(id(req), validQuery<CommentListQuery>(req), viewer(req)));
  });

  router.post('/reviews/:id/comments', limit, signedIn, validate({ params: IdParamsSchema, body: CommentCreateSchema }), async (req, res) => {
    res.status(201).json(await reviewComments.create(me(req), id(req), validBody<CommentCreateInput>(req).body));
  });

  router.delete('/comments/:id', limit, signedIn, validate({ params: IdParamsSchema }), async (req, res) => {
    await reviewComments.delete(me(req), id(req));
    res.status(204).end();
  });

  router.get('/users/:handle/reviews', validate({ params: HandleParamsSchema, query: UserReviewListQuerySchema }), async (req, res) => {
    res.json(await reviews.listForUser(validParams<{ handle: string }>(req).handle, validQuery<UserReviewListQuery>(req), viewer(req)));
  });

  return router;
}
