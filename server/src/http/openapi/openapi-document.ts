import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { STATUS_CODES } from 'node:http';
import { CSRF_HEADER, ProblemSchema } from '@muse/shared';
import type { ZodType } from 'zod';
import { cookieNames } from '../cookies';
import type { RouteMeta } from '../route';
import { toOpenApiPath, type AppRoute } from './route-table';

/** What the document says about where it is served. */
export interface OpenApiOptions {
  /** Whether cookies carry the `__Host-` prefix (served over https). */
  secureCookies: boolean;
}

/** The contract's own version, raised when it changes in a way existing clients would notice. */
export const API_VERSION = '0.1.0';

const PROBLEM_JSON = 'application/problem+json';
// One component every error answer refers to; the id is what the generator names it by.
const problem = ProblemSchema.meta({ id: 'Problem' });
const WRITES = new Set(['post', 'put', 'patch', 'delete']);

/** Why a problem status may come back, as the document says it. */
const PROBLEM_REASONS: Record<number, string> = {
  400: 'The request is malformed or a field is not valid (`errors` names each field).',
  401: 'Not signed in, or the session has ended.',
  403: 'The CSRF token is missing or stale, or the account may not do this.',
  404: 'What the path names does not exist or is not visible to the caller.',
  409: 'The request conflicts with what is stored (a stale version, a duplicate).',
  413: 'The request body is too large.',
  415: 'The request body has an encoding that is not supported.',
  422: 'The request is well formed but cannot be carried out.',
  429: 'Too many requests; `Retry-After` says when to try again.',
  503: 'A dependency is briefly unavailable; `Retry-After` says when to try again.',
};

/** The problem statuses an operation may answer: those its auth, method, path and limits imply, and those its route declares. */
export function problemStatuses(route: AppRoute & { meta: RouteMeta }): number[] {
  const { meta } = route;
  const write = WRITES.has(route.method);
  // Any URL may have malformed percent-encoding.
  const statuses = new Set<number>([...meta.problems, 400]);
  if (meta.auth !== 'public') statuses.add(401);
  if (meta.auth === 'admin' || write) statuses.add(403);
  // A write may name something that does not exist (a foreign key) or already does (a unique key).
  if (route.path.includes(':') || write) statuses.add(404);
  if (write) statuses.add(409).add(413).add(415);
  if (route.path.startsWith('/api/')) statuses.add(429).add(503);
  return [...statuses].sort((a, b) => a - b);
}

/** A stable, readable operation id: `putApiAlbumsIdRating`. */
function operationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function security(method: string, auth: RouteMeta['auth']): RouteConfig['security'] {
  const write = WRITES.has(method);
  if (auth !== 'public') return [write ? { session: [], csrfHeader: [] } : { session: [] }];
  // Signed out, a write proves itself with the token cookie GET /api/csrf set and the same token in the header.
  return write
    ? [
        { session: [], csrfHeader: [] },
        { csrfCookie: [], csrfHeader: [] },
      ]
    : [{}, { session: [] }];
}

function successResponse(meta: RouteMeta, status: number): ResponseConfig {
  if (status === 204) return { description: 'No Content: done, with nothing to answer.' };
  if (status >= 300 && status < 400) return { description: `${STATUS_CODES[status]}: \`Location\` says where to go next.` };
  const description = `${STATUS_CODES[status] ?? 'Success'}.`;
  if (meta.response) return { description, content: { 'application/json': { schema: meta.response } } };
  if (status === 202 && !meta.response) return { description: 'Accepted: not ready yet; `Retry-After` says when to ask again.' };
  if (meta.produces) {
    const schema = /json$/.test(meta.produces) ? { type: 'object' as const } : { type: 'string' as const, contentMediaType: meta.produces };
    return { description, content: { [meta.produces]: { schema } } };
  }
  return { description };
}

/** Only object-shaped schemas become parameters; a schema of another shape is described by the body or left out. */
const asParameters = (schema: ZodType | undefined) => schema as NonNullable<RouteConfig['request']>['params'];

/**
 * The OpenAPI 3.1 document of every route `createRoutes` declared, read from an app's routes: paths,
 * parameters, request bodies, success answers and the problem documents each one may answer.
 */
export function buildOpenApiDocument(routes: AppRoute[], options: OpenApiOptions): OpenAPIObject {
  const registry = new OpenAPIRegistry();
  const cookies = cookieNames(options.secureCookies);
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: cookies.session,
    description: 'The session cookie set by signing in (HttpOnly, SameSite=Lax).',
  });
  registry.registerComponent('securitySchemes', 'csrfHeader', {
    type: 'apiKey',
    in: 'header',
    name: CSRF_HEADER,
    description: 'Every state-changing request carries the CSRF token GET /api/csrf answers (bound to the session when signed in).',
  });
  registry.registerComponent('securitySchemes', 'csrfCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: cookies.csrf,
    description: 'Signed out, the HttpOnly cookie GET /api/csrf sets; the CSRF header must equal it.',
  });

  for (const route of routes) {
    const { meta } = route;
    if (!meta) continue;
    const path = toOpenApiPath(route.path);
    const responses: RouteConfig['responses'] = {};
    for (const status of [meta.status, ...meta.statuses]) responses[String(status)] = successResponse(meta, status);
    for (const status of problemStatuses({ ...route, meta })) {
      responses[String(status)] = {
        description: PROBLEM_REASONS[status] ?? STATUS_CODES[status] ?? 'Problem',
        content: { [PROBLEM_JSON]: { schema: problem } },
      };
    }
    const segment = route.path.replace(/^\/api\//, '').split('/')[0] || 'root';
    registry.registerPath({
      method: route.method as RouteConfig['method'],
      path,
      operationId: operationId(route.method, route.path),
      summary: meta.summary ?? `${route.method.toUpperCase()} ${path}`,
      tags: [...(meta.tags ?? [segment.startsWith(':') ? 'root' : segment])],
      security: security(route.method, meta.auth),
      'x-muse-auth': meta.auth,
      request: {
        params: asParameters(meta.params),
        query: asParameters(meta.query),
        ...(meta.body ? { body: { required: true, content: { 'application/json': { schema: meta.body } } } } : {}),
      },
      responses,
    });
  }

  const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Muse API',
      version: API_VERSION,
      description:
        'The HTTP API of Muse. Errors are RFC 9457 problem documents (`application/problem+json`); a validation problem lists each bad field in `errors`.',
    },
    servers: [{ url: '/' }],
  });
  requirePathParameters(doc);
  return doc;
}

/**
 * Marks every path parameter required, as OpenAPI demands and Express guarantees; the generator
 * leaves a coerced one (`z.coerce.number()`, whose input may be anything) optional.
 */
function requirePathParameters(doc: OpenAPIObject): void {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of [item.get, item.post, item.put, item.patch, item.delete]) {
      for (const parameter of op?.parameters ?? []) if ('in' in parameter && parameter.in === 'path') parameter.required = true;
    }
  }
}
