import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

/** The OS user a child runs as when we are root. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** How a child ended: an exit code, or the signal that killed it. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A server process this process started: it is stopped by stop() and also when this process exits. */
export interface ManagedProcess {
  readonly pid: number;
  /** Settles once the child has exited, however that happened. */
  readonly exited: Promise<ExitStatus>;
  hasExited(): boolean;
  /** Asks the child to shut down and waits for it, killing it if it overstays; idempotent. */
  stop(): Promise<void>;
}

/** How startManagedProcess runs and stops a server. */
export interface StartOptions {
  /** stdout and stderr are appended here, so the log survives us and does not depend on our pipes. */
  logFile: string;
  /** The signal that asks this server for a clean shutdown. */
  stopSignal: NodeJS.Signals;
  /** How long stop() waits before SIGKILL. */
  stopGraceMs: number;
  runAs?: RunAs;
  /** Called when the child exits without stop() having asked it to, e.g. a crash while Muse runs. */
  onUnexpectedExit?: (status: ExitStatus) => void;
}

function spawnLogged(command: string, args: string[], logFile: string, runAs?: RunAs, detached = false) {
  const log = openSync(logFile, 'a');
  try {
    return spawn(command, args, { stdio: ['ignore', log, log], detached, ...runAs });
  } finally {
    closeSync(log);
  }
}

/** Starts a long-running child; rejects if it cannot be spawned at all. */
export async function startManagedProcess(command: string, args: string[], options: StartOptions): Promise<ManagedProcess> {
  // In its own process group: a terminal's Ctrl-C must reach only Muse, which then drains its
  // work while Redis and Postgres still answer, and stops them last.
  const child = spawnLogged(command, args, options.logFile, options.runAs, true);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  if (child.pid === undefined) throw new Error(`${command} started without a pid`);
  // After a successful spawn 'error' only reports a failed kill(); exited and the SIGKILL fallback cover that.
  child.on('error', () => undefined);
  // A forgotten stop() must not keep this process alive; the 'exit' handler below then stops the child.
  child.unref();
  let done = false;
  let stopping: Promise<void> | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      if (!stopping) options.onUnexpectedExit?.({ code, signal });
      resolve({ code, signal });
    });
  });
  // 'exit' handlers must be synchronous: the signal is all we can do, and the server finishes on its own.
  const onParentExit = () => {
    if (!done) child.kill(options.stopSignal);
  };
  process.on('exit', onParentExit);
  void exited.then(() => process.off('exit', onParentExit));

  const stop = () => {
    stopping ??= (async () => {
      if (done) return;
      // Wait for the child even when nothing else keeps this process alive.
      child.ref();
      child.kill(options.stopSignal);
      const timer = setTimeout(() => child.kill('SIGKILL'), options.stopGraceMs);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { pid: child.pid, exited, hasExited: () => done, stop };
}

/** Runs a command to completion, logging to logFile; resolves with its exit status. */
export async function runLogged(command: string, args: string[], logFile: string, runAs?: RunAs): Promise<ExitStatus> {
  const child = spawnLogged(command, args, logFile, runAs);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}
