import type { Request, RequestHandler, Response, Router } from 'express';
import { prettifyError, type z, type ZodType } from 'zod';
import type { Session } from '../features/auth/session.store';
import type { UserRow } from '../features/auth/users.repo';
import { JsonText } from './json-text';
import { requireAdmin, requireAuth } from './session-middleware';
import { validate } from './validate';

/** Who may call a route: anyone, a signed-in account, or an administrator. */
export type RouteAuth = 'public' | 'signed-in' | 'admin';

type Parsed<S> = S extends ZodType ? z.output<S> : undefined;

/** What a route handler receives: the parsed inputs, typed by the route's own schemas. */
export interface RouteInput<P, Q, B, A extends RouteAuth> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in account; always there unless the route is public. */
  user: A extends 'public' ? undefined : UserRow;
  /** The id of whoever is signed in, or null: public routes use it to tailor what they show. */
  viewerId: string | null;
  req: Request;
  res: Response;
}

/** A body a route answers with a status it picks per request, from those its spec declares. */
export class WithStatus<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}

/** 201 when the request made something, 200 when it was there already (a repeated mute, a queued album). */
export const createdOrFound = <T>(created: boolean, body: T): WithStatus<T> => new WithStatus(created ? 201 : 200, body);

/** What a handler may return: with a response schema, a body of its shape (or kept JSON text, or nothing for 204). */
type Answer<RS> = RS extends ZodType ? z.input<RS> | WithStatus<z.input<RS>> | JsonText | undefined | void : unknown;

/** One route: rate limit → auth → validate → one handler whose result is the answer. */
export interface RouteSpec<
  PS extends ZodType | undefined,
  QS extends ZodType | undefined,
  BS extends ZodType | undefined,
  A extends RouteAuth,
  RS extends ZodType | undefined = undefined,
> {
  auth?: A;
  limit?: RequestHandler | readonly RequestHandler[];
  params?: PS;
  query?: QS;
  body?: BS;
  /** Status of a successful answer with a body (200 unless said). */
  status?: number;
  /** Other success statuses the handler may pick by returning `WithStatus` (e.g. 200 beside 201 for `createdOrFound`). */
  statuses?: readonly number[];
  /** Schema of a successful answer's body, where `shared/` has one (the API contract shows it). */
  response?: RS;
  /** Media type of a success answer the handler sends itself (a file, an image, audio, a page), for the contract. */
  produces?: string;
  /** One line saying what the route does, for the API contract. */
  summary?: string;
  /** Groups in the API contract; the first path segment after `/api` unless said. */
  tags?: readonly string[];
  /** Problem statuses the handler itself may answer beyond those its auth and schemas imply (e.g. 409 on a stale version). */
  problems?: readonly number[];
  /**
   * Returns the answer's body (a presenter's output). Returning undefined answers 204; a handler
   * that wrote the response itself (a stream, a download) is left alone.
   */
  handle(input: RouteInput<Parsed<PS>, Parsed<QS>, Parsed<BS>, A>): Answer<RS> | Promise<Answer<RS>>;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Define = <
  PS extends ZodType | undefined = undefined,
  QS extends ZodType | undefined = undefined,
  BS extends ZodType | undefined = undefined,
  A extends RouteAuth = 'public',
  RS extends ZodType | undefined = undefined,
>(
  path: string,
  spec: RouteSpec<PS, QS, BS, A, RS>,
) => void;

/** The typed route helper of a router: `routes.get(path, spec)` and so on for each method. */
export type Routes = Record<Method, Define>;

/** What the API contract knows of one route, as its router declared it. */
export interface RouteMeta {
  method: Method;
  /** The path inside its router (the mount prefix is added by whoever walks the app). */
  path: string;
  auth: RouteAuth;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  status: number;
  /** Other success statuses, answered with the same schema. */
  statuses: readonly number[];
  response?: ZodType;
  produces?: string;
  summary?: string;
  tags?: readonly string[];
  problems: readonly number[];
  rateLimited: boolean;
}

// Keyed by the route's final handler, which is what a walk over an Express app's router meets.
const routeMeta = new WeakMap<object, RouteMeta>();

/** The declaration of the route whose final handler this is, or undefined for a route not made by `createRoutes`. */
export function routeMetaOf(handler: unknown): RouteMeta | undefined {
  return typeof handler === 'function' ? routeMeta.get(handler) : undefined;
}

/** What the route helper needs: to resolve the signed-in account, and what to do after a write. */
export interface RouteDeps {
  currentUser(session: Session): Promise<UserRow | null>;
  /**
   * Runs after a signed-in caller's successful write (any method but GET) and before its answer
   * is sent, so whatever the caller reads next already sees the write (kept feed pages).
   */
  afterWrite?(userId: string): Promise<void>;
  /**
   * Checks every answer against its route's response schema and fails the request (500, logged)
   * when they disagree, so every test of a route also tests the contract. On under test only: a
   * production answer is never refused for the document's sake.
   */
  checkResponses?: boolean;
}

/** An answer its route's response schema refuses: the contract and the code disagree. */
export class ResponseContractError extends Error {
  constructor(route: string, issues: string) {
    super(`${route} answered what its response schema refuses:\n${issues}`);
    this.name = 'ResponseContractError';
  }
}

/**
 * Fields an answer carries that its schema does not name, as paths ("items.0.email"): zod drops
 * unknown keys when it parses, so they are the keys of the answer missing from what it parsed to.
 */
export function unnamedFields(sent: unknown, parsed: unknown, path = ''): string[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((item, i) => unnamedFields(item, parsed[i], at(i)));
  if (!isPlainObject(sent) || !isPlainObject(parsed)) return [];
  return Object.keys(sent).flatMap((key) => (key in parsed ? unnamedFields(sent[key], parsed[key], at(key)) : [at(key)]));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checkResponse(route: string, schema: ZodType, result: unknown): void {
  // What the client reads: dates as strings, undefined fields gone.
  const body: unknown = JSON.parse(result instanceof JsonText ? result.text.toString() : JSON.stringify(result));
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ResponseContractError(route, prettifyError(parsed.error));
  // A field the contract does not name is one no client was promised, or one that should not be sent at all.
  const unnamed = unnamedFields(body, parsed.data);
  if (unnamed.length) throw new ResponseContractError(route, `fields the schema does not name: ${unnamed.join(', ')}`);
}

/**
 * Builds the typed route helper for a router. Every route reads the same way: its rate limits,
 * its auth level, its params/query/body schemas (whose parsed, inferred types reach the handler),
 * then one handler whose result is sent as JSON, so no route casts what it validated.
 */
export function createRoutes(router: Router, deps: RouteDeps): Routes {
  const signedIn = requireAuth((session) => deps.currentUser(session));
  const define =
    (method: Method): Define =>
    (path, spec) => {
      const chain: RequestHandler[] = [];
      if (spec.limit) chain.push(...(Array.isArray(spec.limit) ? spec.limit : [spec.limit as RequestHandler]));
      if (spec.auth === 'signed-in' || spec.auth === 'admin') chain.push(signedIn);
      if (spec.auth === 'admin') chain.push(requireAdmin);
      if (spec.params || spec.query || spec.body) chain.push(validate({ params: spec.params, query: spec.query, body: spec.body }));
      const handler: RequestHandler = async (req, res) => {
        const input = {
          params: req.valid?.params,
          query: req.valid?.query,
          body: req.valid?.body,
          user: req.user,
          viewerId: req.session?.userId ?? null,
          req,
          res,
        } as Parameters<typeof spec.handle>[0];
        const result = await spec.handle(input);
        if (method !== 'get' && input.viewerId && deps.afterWrite) await deps.afterWrite(input.viewerId);
        if (res.headersSent) return;
        const route = `${method.toUpperCase()} ${path}`;
        const picked = result instanceof WithStatus ? result : null;
        const body: unknown = picked ? picked.body : result;
        const declared = [spec.status ?? 200, ...(spec.statuses ?? [])];
        if (picked && !declared.includes(picked.status)) throw new Error(`${route} answered ${picked.status}, which its spec does not declare`);
        // Under test the contract's statuses are held too: nothing to answer is a 204 the spec must list.
        if (deps.checkResponses && result === undefined && !declared.includes(204))
          throw new ResponseContractError(route, 'answered 204, which its spec does not declare');
        if (deps.checkResponses && spec.response && body !== undefined) checkResponse(route, spec.response, body);
        if (picked) res.status(picked.status).json(picked.body);
        else if (result === undefined) res.status(204).end();
        else if (result instanceof JsonText)
          res
            .status(spec.status ?? 200)
            .type('json')
            .send(result.text);
        else res.status(spec.status ?? 200).json(result);
      };
      routeMeta.set(handler, {
        method,
        path,
        auth: spec.auth ?? 'public',
        params: spec.params,
        query: spec.query,
        body: spec.body,
        status: spec.status ?? 200,
        statuses: spec.statuses ?? [],
        response: spec.response,
        produces: spec.produces,
        summary: spec.summary,
        tags: spec.tags,
        problems: spec.problems ?? [],
        rateLimited: Boolean(spec.limit),
      });
      router[method](path, ...chain, handler);
    };
  return { get: define('get'), post: define('post'), put: define('put'), patch: define('patch'), delete: define('delete') };
}
