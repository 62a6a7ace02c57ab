import net from 'node:net';
import { CSRF_HEADER } from '@muse/shared';
import { spawnMuse, type MuseProcess } from '../testing/spawn-muse';
import { createTestDatabase, createTestRedisPrefix } from '../testing/test-infra';
import { newUserInput } from '../testing/factories';
import { waitFor } from '../testing/wait-for';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A raw HTTP/1.1 connection, so the test controls exactly which socket each request uses. */
class RawConnection {
  private buffer = '';
  private waiters: Array<() => void> = [];
  readonly socket: net.Socket;
  readonly closed: Promise<void>;

  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setEncoding('utf8');
    this.socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.notify();
    });
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.closed.then(() => this.notify()).catch(() => undefined);
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private async until<T>(take: () => T | null): Promise<T> {
    for (;;) {
      const value = take();
      if (value !== null) return value;
      if (this.socket.destroyed && this.socket.readableEnded) throw new Error(`connection closed; received: ${this.buffer}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  write(text: string): void {
    this.socket.write(text);
  }

  /** Resolves once the server sent `100 Continue`, which proves it parsed the request head. */
  async continued(): Promise<void> {
    await this.until(() => {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return null;
      if (!this.buffer.startsWith('HTTP/1.1 100')) throw new Error(`expected 100 Continue, got: ${this.buffer}`);
      this.buffer = this.buffer.slice(end + 4);
      return true;
    });
  }

  /** Reads one response with a Content-Length body. */
  async response(): Promise<RawResponse> {
    return this.until(() => {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const [statusLine, ...lines] = this.buffer.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? 0);
      if (this.buffer.length < end + 4 + length) return null;
      const body = this.buffer.slice(end + 4, end + 4 + length);
      this.buffer = this.buffer.slice(end + 4 + length);
      return { status: Number(statusLine!.split(' ')[1]), headers, body };
    });
  }
}

function request(method: string, path: string, headers: Record<string, string>, body = ''): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: keep-alive', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (!('Content-Length' in headers) && (body || method !== 'GET')) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

let muse: MuseProcess | undefined;
afterEach(async () => {
  if (muse && muse.child.exitCode === null) {
    muse.child.kill('SIGKILL');
    await muse.exited;
  }
});

describe('graceful shutdown of the api', () => {
  it('when SIGTERM arrives during a write on a keep-alive connection, then the write is answered with Connection: close, idle connections are closed, new ones refused, and it exits 0', async () => {
    const db = await createTestDatabase('shutdown');
    const redis = createTestRedisPrefix('shutdown');
    try {
      muse = spawnMuse('api', { DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, PORT: '0', HOST: '127.0.0.1' });
      const port = Number(new URL(await muse.url).port);

      // An idle keep-alive connection, as a browser keeps between requests.
      const idle = new RawConnection(port);
      idle.write(request('GET', '/api/csrf', {}));
      const csrf = await idle.response();
      expect(csrf.status).toBe(200);
      const token = JSON.parse(csrf.body).csrfToken as string;
      const cookie = csrf.headers['set-cookie']!.split(';')[0]!;

      // A write in flight: the server has read its head (it said 100 Continue) but not its body.
      const writer = new RawConnection(port);
      const body = JSON.stringify(newUserInput());
      const head = {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(body)),
        Expect: '100-continue',
        Cookie: cookie,
        [CSRF_HEADER]: token,
      };
      writer.write(request('POST', '/api/auth/register', head));
      await writer.continued();

      muse.child.kill('SIGTERM');
      await waitFor('the shutdown to begin', () => /shutting down/.test(muse!.output()));
      expect(await connectionRefused(port)).toBe(true);
      await idle.closed;

      writer.write(body);
      const answered = await writer.response();
      expect(answered.status).toBe(201);
      expect(answered.headers.connection).toBe('close');
      await writer.closed;
      expect(writer.socket.destroyed).toBe(true);

      const { code } = await muse.exited;
      expect(code).toBe(0);
      expect(muse.output()).toMatch(/shutdown complete/);
    } finally {
      await db.drop();
      await redis.cleanup();
    }
  });
});
