import fc from 'fast-check';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ParameterObject } from 'openapi3-ts/oas31';
import { CSRF_HEADER } from '@muse/shared';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum, registerPerson, writeReview, type TestPerson } from '../../testing/factories';
import { brokenValueFor, uglyValue, valueFor, type JsonSchema, type KnownValues } from '../../testing/schema-arbitraries';

/**
 * The bad-input sweep driven by the OpenAPI document: for every operation, fast-check makes
 * requests from the operation's own schemas (valid ones, broken ones, ugly ones) as the owner of
 * the things the paths name, as another signed-in user and signed out, and checks that none
 * answers 5xx, that every 4xx is a problem document, that a validation problem names the field,
 * and that a refused request leaves every table (documents included) as it was, row for row.
 *
 * FUZZ_RUNS sets the runs per operation and caller (3 here; `npm run fuzz` runs many more) and
 * FUZZ_SEED replays a failure: every failure message names the seed that found it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

const app = useTestApp({ env: { WRITE_RATE_USER_MAX: '1000000', LOGIN_RATE_ACCOUNT_MAX: '1000000', PREVIEW_RATE_USER_MAX: '1000000' } });

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const MAX_URL_PART = 3000;

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  body?: JsonSchema;
  /** Checks a successful JSON answer against the response schema the document gives, if any. */
  checkResponse?: ValidateFunction;
  /** The problem statuses the document says the operation may answer. */
  problems: Set<number>;
}

interface Caller {
  who: 'owner' | 'other user' | 'signed out';
  cookie: string;
  csrf: string;
}

interface SweepRequest {
  pathValues: Record<string, string>;
  query?: Record<string, unknown>;
  body?: { json: unknown } | { raw: string };
}

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: false }));

/** Everything the document says about each operation's inputs, and the schema of its success answer. */
function operationsOf(doc: OpenAPIObject): Operation[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const op = item[method] as OperationObject;
      const params = (op.parameters ?? []) as ParameterObject[];
      const body = op.requestBody && 'content' in op.requestBody ? (op.requestBody.content['application/json']?.schema as JsonSchema) : undefined;
      const success = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1] as
        { content?: Record<string, { schema?: object }> } | undefined;
      const responseSchema = success?.content?.['application/json']?.schema;
      return {
        method,
        path,
        checkResponse: responseSchema ? ajv.compile(responseSchema) : undefined,
        problems: new Set(
          Object.keys(op.responses ?? {})
            .map(Number)
            .filter((status) => status >= 400),
        ),
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema as JsonSchema })),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema as JsonSchema, required: Boolean(p.required) })),
        body,
      };
    }),
  );
}

const UGLY_SEGMENTS = [
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  '99999999999999999999999',
  'abc',
  '%00',
  '%E0%A4%A',
  '%ED%A0%80',
  encodeURIComponent('🎸'),
  '%20',
  'x'.repeat(2000),
];
const MALFORMED_BODIES = ['{', '{"a":', '[]', 'null', '"text"', '123', '{"a":1e309}', ''];

/** A query or path value as a URL carries it: strings as they are, anything else as JSON. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
// Node refuses a request head past 16 KB (431) before the app sees it, so a value is cut to fit once encoded.
const capped = (text: string) => {
  let cut = text.slice(0, MAX_URL_PART);
  while (encodeURIComponent(cut.replace(/[\ud800-\udfff]/g, '?')).length > MAX_URL_PART) cut = cut.slice(0, Math.floor(cut.length / 2));
  return cut;
};
// A URL cannot carry a lone surrogate; the body sweep sends those.
const encode = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

function requestArbitrary(op: Operation, known: KnownValues, pathKnown: (param: string) => string[]): fc.Arbitrary<SweepRequest> {
  const pathValues = fc.record(
    Object.fromEntries(
      op.pathParams.map(({ name, schema }) => {
        const real = pathKnown(name);
        const options: fc.WeightedArbitrary<string>[] = [
          { arbitrary: valueFor(schema).map((v) => encode(capped(asText(v)))), weight: 2 },
          { arbitrary: fc.constantFrom(...UGLY_SEGMENTS), weight: 1 },
          { arbitrary: uglyValue.map((v) => encode(capped(asText(v)))), weight: 1 },
        ];
        if (real.length) options.push({ arbitrary: fc.constantFrom(...real), weight: 6 });
        // An empty segment reaches another route (`/api/playlists/` is the list, not one playlist),
        // so it never tests this operation.
        return [name, fc.oneof(...options).filter((value) => value !== '')];
      }),
    ),
  );
  const queryFields = Object.fromEntries(op.query.map((q) => [q.name, q.schema]));
  const querySchema: JsonSchema = { type: 'object', properties: queryFields, required: op.query.filter((q) => q.required).map((q) => q.name) };
  const query = op.query.length
    ? fc.oneof({ arbitrary: valueFor(querySchema, known), weight: 3 }, { arbitrary: brokenValueFor(querySchema, known), weight: 2 }, fc.constant(undefined))
    : fc.constant(undefined);
  const write = op.method !== 'get';
  const body: fc.Arbitrary<SweepRequest['body']> = !write
    ? fc.constant(undefined)
    : op.body
      ? fc.oneof(
          { arbitrary: valueFor(op.body, known).map((json) => ({ json })), weight: 4 },
          { arbitrary: brokenValueFor(op.body, known).map((json) => ({ json })), weight: 3 },
          { arbitrary: fc.constantFrom(...MALFORMED_BODIES).map((raw) => ({ raw })), weight: 1 },
        )
      : fc.oneof(
          fc.constant({ json: {} }),
          fc.constant(undefined),
          uglyValue.map((json) => ({ json })),
        );
  return fc.record({ pathValues, query, body }, { requiredKeys: ['pathValues'] }) as fc.Arbitrary<SweepRequest>;
}

function urlOf(op: Operation, req: SweepRequest): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => req.pathValues[name] ?? '1');
  if (!req.query || typeof req.query !== 'object' || Array.isArray(req.query)) {
    return req.query === undefined ? path : `${path}?${encode(capped(asText(req.query)))}`;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) && value.length ? value : [value]) search.append(key, capped(asText(one)).replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

interface Answer {
  status: number;
  type: string;
  text: string;
}

async function send(caller: Caller, op: Operation, req: SweepRequest): Promise<Answer> {
  const headers: Record<string, string> = { Cookie: caller.cookie, [CSRF_HEADER]: caller.csrf };
  let payload: string | undefined;
  if (req.body) {
    headers['Content-Type'] = 'application/json';
    payload = 'raw' in req.body ? req.body.raw : JSON.stringify(req.body.json);
  }
  const res = await fetch(`${app.url}${urlOf(op, req)}`, { method: op.method.toUpperCase(), headers, body: payload, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/**
 * What every table of the test database holds (the document store's tables included): its row
 * count and a digest of its rows, so a refused request that changed a row in place shows too.
 */
async function tableContents(tables: string[]): Promise<Record<string, string>> {
  const sql = tables
    .map((t) => `select '${t}' as t, count(*)::int || ':' || md5(coalesce(string_agg(md5(r::text), '' order by md5(r::text)), '')) as n from "${t}" r`)
    .join(' union all ');
  const { rows } = await app.container.knex.raw<{ rows: { t: string; n: string }[] }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

// Problems that say a field is wrong: they must name it. Other 4xx codes say what is wrong with the
// request as a whole or with the state of things (`cannot_follow_self`, `invalid_oauth_state`).
const FIELD_PROBLEM_CODES = new Set(['validation_failed', 'invalid_value']);

const keysOf = (value: unknown): string[] => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : []);

/** The top-level fields a body schema names, across the members of a union or an intersection. */
function bodyFields(schema: JsonSchema): string[] {
  const members = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return [...keysOf(schema.properties), ...members.flatMap(bodyFields)];
}

function sentJson(body: SweepRequest['body']): unknown {
  if (!body) return undefined;
  if ('json' in body) return body.json;
  try {
    return JSON.parse(body.raw) as unknown;
  } catch {
    return undefined;
  }
}

/** What is wrong with an answer to a request the sweep sent, or null when it holds. */
function judge(op: Operation, req: SweepRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400) {
    if (!op.checkResponse || answer.status === 204 || !answer.type.startsWith('application/json')) return null;
    return op.checkResponse(JSON.parse(answer.text))
      ? null
      : `the answer does not match the document's response schema: ${ajv.errorsText(op.checkResponse.errors)}`;
  }
  if (!answer.type.startsWith('application/problem+json')) return `answered ${answer.status} as ${answer.type || 'no content type'}`;
  if (/\n\s+at |"stack"/.test(answer.text)) return 'a problem document carries a stack trace';
  let problem: { status?: number; code?: string; errors?: { path?: unknown }[] };
  try {
    problem = JSON.parse(answer.text) as typeof problem;
  } catch {
    return 'the problem document is not JSON';
  }
  if (problem.status !== answer.status || typeof problem.code !== 'string') return 'the problem document does not carry its status and code';
  if (!op.problems.has(answer.status)) return `answered ${answer.status} ${problem.code}, which the document does not list for this operation`;
  if ((answer.status === 400 || answer.status === 422) && (FIELD_PROBLEM_CODES.has(problem.code) || problem.errors)) {
    if (!problem.errors?.length) return `a ${answer.status} ${problem.code} names no field`;
    const unnamed = problem.errors.filter((e) => typeof e.path !== 'string' || !e.path || e.path === '(root)');
    if (unnamed.length) return `a ${answer.status} ${problem.code} has an error without a field: ${JSON.stringify(unnamed)}`;
    const fields = new Set([
      'body',
      'query',
      'params',
      ...op.pathParams.map((p) => p.name),
      ...op.query.map((q) => q.name),
      ...(op.body ? bodyFields(op.body) : []),
      ...keysOf(req.query),
      // An empty key is named as JSON writes it.
      ...keysOf(sentJson(req.body)).map((key) => (key === '' ? '""' : key)),
    ]);
    if (!problem.errors.some((e) => fields.has(String(e.path)) || fields.has(String(e.path).split('.')[0]!))) {
      return `a ${answer.status} ${problem.code} names fields the request does not have: ${JSON.stringify(problem.errors)}`;
    }
  }
  return null;
}

interface Fixtures {
  owner: TestPerson;
  other: TestPerson;
  ids: Record<string, string>;
}

async function makeFixtures(): Promise<Fixtures> {
  const owner = await registerPerson(app);
  const other = await registerPerson(app);
  const album = await makeAlbum(app.container.knex);
  const reviewId = await writeReview(owner, album.id);
  const comment = await owner.client.post(`/api/reviews/${reviewId}/comments`, { body: 'My own comment' });
  const diary = await owner.client.post('/api/diary', { albumId: album.id, listenedOn: '2024-01-02', rating: 4 });
  await owner.client.send('put', `/api/albums/${album.id}/rating`, { rating: 4 });
  await owner.client.send('put', `/api/tracks/${album.trackIds[0]}/rating`, { rating: 3 });
  await owner.client.send('put', `/api/me/listen-later/${album.id}`, {});
  const playlist = await owner.client.post('/api/playlists', { title: 'Owner playlist', kind: 'playlist', visibility: 'public' });
  const added = await owner.client.post(`/api/playlists/${playlist.body.id}/entries`, { trackId: album.trackIds[1] });
  const report = await other.client.post('/api/reports', { targetType: 'review', targetId: reviewId, reason: 'Spam' });
  const imported = await owner.client.post('/api/imports', { source: 'letterboxd', csv: 'Date,Name,Year,Rating\n2024-01-01,Blue,1971,4\n' });
  const ids = {
    albumId: album.id,
    trackId: album.trackIds[0]!,
    artistId: album.artistId,
    reviewId,
    commentId: String(comment.body.id),
    diaryId: String(diary.body.id),
    playlistId: String(playlist.body.id),
    entryId: String((added.body.entries as { id: string }[] | undefined)?.[0]?.id ?? ''),
    reportId: String(report.body.id ?? ''),
    importId: String(imported.body.id ?? ''),
  };
  for (const [name, id] of Object.entries(ids)) if (!id || id === 'undefined') throw new Error(`fixture ${name} was not made`);
  return { owner, other, ids };
}

const ID_BY_SEGMENT: Record<string, string> = {
  albums: 'albumId',
  tracks: 'trackId',
  artists: 'artistId',
  reviews: 'reviewId',
  comments: 'commentId',
  diary: 'diaryId',
  playlists: 'playlistId',
  reports: 'reportId',
  imports: 'importId',
};

function pathKnownFor(op: Operation, f: Fixtures): (param: string) => string[] {
  return (param) => {
    const before = op.path.split('/').findIndex((s) => s === `{${param}}`);
    const segment = op.path.split('/')[before - 1] ?? '';
    switch (param) {
      case 'id':
        return ID_BY_SEGMENT[segment] ? [f.ids[ID_BY_SEGMENT[segment]]!] : segment === 'users' ? [f.other.id] : [];
      case 'handle':
      case 'target':
        return [f.owner.handle, f.other.handle];
      case 'entryId':
        return [f.ids.entryId!];
      case 'albumId':
        return [f.ids.albumId!];
      case 'userId':
        return [f.other.id, f.owner.id];
      case 'provider':
        return ['spotify', 'apple'];
      case 'kind':
        return ['user', 'artist', 'activity_type'];
      case 'queue':
        return ['notifications'];
      case 'index':
        return ['0'];
      default:
        return [];
    }
  };
}

// Signing out, deleting the account, signing in or registering would replace or end the caller's session.
const SESSION_ENDING = new Set(['post /api/auth/logout', 'delete /api/me', 'post /api/auth/login', 'post /api/auth/register', 'post /api/me/password']);

describe('the bad-input sweep over the OpenAPI document', () => {
  it(
    `when every operation gets generated requests as the owner, another user and signed out, then no answer is 5xx, every 4xx is a problem naming its field, and a refused request writes nothing`,
    async () => {
      const doc = (await app.client().get('/api/openapi.json')).body as OpenAPIObject;
      // Deletes last, so the owner's things are still there for every other operation.
      const operations = operationsOf(doc).sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
      expect(operations.length).toBeGreaterThan(100);
      const f = await makeFixtures();
      const anon = app.client();
      await anon.ensureCsrf();
      const callers: Caller[] = [
        { who: 'signed out', cookie: anon.cookieHeader(), csrf: anon.csrfToken! },
        { who: 'other user', cookie: f.other.client.cookieHeader(), csrf: f.other.client.csrfToken! },
        { who: 'owner', cookie: f.owner.client.cookieHeader(), csrf: f.owner.client.csrfToken! },
      ];
      const known: KnownValues = {
        albumId: [f.ids.albumId!],
        trackId: [f.ids.trackId!],
        reviewId: [f.ids.reviewId!],
        targetId: [f.ids.reviewId!, f.ids.commentId!],
        userId: [f.other.id, f.owner.id],
        playlistId: [f.ids.playlistId!],
        entryId: [f.ids.entryId!],
        trackIds: [f.ids.trackId!],
        rating: [0.5, 1, 2.5, 4, 5],
        listenedOn: ['2024-01-02', '2023-12-31'],
        version: [1, 2, 3],
        position: [0, 1],
      };
      const tables = (
        await app.container.knex.raw<{ rows: { table_name: string }[] }>(
          "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1",
        )
      ).rows.map((r) => r.table_name);
      expect(tables).toEqual(expect.arrayContaining(['users', 'album_ratings']));
      const rateLimitKeys = `${app.container.config.REDIS_PREFIX}rl:*`;

      const failures: string[] = [];
      const statuses = new Map<number, number>();
      const accepted = new Map<string, number>();
      let seed = SEED;
      for (const caller of callers) {
        for (const op of operations) {
          if (caller.who !== 'signed out' && SESSION_ENDING.has(`${op.method} ${op.path}`)) continue;
          seed += 1;
          const property = fc.asyncProperty(requestArbitrary(op, known, pathKnownFor(op, f)), async (req) => {
            const before = await tableContents(tables);
            const answer = await send(caller, op, req);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            if (answer.status < 300) accepted.set(`${caller.who} ${op.method} ${op.path}`, (accepted.get(`${caller.who} ${op.method} ${op.path}`) ?? 0) + 1);
            const wrong = judge(op, req, answer);
            if (wrong) throw new Error(`${wrong}: ${answer.text.slice(0, 300)}`);
            if (answer.status >= 400)
              expect({ refused: answer.status, tables: await tableContents(tables) }).toEqual({ refused: answer.status, tables: before });
          });
          const run = await fc.check(property, { numRuns: RUNS, seed });
          if (run.failed) {
            const example = JSON.stringify(run.counterexample?.[0], (_k, v: unknown) =>
              typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v,
            );
            const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
            failures.push(`${caller.who} ${op.method.toUpperCase()} ${op.path} [FUZZ_SEED=${SEED}] ${example}: ${error.slice(0, 600)}`);
          }
          const keys = await app.container.redis.keys(rateLimitKeys);
          if (keys.length) await app.container.redis.del(...keys);
        }
      }
      if (process.env.FUZZ_RUNS) {
        const never = callers.flatMap((c) =>
          operations.filter((op) => !accepted.has(`${c.who} ${op.method} ${op.path}`)).map((op) => `${c.who} ${op.method.toUpperCase()} ${op.path}`),
        );
        process.stdout.write(
          `seed ${SEED}, ${RUNS} runs per operation and caller; answers by status: ${JSON.stringify(Object.fromEntries(statuses))}\nnever accepted:\n${never.join('\n')}\n`,
        );
      }
      expect(failures).toEqual([]);
      // The sweep must reach past validation: accepted writes and refused ones both happen.
      const count = (lo: number, hi: number) => [...statuses].filter(([s]) => s >= lo && s < hi).reduce((n, [, c]) => n + c, 0);
      expect(count(200, 300)).toBeGreaterThan(50);
      expect(count(400, 500)).toBeGreaterThan(50);
    },
    60_000 + RUNS * 120_000,
  );
});

/** Cases the sweep found, kept as they were found so the fixes stay fixed. */
describe('what the sweep found', () => {
  const fieldsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

  it('when a cloned playlist title holds half a surrogate pair, then it answers 400 naming title and stores no playlist', async () => {
    const owner = await registerPerson(app);
    const other = await registerPerson(app);
    const playlist = await owner.client.post('/api/playlists', { title: 'To clone', kind: 'playlist', visibility: 'public' });
    const playlists = async () => (await app.container.knex('doc_playlists').count<{ count: string }[]>('* as count'))[0]!.count;
    const before = await playlists();
    const res = await other.client.agent
      .post(`/api/playlists/${playlist.body.id}/clone`)
      .set(CSRF_HEADER, other.client.csrfToken!)
      .set('Content-Type', 'application/json')
      .send('{"title":"\\ud800"}');
    expect({ status: res.status, code: res.body.code, fields: fieldsOf(res.body) }).toEqual({ status: 400, code: 'validation_failed', fields: ['title'] });
    expect(await playlists()).toBe(before);
  });

  it('when a body has a field no schema knows, then the problem names that field', async () => {
    const owner = await registerPerson(app);
    const album = await makeAlbum(app.container.knex);
    const res = await owner.client.send('put', `/api/me/listen-later/${album.id}`, { 'uf.,': '', '': 1 });
    expect({ status: res.status, fields: fieldsOf(res.body).sort() }).toEqual({ status: 400, fields: ['""', 'uf.,'] });
  });

  it('when a body is not an object or breaks a rule across its fields, then the problem names the body', async () => {
    const owner = await registerPerson(app);
    const notObject = await owner.client.agent
      .put('/api/me/notification-preferences')
      .set(CSRF_HEADER, owner.client.csrfToken!)
      .set('Content-Type', 'application/json')
      .send('[]');
    expect({ status: notObject.status, fields: fieldsOf(notObject.body) }).toEqual({ status: 400, fields: ['body'] });
    const nothing = await owner.client.send('patch', '/api/me/privacy', {});
    expect({ status: nothing.status, fields: fieldsOf(nothing.body) }).toEqual({ status: 400, fields: ['body'] });
  });
});
