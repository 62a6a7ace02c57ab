import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { pinoHttp } from 'pino-http';
import { createLogger } from '../lib/logger';
import { redactRequestLog, redactUrl } from './log-redaction';

describe('request log redaction', () => {
  it('replaces OAuth codes and Music-User-Tokens in URLs and leaves the rest', () => {
    expect(redactUrl('/api/auth/spotify/callback?code=abc&state=s1')).toBe('/api/auth/spotify/callback?code=%5Bredacted%5D&state=s1');
    expect(redactUrl('/api/connections/apple/callback?music_user_token=mut-secret&state=x')).not.toContain('mut-secret');
    expect(redactUrl('/api/search?q=code')).toBe('/api/search?q=code');
    expect(redactUrl('/api/albums/1')).toBe('/api/albums/1');
  });

  it('keeps the token out of what pino-http writes for a callback request', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = express();
    app.use(pinoHttp({ logger: createLogger('info', sink), serializers: { req: redactRequestLog } }));
    app.get('/cb', (_req, res) => res.status(204).end());
    await request(app).get('/cb?music_user_token=mut-very-secret&code=oauth-code&state=s').expect(204);
    const text = lines.join('');
    expect(text).toContain('/cb?');
    expect(text).not.toContain('mut-very-secret');
    expect(text).not.toContain('oauth-code');
  });
});
