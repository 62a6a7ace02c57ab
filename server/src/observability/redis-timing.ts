import { Command, type Redis } from 'ioredis';
import type { MuseMetrics } from './metrics';

const TIMED = Symbol('muse.redisTimed');

type Timed = Command & { [TIMED]?: true };

/** Commands whose reply waits on data arriving, not on Redis working: timing them says nothing. */
function waitsForData(name: string): boolean {
  return Command.checkFlag('BLOCKING_COMMANDS', name) || Command.checkFlag('ENTER_SUBSCRIBER_MODE', name);
}

/**
 * Times every command `redis` sends into `muse_redis_command_duration_seconds`, from the first
 * time it is handed to the connection to its reply (or error), by wrapping this one connection's
 * `sendCommand`: pipelines and auto-pipelining go through it too. Connections made from it with
 * `duplicate()` (BullMQ's blocking readers) are not timed.
 */
export function timeRedisCommands(redis: Redis, metrics: MuseMetrics): void {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command: Timed, ...rest) => {
    // A command passes through here again when the offline queue is flushed or it is resent after a reconnect.
    if (!command[TIMED] && !waitsForData(command.name)) {
      command[TIMED] = true;
      const started = process.hrtime.bigint();
      const done = () => metrics.redisCommandDuration.observe({ command: command.name.toLowerCase() }, Number(process.hrtime.bigint() - started) / 1e9);
      command.promise.then(done, done);
    }
    return send(command, ...rest);
  };
}
