import { io as connect, type Socket } from 'socket.io-client';
import type { ServerToClientEvents } from '@muse/shared';
import { startWorker } from '../roles/worker-role';
import { useTestApp } from '../testing/test-app';
import { registerUser } from '../testing/factories';

const app = useTestApp();

const sockets: Socket[] = [];
afterEach(() => {
  while (sockets.length) sockets.pop()!.disconnect();
});

function open(cookie?: string): Socket<ServerToClientEvents> {
  const socket = connect(app.url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false });
  sockets.push(socket);
  return socket;
}

function once<T>(socket: Socket, event: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs).unref();
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

describe('socket handshake', () => {
  it('when there is no session cookie, then the connection is refused', async () => {
    const err = await once<Error>(open(), 'connect_error');
    expect(err.message).toBe('unauthenticated');
  });

  it('when the cookie is forged, then the connection is refused', async () => {
    const err = await once<Error>(open('muse_sid=forged-session-id-value'), 'connect_error');
    expect(err.message).toBe('unauthenticated');
  });

  it('when the origin is foreign, then the connection is refused', async () => {
    const { client } = await registerUser(app);
    const socket = connect(app.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: client.cookieHeader(), origin: 'https://evil.example' },
      reconnection: false,
    });
    sockets.push(socket);
    await expect(once(socket, 'connect_error')).resolves.toBeDefined();
  });
});

describe('live delivery', () => {
  it('when a user registers, then the worker’s welcome notification reaches their open socket', async () => {
    // No worker runs yet, so the socket is surely open before the job is processed.
    const { client } = await registerUser(app);
    const socket = open(client.cookieHeader());
    await once(socket, 'connect');
    expect((await client.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
    const live = once<{ notification: { title: string }; unread: number }>(socket, 'notification:new', 15_000);
    const worker = await startWorker(app.container);
    try {
      const payload = await live;
      expect(payload.notification.title).toBe('Welcome to Muse');
      expect(payload.unread).toBe(1);
    } finally {
      await worker.stop();
    }
    const list = await client.get('/api/notifications').expect(200);
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual(['Welcome to Muse']);
  });

  it('when a notification is created for A, then only A’s sockets receive it', async () => {
    const a = await registerUser(app);
    const b = await registerUser(app);
    const sa = open(a.client.cookieHeader());
    const sb = open(b.client.cookieHeader());
    await Promise.all([once(sa, 'connect'), once(sb, 'connect')]);
    const leaked: unknown[] = [];
    sb.on('notification:new', (p) => {
      if (p.notification.title === 'For A only') leaked.push(p);
    });
    const got = once<{ notification: { title: string } }>(sa, 'notification:new');
    await app.container.services.notifications.create({ userId: a.session.user.id, type: 'welcome', title: 'For A only', body: '' });
    expect((await got).notification.title).toBe('For A only');
    // Give a misrouted emit the same chance to arrive before asserting none did.
    await app.container.services.notifications.create({ userId: b.session.user.id, type: 'welcome', title: 'For B', body: '' });
    await new Promise<void>((resolve) => sb.on('notification:new', (p) => p.notification.title === 'For B' && resolve()));
    expect(leaked).toEqual([]);
  });

  it('when one tab marks all read, then the other tab gets the new unread count', async () => {
    const { client, session } = await registerUser(app);
    await app.container.services.notifications.create({ userId: session.user.id, type: 'welcome', title: 'x', body: '' });
    const socket = open(client.cookieHeader());
    await once(socket, 'connect');
    const update = once<{ unread: number }>(socket, 'notification:unread');
    await client.post('/api/notifications/read-all');
    expect(await update).toEqual({ unread: 0 });
  });

  it('when the user logs out, then their sockets are disconnected', async () => {
    const { client } = await registerUser(app);
    const socket = open(client.cookieHeader());
    await once(socket, 'connect');
    const gone = once<string>(socket, 'disconnect');
    await client.post('/api/auth/logout');
    expect(await gone).toBe('io server disconnect');
  });
});
