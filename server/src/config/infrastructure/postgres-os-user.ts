import { execFile } from 'node:child_process';
import { promises as fs, constants } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../../lib/logger';
import { describeError, InfrastructureError } from './infrastructure-error';
import type { RunAs } from './managed-process';

const run = promisify(execFile);
const OS_USER = 'postgres';

async function lookUp(name: string): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/**
 * Who the embedded server runs as: undefined (ourselves) unless we are root, which Postgres refuses;
 * then the OS user `postgres`, created as a system user if missing.
 */
export async function embeddedPostgresUser(logger: Logger): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUp(OS_USER);
  if (existing) return existing;
  logger.warn(`postgres: running as root, which Postgres refuses; creating system user '${OS_USER}' to run the embedded server`);
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER]);
  } catch (err) {
    throw new InfrastructureError(
      `Postgres refuses to run as root and there is no '${OS_USER}' OS user to run the embedded server as ` +
        `(useradd failed: ${describeError(err)}). Create one (useradd --system ${OS_USER}), run Muse as a normal user, or set DATABASE_URL.`,
    );
  }
  const created = await lookUp(OS_USER);
  if (!created) throw new InfrastructureError(`created OS user '${OS_USER}' but cannot look it up; set DATABASE_URL instead`);
  return created;
}

function canSearch(stat: { mode: number; uid: number; gid: number }, user: RunAs): boolean {
  // Child processes get no supplementary groups, so only the primary gid counts.
  if (stat.uid === user.uid) return (stat.mode & constants.S_IXUSR) !== 0;
  if (stat.gid === user.gid) return (stat.mode & constants.S_IXGRP) !== 0;
  return (stat.mode & constants.S_IXOTH) !== 0;
}

// The first directory on the way to (and including) `dir` that `user` may not enter, if any.
async function firstUnreachableDirectory(dir: string, user: RunAs): Promise<string | undefined> {
  const chain: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const entry of chain) {
    const stat = await fs.stat(entry);
    if (!canSearch(stat, user)) return entry;
  }
  return undefined;
}

/** Throws a clear InfrastructureError unless `user` can reach every one of `dirs`. */
export async function assertReachable(dirs: string[], user: RunAs): Promise<void> {
  for (const dir of dirs) {
    const blocked = await firstUnreachableDirectory(dir, user);
    if (blocked) {
      throw new InfrastructureError(
        `The embedded Postgres runs as OS user '${OS_USER}' (Postgres refuses root), but that user cannot enter ${blocked} ` +
          `on the way to ${dir}. Make it searchable (chmod o+x ${blocked}), point DATA_DIR somewhere it can reach, ` +
          `run Muse as a normal user, or set DATABASE_URL.`,
      );
    }
  }
}
