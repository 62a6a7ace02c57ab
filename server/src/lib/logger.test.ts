import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { runWithRequestId } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('when logging inside a request, then each line carries the request id; outside, none', async () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    await runWithRequestId('req-12345678', async () => {
      logger.info('first');
      // A macrotask boundary, where a context kept only by the caller would be lost.
      await new Promise((r) => setImmediate(r));
      logger.child({ module: 'x' }).warn('second, after an await');
    });
    logger.info('outside');
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['first', 'req-12345678'],
      ['second, after an await', 'req-12345678'],
      ['outside', undefined],
    ]);
  });

  it('when a password or cookie is logged, then it is redacted', () => {
    const { lines, stream } = capture();
    createLogger('info', stream).info({ body: { password: 'hunter22' }, req: { headers: { cookie: 'muse_sid=secret' } } }, 'x');
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter22|secret/);
  });
});
