import { Router, type Request } from 'express';
import type { Container } from '../../container';
import { byIp, rateLimit } from '../../http/rate-limit';
import { createRoutes } from '../../http/route';
import { presentMe } from '../../http/presenters/auth.presenter';

const EXPORTS_PER_HOUR = 10;
const byAccount = (req: Request) => req.session?.userId ?? byIp(req);

/** `GET /api/me/export`: the signed-in user's data as a zip download. */
export function createExportsRouter(c: Container): Router {
  const router = Router();
  const { exports } = c.services;
  const routes = createRoutes(router, c.services.routes);
  const limit = rateLimit(c.rateLimiter, { name: 'exports', max: EXPORTS_PER_HOUR, windowSeconds: 3600, key: byAccount });

  routes.get('/me/export', {
    summary: "Download the viewer's own data (ratings, reviews, diary, comments, likes, Listen later, playlists) as a zip.",
    auth: 'signed-in',
    limit,
    produces: 'application/zip',
    handle: async ({ user, res }) => {
      const { filename, zip } = await exports.archive(presentMe(user));
      res
        .set('Cache-Control', 'no-store')
        .attachment(filename)
        .type('application/zip')
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  });

  return router;
}
