import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CpuPerRequest } from '../lib/process-cpu';
import type { LighthouseResult } from '../web/lighthouse';

/** One row of the results, in the JSON's field names. */
export interface ScenarioResult {
  name: string;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  budget_p99_ms: number | null;
  /** Offered requests per second of the budget phase (null: as fast as answered). */
  target_rate: number | null;
  /** Closed-loop throughput on the scenario's connections. */
  max_rps: number;
  verdict: Verdict;
  requests: number;
  status_codes: Record<string, number>;
  /** CPU each request of the budget phase cost the server process and Postgres (ms; null where not measured). */
  cpu_ms_per_request?: CpuPerRequest;
}

/** How a scenario fared against its budget; see verdictOf. */
export type Verdict = 'ok' | 'over' | 'errors' | '-';

/** One job scenario (a background job timed from its request to its end), in the JSON's field names. */
export interface JobResult {
  name: string;
  /** How the job ended (`done` unless something failed). */
  status: string;
  tracks: number;
  /** Tracks linked to the catalog. */
  linked: number;
  /** From the request that started it until the bench saw it end, and as the server recorded it. */
  seconds: number;
  server_seconds: number | null;
  /** Calls the music service received, and the fewest that could do the work. */
  provider_calls: number;
  minimum_provider_calls: number;
  /**
   * Conversions: source tracks no ISRC lookup settled, so the job searched the target for them.
   * The minimum counts no search; each of these needs at least one.
   */
  searched_tracks?: number;
  /** Calls other work in the same processes made meanwhile (listed in `calls_by_endpoint` too). */
  other_provider_calls: number;
  calls_by_endpoint: Record<string, number>;
  error: string | null;
  /** Growth of the server's resident memory at its peak during the job (MB), where measured. */
  peak_rss_growth_mb?: number;
  /** Preview clips: from the first request of a clip not yet stored until its first 64 KB arrived (ms). */
  first_play_ms?: { p50: number; p99: number; max: number };
}

/** The JSON written by a run: these two keys, `jobs` when a job scenario ran, `lighthouse` when it ran. */
export interface BenchReport {
  machine: { cpu: string; cores: number; memory_gb: number; node: string; os: string };
  scenarios: ScenarioResult[];
  jobs?: JobResult[];
  lighthouse?: LighthouseResult[];
}

/** A run keeps its offered rate when it answers at least this share of it. */
const RATE_KEPT = 0.95;

/**
 * ok: p99 within budget at the offered rate and no errors; over: p99 above budget or the rate
 * not kept; errors: any non-2xx answer, timeout or connection error; "-" without a budget.
 */
export function verdictOf(r: Pick<ScenarioResult, 'rps' | 'p99_ms' | 'errors' | 'budget_p99_ms' | 'target_rate'>): Verdict {
  if (r.budget_p99_ms === null) return '-';
  if (r.errors > 0) return 'errors';
  if (r.p99_ms > r.budget_p99_ms) return 'over';
  if (r.target_rate !== null && r.rps < r.target_rate * RATE_KEPT) return 'over';
  return 'ok';
}

/** The machine the run measured. */
export function machineInfo(): BenchReport['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

const num = (n: number, digits = 0) => n.toFixed(digits);

/** The results as an aligned text table, with each scenario's throughput as a share of the baseline's. */
export function formatTable(report: BenchReport): string {
  const baseline = report.scenarios.find((s) => s.name === 'express-baseline');
  const header = [
    'scenario',
    'offered/s',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'budget p99',
    'verdict',
    'max req/s',
    'vs express',
    'cpu ms/req',
    'pg ms/req',
  ];
  const cpu = (ms: number | null | undefined) => (ms === null || ms === undefined ? '-' : num(ms, 2));
  const rows = report.scenarios.map((s) => [
    s.name,
    s.target_rate === null ? 'max' : String(s.target_rate),
    num(s.rps),
    num(s.p50_ms, 1),
    num(s.p99_ms, 1),
    String(s.errors),
    s.budget_p99_ms === null ? '-' : `${s.budget_p99_ms} ms`,
    s.verdict,
    num(s.max_rps),
    baseline && baseline.max_rps > 0 ? `${num(s.max_rps / baseline.max_rps, 2)}x` : '-',
    cpu(s.cpu_ms_per_request?.server_ms),
    cpu(s.cpu_ms_per_request?.postgres_ms),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The job scenarios, one line each, with every endpoint's calls. */
export function formatJobs(jobs: JobResult[]): string {
  return jobs
    .map((j) => {
      const endpoints = Object.entries(j.calls_by_endpoint)
        .map(([endpoint, n]) => `${endpoint} ${n}`)
        .join(', ');
      const server = j.server_seconds === null ? '' : ` (server: ${num(j.server_seconds, 2)} s)`;
      const outcome = j.status === 'done' ? '' : ` ${j.status.toUpperCase()}: ${j.error ?? ''}`;
      const rss = j.peak_rss_growth_mb === undefined ? '' : `; peak RSS growth ${num(j.peak_rss_growth_mb, 1)} MB`;
      const searched =
        j.searched_tracks === undefined
          ? ''
          : ` (${num(j.provider_calls / Math.max(1, j.minimum_provider_calls), 2)}x); ${j.searched_tracks} tracks searched for, so at least ${j.minimum_provider_calls + j.searched_tracks} calls (${num(j.provider_calls / Math.max(1, j.minimum_provider_calls + j.searched_tracks), 2)}x)`;
      const firstPlay = j.first_play_ms ? `; first play p50 ${num(j.first_play_ms.p50, 1)} ms, p99 ${num(j.first_play_ms.p99, 1)} ms` : '';
      return (
        `${j.name}: ${j.tracks.toLocaleString('en')} tracks (${j.linked.toLocaleString('en')} linked to the catalog) in ${num(j.seconds, 2)} s${server};` +
        ` provider calls ${j.provider_calls}, minimum ${j.minimum_provider_calls}${searched}; other work's calls meanwhile ${j.other_provider_calls}; all calls by endpoint: ${endpoints}${rss}${firstPlay}${outcome}`
      );
    })
    .join('\n');
}

/** Writes latest.json and a copy named after the run's time; returns both paths. */
export function writeReport(report: BenchReport, dir: string, at = new Date()): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  // Colons are not allowed in file names everywhere.
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  const files = [path.join(dir, 'latest.json'), path.join(dir, `${stamp}.json`)];
  for (const file of files) fs.writeFileSync(file, json);
  return files;
}
