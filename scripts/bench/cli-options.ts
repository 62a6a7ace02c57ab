import path from 'node:path';
import { JOB_SCENARIO_NAMES } from './jobs/job-scenarios';
import { SCENARIO_NAMES } from './load/scenarios';

/** What one `npm run bench` does. */
export interface BenchOptions {
  smoke: boolean;
  scale: 'full' | 'smoke';
  rebuild: boolean;
  datasetOnly: boolean;
  /** Seconds of each measured phase. */
  durationSeconds: number;
  /** Seconds of warm-up before each scenario. */
  warmupSeconds: number;
  /** Run only these (the baseline always runs with a load scenario: it is the ratios' denominator); job scenarios run only when named. */
  scenarios: string[];
  sessions: number;
  databaseUrl: string;
  redisUrl: string;
  /** The MongoDB deployment the playlist scenarios run against a second time, when one is given. */
  mongoUrl: string | null;
  outDir: string;
}

/** Wrong command-line arguments; the CLI prints the message and exits with status 2. */
export class UsageError extends Error {}

/** --help: the CLI prints the usage and exits with status 0. */
export class HelpRequested extends Error {}

/** Printed for --help and after an unknown argument. */
export const USAGE = `usage: npm run bench -- [options]
  --duration <s>      seconds per measured phase (default 20; 1 with --smoke)
  --warmup <s>        warm-up seconds before each scenario (default 3; 0.5 with --smoke)
  --scenario <name>   run only this scenario, repeatable (${SCENARIO_NAMES.join(', ')};
                      named only: ${JOB_SCENARIO_NAMES.join(', ')})
  --sessions <n>      users signed in for the scenarios (default 200; 10 with --smoke)
  --rebuild           build the data set anew even when a matching one exists
  --dataset-only      build or check the data set, then stop
  --scale <name>      full (default: DESIGN.md's sizes) or smoke (a few thousand rows)
  --smoke             tiny data set in a throwaway database, short phases: proves the harness works
  --out <dir>         where the JSON results go (default scripts/bench/results, or its smoke/ with --smoke)
environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/muse_bench),
             BENCH_REDIS_URL (default redis://127.0.0.1:6379),
             BENCH_MONGO_URL or MONGO_URL (default none: the playlist scenarios run on the postgres
             document store only; with one, also on the mongo adapter, in a database named like the
             bench's Postgres database),
             BENCH_CHROMIUM (default /usr/bin/chromium: the browser the lighthouse scenario drives),
             BENCH_SERVER_NODE_FLAGS (default none: node flags for the api and worker, e.g. --cpu-prof)`;

function positive(flag: string, raw: string | undefined, integer: boolean): number {
  const value = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} needs a positive ${integer ? 'whole ' : ''}number, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  }
  return value;
}

/** Parses argv (without node and the script) and the environment into options. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, root: string): BenchOptions {
  const flags = new Map<string, string[]>();
  const valued = new Set(['--duration', '--warmup', '--scenario', '--sessions', '--out', '--scale']);
  const bare = new Set(['--smoke', '--rebuild', '--dataset-only']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') throw new HelpRequested(USAGE);
    if (bare.has(arg)) flags.set(arg, ['']);
    else if (valued.has(arg)) {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      flags.set(arg, [...(flags.get(arg) ?? []), argv[++i]!]);
    } else throw new UsageError(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  const smoke = flags.has('--smoke');
  const scenarios = flags.get('--scenario') ?? SCENARIO_NAMES;
  const known = [...SCENARIO_NAMES, ...JOB_SCENARIO_NAMES];
  for (const name of scenarios) {
    if (!known.includes(name)) throw new UsageError(`unknown scenario ${JSON.stringify(name)}; choose from ${known.join(', ')}`);
  }
  const last = (flag: string) => flags.get(flag)?.at(-1);
  const scale = last('--scale') ?? (smoke ? 'smoke' : 'full');
  if (scale !== 'full' && scale !== 'smoke') throw new UsageError(`--scale must be full or smoke, got ${JSON.stringify(scale)}`);
  if (smoke && scale !== 'smoke') throw new UsageError('--smoke always uses the smoke scale');
  return {
    smoke,
    scale,
    rebuild: flags.has('--rebuild'),
    datasetOnly: flags.has('--dataset-only'),
    durationSeconds: flags.has('--duration') ? positive('--duration', last('--duration'), false) : smoke ? 1 : 20,
    warmupSeconds: flags.has('--warmup') ? positive('--warmup', last('--warmup'), false) : smoke ? 0.5 : 3,
    scenarios,
    sessions: flags.has('--sessions') ? positive('--sessions', last('--sessions'), true) : smoke ? 10 : 200,
    databaseUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/muse_bench',
    redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
    mongoUrl: env.BENCH_MONGO_URL || env.MONGO_URL || null,
    // A smoke run must not overwrite the figures of a real one.
    outDir: path.resolve(root, last('--out') ?? (smoke ? 'scripts/bench/results/smoke' : 'scripts/bench/results')),
  };
}
