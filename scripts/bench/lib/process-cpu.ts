import fs from 'node:fs';

/**
 * CPU time spent by processes, read from Linux's /proc (user + system). Time per request is a
 * steadier figure than latency on a shared machine: another program's load stretches the wait
 * for a core, not the work a request needs once it has one.
 */

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function commandOf(pid: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** CPU seconds of each running Postgres process (server and backends) on this machine, by pid. */
function postgresCpuSeconds(): Map<number, number> | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const byPid = new Map<number, number>();
  for (const pid of pids) {
    if (!commandOf(pid).startsWith('postgres')) continue;
    const seconds = cpuSecondsOf(Number(pid));
    if (seconds !== null) byPid.set(Number(pid), seconds);
  }
  return byPid;
}

/**
 * What the Postgres processes running at the end spent since the start: each one's own growth
 * (all of it for a process that started meanwhile, or whose pid was taken by a new one). A sum
 * over all processes would fall whenever one ended during the phase (a backend of another
 * program, an autovacuum worker) and could come out below zero.
 */
function postgresGrowth(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) {
    const earlier = before.get(pid);
    total += earlier === undefined || earlier > seconds ? seconds : seconds - earlier;
  }
  return total;
}

/** CPU milliseconds per request of the server process and of Postgres over one measured phase. */
export interface CpuPerRequest {
  server_ms: number | null;
  postgres_ms: number | null;
}

/**
 * Starts counting; the returned function takes the number of requests answered since and gives
 * the CPU each cost. Postgres backends that end during the phase take their time with them, so
 * its figure is a floor (and it includes any other program's Postgres work meanwhile: the bench
 * wants the machine to itself); both are null where /proc is missing.
 */
export function startCpuMeter(serverPid: number | undefined): (requests: number) => CpuPerRequest {
  const server0 = serverPid === undefined ? null : cpuSecondsOf(serverPid);
  const postgres0 = postgresCpuSeconds();
  return (requests) => {
    const per = (seconds: number | null) => (seconds === null || requests === 0 ? null : Math.round((seconds * 1000 * 100) / requests) / 100);
    const server1 = serverPid === undefined ? null : cpuSecondsOf(serverPid);
    const postgres1 = postgresCpuSeconds();
    return {
      server_ms: per(server0 === null || server1 === null ? null : server1 - server0),
      postgres_ms: per(postgres0 === null || postgres1 === null ? null : postgresGrowth(postgres0, postgres1)),
    };
  };
}
