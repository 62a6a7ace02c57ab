import { Router, type Request } from 'express';
import { z } from 'zod';
import { MuteCreateSchema, userText, type MuteCreateInput } from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody, validParams } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

const MuteParamsSchema = z.object({ kind: userText('Kind').max(32), target: userText('Target').min(1).max(64) });

/** The signed-in user's feed filters: list, add and remove mutes. */
export function createMutesRouter(c: Container): Router {
  const router = Router();
  const { mutes, auth } = c.services;
  const limit = writeRateLimit(c);
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const me = (req: Request) => String(req.user!.id);

  router.get('/me/mutes', signedIn, async (req, res) => {
    res.json(await mutes.list(me(req)));
  });

  router.post('/me/mutes', limit, signedIn, validate({ body: MuteCreateSchema }), async (req, res) => {
    const { mute, created } = await mutes.create(me(req), validBody<MuteCreateInput>(req));
    res.status(created ? 201 : 200).json(mute);
  });

  router.delete('/me/mutes/:kind/:target', limit, signedIn, validate({ params: MuteParamsSchema }), async (req, res) => {
    const { kind, target } = validParams<{ kind: string; target: string }>(req);
    await mutes.delete(me(req), kind, target);
    res.status(204).end();
  });

  return router;
}
