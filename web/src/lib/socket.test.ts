import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../testing/fake-socket';
import { holdSocket, listen, setSocketFactory, type MuseSocket } from './socket';

describe('holdSocket', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  it('when a socket can be made at once, then attach runs at once, two holders share one connection, and the last to let go disconnects it', () => {
    const fake = new FakeSocket();
    const made = vi.fn(() => fake.asSocket());
    restore = setSocketFactory(made);
    const seen: MuseSocket[] = [];
    const detachA = vi.fn();
    const detachB = vi.fn();
    const letGoA = holdSocket((socket) => (seen.push(socket), detachA));
    const letGoB = holdSocket((socket) => (seen.push(socket), detachB));
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(made).toHaveBeenCalledTimes(1);
    expect(fake.active).toBe(true);

    letGoA();
    expect(detachA).toHaveBeenCalledTimes(1);
    expect(fake.active).toBe(true);
    letGoA();
    expect(detachA).toHaveBeenCalledTimes(1);
    letGoB();
    expect(detachB).toHaveBeenCalledTimes(1);
    expect(fake.active).toBe(false);
  });

  it('when socket.io-client is not loaded yet, then a hold attaches once it arrives, and a hold given up before it arrives never attaches', async () => {
    const givenUp = vi.fn(() => () => undefined);
    holdSocket(givenUp)();
    const detach = vi.fn();
    let held: MuseSocket | null = null;
    const letGo = holdSocket((socket) => {
      held = socket;
      return detach;
    });
    await vi.waitFor(() => expect(held).not.toBeNull());
    // A real client socket, from the module fetched on first use.
    expect(typeof (held as unknown as MuseSocket).io?.opts).toBe('object');
    expect(givenUp).not.toHaveBeenCalled();
    letGo();
    expect(detach).toHaveBeenCalledTimes(1);
    expect((held as unknown as MuseSocket).active).toBe(false);
  });
});

describe('listen', () => {
  it('when listeners are put on, then each hears its event, and stopping takes off those and no others', () => {
    const fake = new FakeSocket();
    const socket = fake.asSocket();
    const other = vi.fn();
    socket.on('disconnect', other);
    const onStats = vi.fn();
    const onConnect = vi.fn();
    const stop = listen(socket, { 'album:stats': onStats, connect: onConnect });
    fake.serverEmit('album:stats', { albumId: '1' });
    fake.serverEmit('connect');
    expect(onStats).toHaveBeenCalledWith({ albumId: '1' });
    expect(onConnect).toHaveBeenCalledTimes(1);

    stop();
    expect(fake.listenerCount('album:stats')).toBe(0);
    expect(fake.listenerCount('connect')).toBe(0);
    expect(fake.listenerCount('disconnect')).toBe(1);
  });
});
