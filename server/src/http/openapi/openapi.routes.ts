import { Router, type Application } from 'express';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { Container } from '../../container';
import { createRoutes } from '../route';
import { renderDocsPage } from './docs-page';
import { buildOpenApiDocument } from './openapi-document';
import { listAppRoutes } from './route-table';

interface Rendered {
  doc: OpenAPIObject;
  html: string;
}

/** The API contract at `/api/openapi.json` and a page for people at `/api/docs`, both built once from the app's own routes. */
export function createOpenApiRouter(c: Container): Router {
  const router = Router();
  const routes = createRoutes(router, c.services.routes);
  // Built on first use, once the app has all its routes; keyed by app so each app describes itself.
  const built = new WeakMap<Application, Rendered>();
  const render = (app: Application): Rendered => {
    let rendered = built.get(app);
    if (!rendered) {
      const doc = buildOpenApiDocument(listAppRoutes(app), { secureCookies: c.secureCookies });
      rendered = { doc, html: renderDocsPage(doc) };
      built.set(app, rendered);
    }
    return rendered;
  };

  routes.get('/openapi.json', {
    summary: 'The OpenAPI 3.1 document of this API.',
    tags: ['contract'],
    produces: 'application/json',
    handle: ({ req, res }) => {
      res.set('Cache-Control', 'no-cache');
      return render(req.app).doc;
    },
  });

  routes.get('/docs', {
    summary: 'A readable page of the OpenAPI document.',
    tags: ['contract'],
    produces: 'text/html',
    handle: ({ req, res }) => {
      res.set('Cache-Control', 'no-cache').type('html').send(render(req.app).html);
    },
  });

  return router;
}
