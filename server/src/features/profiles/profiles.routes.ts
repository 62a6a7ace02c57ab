import { Router } from 'express';
import {
  FavouritesResultSchema,
  FavouritesSchema,
  HandleParamsSchema,
  PrivacySettingsSchema,
  ProfileActivityPageSchema,
  ProfileActivityQuerySchema,
  ProfileUpdateSchema,
  ProfileViewSchema,
} from '@muse/shared';
import type { Container } from '../../container';
import { createRoutes } from '../../http/route';
import { writeRateLimit } from '../../http/write-rate-limit';

/** My Muse profiles: anyone's page and recent activity, and the owner's profile, privacy and favourites. */
export function createProfilesRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  const { profiles } = c.services;
  const limit = writeRateLimit(c);

  routes.get('/users/:handle', {
    summary: "A user's profile as the viewer may see it: favourites, stats and taste compatibility only where visible.",
    params: HandleParamsSchema,
    response: ProfileViewSchema,
    handle: async ({ params, viewerId, res }) => {
      const profile = await profiles.view(viewerId, params.handle);
      // Relationship and compatibility depend on who asks.
      res.set('Cache-Control', 'private, no-cache');
      return profile;
    },
  });

  routes.get('/users/:handle/activity', {
    summary: 'A page of what the user did that the viewer may see, grouped as in the feed; empty when not visible.',
    params: HandleParamsSchema,
    query: ProfileActivityQuerySchema,
    response: ProfileActivityPageSchema,
    handle: async ({ params, query, viewerId, res }) => {
      const page = await profiles.activity(viewerId, params.handle, query);
      res.set('Cache-Control', 'private, no-cache');
      return page;
    },
  });

  routes.patch('/me/profile', {
    summary: "Edit the viewer's display name, bio or avatar (an empty avatar clears it); answers the profile.",
    auth: 'signed-in',
    limit,
    body: ProfileUpdateSchema,
    response: ProfileViewSchema,
    handle: ({ body, user }) => profiles.updateProfile(String(user.id), body),
  });

  routes.patch('/me/privacy', {
    summary: 'Change privacy settings; turning the profile public approves every pending follow request at once.',
    auth: 'signed-in',
    limit,
    body: PrivacySettingsSchema,
    response: ProfileViewSchema,
    handle: ({ body, user }) => profiles.updatePrivacy(String(user.id), body),
  });

  routes.put('/me/favourites', {
    summary: "Replace the viewer's favourite albums (up to four) in display order.",
    auth: 'signed-in',
    limit,
    body: FavouritesSchema,
    response: FavouritesResultSchema,
    handle: ({ body, user }) => profiles.setFavourites(String(user.id), body),
  });

  return router;
}
