import { Router, type Request } from 'express';
import {
  FavouritesSchema,
  HandleParamsSchema,
  PrivacySettingsSchema,
  ProfileActivityQuerySchema,
  ProfileUpdateSchema,
  type FavouritesInput,
  type PrivacySettingsInput,
  type ProfileActivityQuery,
  type ProfileUpdateInput,
} from '@muse/shared';
import type { Container } from '../../container';
import { requireAuth } from '../../http/session-middleware';
import { validate, validBody, validParams, validQuery } from '../../http/validate';
import { writeRateLimit } from '../../http/write-rate-limit';

/** My Muse profiles: anyone's page and recent activity, and the owner's profile, privacy and favourites. */
export function createProfilesRouter(c: Container): Router {
  const router = Router();
  const { profiles, auth } = c.services;
  const limit = writeRateLimit(c);
  const signedIn = requireAuth((session) => auth.currentUser(session));
  const me = (req: Request) => String(req.user!.id);

  router.get('/users/:handle', validate({ params: HandleParamsSchema }), async (req, res) => {
    // Relationship and compatibility depend on who asks.
    res.set('Cache-Control', 'private, no-cache').json(await profiles.view(req.session?.userId ?? null, validParams<{ handle: string }>(req).handle));
  });

  router.get('/users/:handle/activity', validate({ params: HandleParamsSchema, query: ProfileActivityQuerySchema }), async (req, res) => {
    const { handle } = validParams<{ handle: string }>(req);
    res.set('Cache-Control', 'private, no-cache').json(await profiles.activity(req.session?.userId ?? null, handle, validQuery<ProfileActivityQuery>(req)));
  });

  router.patch('/me/profile', limit, signedIn, validate({ body: ProfileUpdateSchema }), async (req, res) => {
    res.json(await profiles.updateProfile(me(req), validBody<ProfileUpdateInput>(req)));
  });

  router.patch('/me/privacy', limit, signedIn, validate({ body: PrivacySettingsSchema }), async (req, res) => {
    res.json(await profiles.updatePrivacy(me(req), validBody<PrivacySettingsInput>(req)));
  });

  router.put('/me/favourites', limit, signedIn, validate({ body: FavouritesSchema }), async (req, res) => {
    res.json(await profiles.setFavourites(me(req), validBody<FavouritesInput>(req)));
  });

  return router;
}
