import { Writable } from 'node:stream';
import express from 'express';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { createLogger } from '../lib/logger';
import { runWithRequestId } from '../lib/request-context';
import { useTestApp } from '../testing/test-app';
import { errorHandler } from './error-handler';
import { redactRequestLog } from './log-redaction';
import { requestId } from './request-id';

/**
 * An error nobody expected reaches the client as a bare 500 that gives nothing of the inside away,
 * while the log keeps everything an operator needs, tied to the request id the client saw.
 */

// What an internal failure may carry: SQL, a column name, a path on the server, personal data.
const INTERNAL = 'select password_hash from users where email = $1 failed at /srv/muse/server/dist/main.js:4242 (ada@example.com)';

const app = useTestApp();

describe('unexpected errors', () => {
  it('when a handler throws an unexpected error, then the answer is a 500 problem with a generic body: no message, stack, SQL, path or data', async () => {
    const albumPage = app.container.services.albumPage;
    const original = albumPage.get;
    albumPage.get = () => Promise.reject(Object.assign(new Error(INTERNAL), { code: 'XX000', detail: 'Key (email)=(ada@example.com)' }));
    try {
      const res = await request(app.url).get('/api/albums/1');
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toEqual({ type: '/problems/internal', title: 'Internal Server Error', status: 500, code: 'internal' });
      expect(res.text).not.toMatch(/password_hash|select|\/srv|main\.js|ada@example|XX000|\n\s+at /i);
      expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    } finally {
      albumPage.get = original;
    }
  });

  it('when the error is logged, then the line carries the request id the client got, the error and its stack, and no password or cookie from the request', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    });
    const logger = createLogger('info', stream);
    const mini = express();
    mini.use(pinoHttp({ logger, genReqId: requestId, serializers: { req: redactRequestLog } }));
    mini.use((req, _res, next) => runWithRequestId(String(req.id), next));
    mini.use(express.json());
    mini.post('/boom', () => {
      throw new Error(INTERNAL);
    });
    mini.use(errorHandler);

    const res = await request(mini).post('/boom').set('Cookie', 'muse_sid=the-session-id').send({ password: 'hunter2-hunter2' });
    expect(res.status).toBe(500);
    expect(res.text).not.toContain(INTERNAL);
    const logged = lines.find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ level: 50, reqId: res.headers['x-request-id'], err: { message: INTERNAL, stack: expect.stringContaining('Error: ') } });
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|the-session-id/);
  });
});
