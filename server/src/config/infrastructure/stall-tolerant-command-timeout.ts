import { Command } from 'ioredis';

interface TimedCommand {
  isSettled: boolean;
  _commandTimeoutTimer?: NodeJS.Timeout;
  reject(error: Error): void;
}

let installed = false;

/**
 * Makes ioredis's `commandTimeout` tell a Redis that did not answer from a process that did not
 * look. ioredis arms a timer per command and rejects when it fires; after the event loop stalls
 * for longer than the timeout (a long synchronous task, a host short of CPU), the timers run
 * before the socket is read, so a reply that arrived during the stall is thrown away and a
 * healthy Redis becomes a 503 (one run in two, in redis-command-timeout.test.ts, without this).
 * Here the rejection waits one turn of the loop (`setImmediate`, after the loop has read its
 * sockets): a reply that is there settles the command first; a Redis that did not answer still
 * fails it, that much later. Applies to every ioredis connection of the process; idempotent.
 */
export function installStallTolerantCommandTimeout(): void {
  if (installed) return;
  installed = true;
  (Command.prototype as unknown as { setTimeout(this: TimedCommand, ms: number): void }).setTimeout = function setTimeout(this: TimedCommand, ms: number) {
    if (this._commandTimeoutTimer) return;
    this._commandTimeoutTimer = globalThis.setTimeout(() => {
      setImmediate(() => {
        if (!this.isSettled) this.reject(new Error('Command timed out'));
      });
    }, ms);
  };
}
