import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobRun } from '../jobs/job-run';
import { startMuse } from '../server/muse-server';
import { ensureWebBuilt } from './web-build';
import { readLighthousePages, type LighthousePage } from './lighthouse-pages';

/** Named with --scenario: Lighthouse's mobile audit of the built web app's main pages. */
export const LIGHTHOUSE_SCENARIO = 'lighthouse';

/** The scores and figures of one page (the median run by performance), in the JSON's field names. */
export interface LighthouseResult {
  page: string;
  path: string;
  /** Category scores, 0-100. */
  performance: number;
  accessibility: number;
  /** Each run's performance score, in order: how much they spread. */
  performance_runs: number[];
  fcp_ms: number;
  lcp_ms: number;
  tbt_ms: number;
  cls: number;
  speed_index_ms: number;
  /** Bytes of JavaScript the page downloaded (as transferred, so compressed). */
  script_kb: number;
  /** Audits of either category that did not pass in the median run, by id. */
  failing: string[];
  /** Lighthouse's measure of the machine's speed during the median run (higher is faster). */
  benchmark_index: number;
}

/** What a Lighthouse run returns, as far as the bench reads it. */
interface LighthouseReport {
  categories: Record<'performance' | 'accessibility', { score: number | null }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; numericValue?: number; details?: { items?: Array<Record<string, unknown>> } }>;
  runtimeError?: { code: string; message: string };
  environment: { benchmarkIndex: number };
}

type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: LighthouseReport } | undefined>;

/** Debian's Chromium, in the headless mode Lighthouse drives; BENCH_CHROMIUM names another binary. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const RUNS = 3;
/** Lighthouse sometimes fails to record a trace (NO_NAVSTART, NO_FCP on a busy machine); such a run is tried again. */
const ATTEMPTS = 3;

/** Starts Chromium with a throwaway profile and a free DevTools port; resolves with the port once it listens. */
async function startChromium(binary: string, stopLater: JobRun['stopLater']): Promise<number> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-lighthouse-'));
  const child = spawn(binary, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stopLater('stop Chromium', async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(profile, { recursive: true, force: true });
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`${binary} did not open its DevTools port within 30 s\n${stderr}`)), 30_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${binary}: ${err.message} (set BENCH_CHROMIUM to a Chromium binary)`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${binary} exited (${signal ?? code}) before opening its DevTools port\n${stderr}`));
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
}

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);
const numeric = (report: LighthouseReport, id: string) => report.audits[id]?.numericValue ?? 0;

/** Audits that count against a score and did not pass (informative and manual ones are left out). */
function failingAudits(report: LighthouseReport): string[] {
  return Object.entries(report.audits)
    .filter(([, audit]) => ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode) && audit.score !== null && audit.score < 0.9)
    .map(([id]) => id)
    .sort();
}

function scriptKb(report: LighthouseReport): number {
  const items = report.audits['network-requests']?.details?.items ?? [];
  const bytes = items.filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + Number(item.transferSize ?? 0), 0);
  return Math.round(bytes / 102.4) / 10;
}

function medianOf(reports: LighthouseReport[]): LighthouseReport {
  const byPerformance = [...reports].sort((a, b) => score(a.categories.performance.score) - score(b.categories.performance.score));
  return byPerformance[Math.floor(byPerformance.length / 2)]!;
}

function resultOf(page: LighthousePage, reports: LighthouseReport[]): LighthouseResult {
  const median = medianOf(reports);
  return {
    page: page.name,
    path: page.path,
    performance: score(median.categories.performance.score),
    accessibility: score(median.categories.accessibility.score),
    performance_runs: reports.map((r) => score(r.categories.performance.score)),
    fcp_ms: Math.round(numeric(median, 'first-contentful-paint')),
    lcp_ms: Math.round(numeric(median, 'largest-contentful-paint')),
    tbt_ms: Math.round(numeric(median, 'total-blocking-time')),
    cls: Math.round(numeric(median, 'cumulative-layout-shift') * 1000) / 1000,
    speed_index_ms: Math.round(numeric(median, 'speed-index')),
    script_kb: scriptKb(median),
    failing: failingAudits(median),
    benchmark_index: Math.round(median.environment.benchmarkIndex),
  };
}

/** One Lighthouse run of `url`, tried again when Lighthouse itself fails to record it. */
async function audit(lighthouse: Lighthouse, port: number, url: string, log: (line: string) => void): Promise<LighthouseReport> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!outcome) throw new Error(`Lighthouse returned nothing for ${url}`);
    const failure = outcome.lhr.runtimeError;
    if (!failure) return outcome.lhr;
    if (attempt === ATTEMPTS) throw new Error(`Lighthouse failed on ${url} ${ATTEMPTS} times, last: ${failure.code} ${failure.message}`);
    log(`lighthouse: ${url}: ${failure.code}, trying again`);
  }
}

/**
 * Lighthouse (the npm package, default mobile settings: a mid-range phone on a slow 4G link,
 * simulated) against the landing page, an album page, a playlist page and a profile page of a
 * Muse api started on the run's data set and serving the built web app, each page three times
 * as a visitor who is not signed in; reports the run with the median performance score and
 * writes its whole report to `reportDir/<page>.json`.
 */
export async function runLighthouse(run: JobRun, reportDir: string): Promise<LighthouseResult[]> {
  ensureWebBuilt(run.root, run.log);
  const pages = await readLighthousePages(run.databaseUrl);
  const muse = await startMuse({ root: run.root, databaseUrl: run.databaseUrl, redisUrl: run.redisUrl, redisPrefix: run.redisPrefix });
  run.stopLater(`stop ${muse.name}`, () => muse.stop());
  run.log(`lighthouse: Muse api at ${muse.url}; Chromium ${process.env.BENCH_CHROMIUM || '/usr/bin/chromium'}`);

  // Each page's data is read once first, so no figure includes a cold cache right after the start.
  for (const page of pages) {
    for (const api of page.warm) await fetch(`${muse.url}${api}`).then((r) => r.arrayBuffer());
  }
  const port = await startChromium(process.env.BENCH_CHROMIUM || '/usr/bin/chromium', run.stopLater);
  // Lighthouse is an ES module; a specifier in a variable keeps it a real import() under CommonJS.
  const specifier = 'lighthouse';
  const { default: lighthouse } = (await import(specifier)) as { default: Lighthouse };

  const results: LighthouseResult[] = [];
  for (const page of pages) {
    const reports: LighthouseReport[] = [];
    for (let i = 0; i < RUNS; i++) reports.push(await audit(lighthouse, port, `${muse.url}${page.path}`, run.log));
    const result = resultOf(page, reports);
    // The whole report of the median run, for Lighthouse's viewer (googlechrome.github.io/lighthouse/viewer).
    fs.mkdirSync(reportDir, { recursive: true });
    fs.writeFileSync(path.join(reportDir, `${page.name}.json`), JSON.stringify(medianOf(reports)));
    run.log(
      `lighthouse: ${page.name} ${page.path}: performance ${result.performance} (runs ${result.performance_runs.join(', ')}), accessibility ${result.accessibility}`,
    );
    results.push(result);
  }
  return results;
}

/** The pages' scores as an aligned table, with what still fails below it. */
export function formatLighthouse(results: LighthouseResult[]): string {
  const header = ['page', 'performance', 'accessibility', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'SI ms', 'JS KB'];
  const rows = results.map((r) => [
    `${r.page} ${r.path}`,
    String(r.performance),
    String(r.accessibility),
    String(r.fcp_ms),
    String(r.lcp_ms),
    String(r.tbt_ms),
    r.cls.toFixed(3),
    String(r.speed_index_ms),
    r.script_kb.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const failing = results.filter((r) => r.failing.length > 0).map((r) => `  ${r.page}: ${r.failing.join(', ')}`);
  return [
    `Lighthouse (mobile, simulated slow 4G; median of ${RUNS} runs by performance; benchmark index ${results.map((r) => r.benchmark_index).join(', ')})`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    ...(failing.length > 0 ? ['audits not passed:', ...failing] : []),
  ].join('\n');
}
