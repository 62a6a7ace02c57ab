import type { MuseSocket } from '../lib/socket';

type Listener = (...args: unknown[]) => void;

/**
 * A stand-in for the Socket.IO client: records what the page emits, answers acknowledgements
 * with `ackWith`, and lets a test play the server with `serverEmit`.
 */
export class FakeSocket {
  connected = false;
  active = false;
  recovered = false;
  readonly emitted: { event: string; args: unknown[] }[] = [];
  ackWith: unknown = true;
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, args });
    const ack = args[args.length - 1];
    if (typeof ack === 'function') queueMicrotask(() => (ack as Listener)(this.ackWith));
    return this;
  }

  connect(): this {
    this.active = true;
    queueMicrotask(() => {
      this.connected = true;
      this.serverEmit('connect');
    });
    return this;
  }

  disconnect(): this {
    this.connected = false;
    this.active = false;
    this.serverEmit('disconnect');
    return this;
  }

  /** Delivers an event to the page's listeners, as the server would. */
  serverEmit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  asSocket(): MuseSocket {
    return this as unknown as MuseSocket;
  }
}
