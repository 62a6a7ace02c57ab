import { execFileSync } from 'node:child_process';
import path from 'node:path';
import express, { Router } from 'express';
import type { OpenAPIObject, OperationObject } from 'openapi3-ts/oas31';
import { z } from 'zod';
import { CSRF_HEADER } from '@muse/shared';
import { createApp } from '../create-app';
import { createRoutes } from '../route';
import { useTestApp } from '../../testing/test-app';
import { buildOpenApiDocument } from './openapi-document';
import { contractGaps } from './contract-gaps';
import { listAppRoutes } from './route-table';

const app = useTestApp();

/**
 * Validates a document with @seriousme/openapi-schema-validator (the OpenAPI 3.1 meta-schema). The
 * package ships only ES modules, which jest's CommonJS runtime cannot load, so it runs in a child node.
 */
function validateOpenApi(doc: unknown): { valid: boolean; errors?: unknown; version?: string } {
  const script = `
    import { Validator } from '@seriousme/openapi-schema-validator';
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(text));
    process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors, version: validator.version }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    input: JSON.stringify(doc),
    cwd: path.resolve(__dirname, '../../..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(String(out)) as { valid: boolean; errors?: unknown; version?: string };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function operations(doc: OpenAPIObject): { method: string; path: string; op: OperationObject }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path: p, op: item[method] as OperationObject })),
  );
}

describe('the OpenAPI contract', () => {
  it('when /api/openapi.json is read, then it is a valid OpenAPI 3.1 document whose errors are one Problem schema', async () => {
    const res = await app.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as OpenAPIObject;
    expect(doc.openapi).toBe('3.1.0');
    expect(validateOpenApi(doc)).toEqual({ valid: true, version: '3.1' });
    expect(Object.keys(doc.components?.schemas ?? {})).toContain('Problem');
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual(['csrfCookie', 'csrfHeader', 'session']);
    expect((doc.components?.securitySchemes?.csrfHeader as { name: string }).name).toBe(CSRF_HEADER);

    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(100);
    for (const { method, path: p, op } of ops) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (Number(status) < 400) continue;
        expect({ at: `${method} ${p} ${status}`, content: (response as { content?: unknown }).content }).toEqual({
          at: `${method} ${p} ${status}`,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        });
      }
    }
    // Every operation says what it does and what it answers: a JSON schema, nothing (204), a
    // redirect, or a media type it sends itself (a file, an image, audio, a page).
    const vague: string[] = [];
    for (const { method, path: p, op } of ops) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => Number(status) < 400);
      const said = success.every(([status, response]) => {
        const content = (response as { content?: Record<string, { schema?: unknown }> }).content;
        return status === '204' || status === '202' || status.startsWith('3') || Object.values(content ?? {}).some((c) => c.schema);
      });
      if (!said || !success.length) vague.push(`${method} ${p}: answers ${success.map(([s]) => s).join(', ')} without saying what`);
      if (!op.summary || op.summary === `${method.toUpperCase()} ${p}`) vague.push(`${method} ${p}: no summary`);
    }
    expect(vague).toEqual([]);

    // Spot checks of what the schemas and auth levels give.
    const rate = doc.paths!['/api/albums/{id}/rating']!.put!;
    expect(rate.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(rate.requestBody).toMatchObject({ content: { 'application/json': { schema: { type: 'object', required: ['rating'] } } } });
    expect(Object.keys(rate.responses!)).toEqual(expect.arrayContaining(['400', '401', '403', '404', '413', '429']));
    expect(rate.security).toEqual([{ session: [], csrfHeader: [] }]);
    const login = doc.paths!['/api/auth/login']!.post!;
    expect(login.responses!['200']).toMatchObject({ content: { 'application/json': { schema: { properties: { csrfToken: { type: 'string' } } } } } });
    expect(Object.keys(login.responses!)).toContain('401');
    expect(Object.keys(doc.paths!['/api/charts/facets']!.get!.responses!)).toEqual(['200', '400', '429', '503']);
  });

  it('when the real app is walked, then every route it answers is in the document and every operation of the document is answered', async () => {
    const expressApp = createApp(app.container);
    const doc = (await app.client().get('/api/openapi.json')).body as OpenAPIObject;
    expect(contractGaps(listAppRoutes(expressApp), doc)).toEqual({ undocumented: [], unrouted: [] });

    // Each operation, sent with placeholder path values, must reach a route rather than the API's catch-all.
    const client = app.client();
    const csrf = await client.ensureCsrf();
    const missing: string[] = [];
    for (const { method, path: p } of operations(doc)) {
      const url = p.replace(/\{[^}]+\}/g, '1');
      const res = await client.agent[method as 'get'](url)
        .set(CSRF_HEADER, csrf)
        .ok(() => true);
      if (res.status === 404 && String(res.body?.detail ?? '').startsWith('No API route for')) missing.push(`${method} ${p}`);
    }
    expect(missing).toEqual([]);
  });

  it('when a route is added outside createRoutes, or the document names an operation no route answers, then the parity check reports it', () => {
    const express_ = express();
    const router = Router();
    createRoutes(router, { currentUser: async () => null }).get('/things/:id', { params: z.object({ id: z.string() }), handle: () => ({}) });
    router.post('/raw', (_req, res) => void res.end());
    express_.use('/api', router);
    const routes = listAppRoutes(express_);
    const doc = buildOpenApiDocument(routes, { secureCookies: false });
    doc.paths!['/api/ghost'] = { get: { responses: {} } };
    expect(contractGaps(routes, doc)).toEqual({ undocumented: ['POST /api/raw'], unrouted: ['GET /api/ghost'] });
  });

  it('when /api/docs is opened, then it lists every operation as a page without scripts that the CSP lets render', async () => {
    const client = app.client();
    const res = await client.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).not.toMatch(/\b(src|href)="https?:/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const doc = (await client.get('/api/openapi.json')).body as OpenAPIObject;
    const ops = operations(doc);
    expect(res.text.match(/<details class="op"/g)?.length).toBe(ops.length);
    expect(res.text).toContain('<code>/api/albums/{id}/rating</code>');
  });
});
