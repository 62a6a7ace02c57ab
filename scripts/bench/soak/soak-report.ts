import fs from 'node:fs';
import path from 'node:path';
import { quantile } from '../load/load-runner';
import { machineInfo, type BenchReport } from '../report/report';
import { budgetOfRoute } from './soak-mix';
import type { SoakSample } from './soak-probes';

/** The goal DESIGN.md sets for the api's resident memory over a soak. */
export const RSS_GROWTH_GOAL = 0.1;

/** Every answer of one route. */
export class RouteFigures {
  readonly latencies: number[] = [];
  readonly statuses: Record<string, number> = {};

  add(status: number, ms: number): void {
    this.latencies.push(ms);
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }
}

export interface RouteRow {
  route: string;
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  budget_p99_ms: number | null;
  errors: number;
  status_codes: Record<string, number>;
  verdict: 'ok' | 'over' | 'errors' | '-';
}

/** What a soak measured, in the JSON's field names. */
export interface SoakReport {
  machine: BenchReport['machine'];
  minutes: number;
  offered_rate: number;
  routes: RouteRow[];
  /** Non-2xx answers by status, and requests that timed out or lost their connection. */
  errors: { total: number; by_status: Record<string, number>; timeouts_or_connection: number };
  start: SoakSample;
  end: SoakSample;
  /** Resident memory of the api each minute, MB. */
  rss_mb_by_minute: number[];
  heap_used_mb_by_minute: number[];
  /** Api processes (and as many workers); more than one are reached through a round-robin proxy. */
  nodes: number;
  sockets: { wanted: number; connected_at_start: number; connected_at_end: number; disconnects: number; album_updates: number };
  goals_met: boolean;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 2 ** 20);

/** One row per route: exact nearest-rank percentiles of every answer, and a verdict against the budget. */
export function routeRows(figures: Map<string, RouteFigures>, seconds: number): RouteRow[] {
  return [...figures.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([route, f]) => {
      const sorted = Float64Array.from(f.latencies).sort();
      const errors = Object.entries(f.statuses).reduce((n, [code, count]) => (Number(code) >= 300 ? n + count : n), 0);
      const budget = budgetOfRoute(route);
      const p99 = round(quantile(sorted, 0.99), 2);
      return {
        route,
        requests: f.latencies.length,
        rps: round(f.latencies.length / seconds),
        p50_ms: round(quantile(sorted, 0.5), 2),
        p99_ms: p99,
        budget_p99_ms: budget,
        errors,
        status_codes: f.statuses,
        verdict: errors > 0 ? 'errors' : budget === null ? '-' : p99 <= budget ? 'ok' : 'over',
      };
    });
}

const goal = (met: boolean) => (met ? 'ok' : 'MISSED');

/** The soak's figures as printed lines, each goal next to its figure. */
export function formatSoak(report: Omit<SoakReport, 'machine'>): string {
  const lines: string[] = [];
  const width = Math.max(...report.routes.map((r) => r.route.length), 5);
  lines.push(`${'route'.padEnd(width)}  ${'req/s'.padStart(6)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}  ${'goal p99'.padStart(8)}  errors  verdict`);
  for (const r of report.routes) {
    const budget = r.budget_p99_ms === null ? '-' : `< ${r.budget_p99_ms}`;
    lines.push(
      `${r.route.padEnd(width)}  ${r.rps.toFixed(1).padStart(6)}  ${r.p50_ms.toFixed(1).padStart(8)}  ${r.p99_ms.toFixed(1).padStart(8)}  ${budget.padStart(8)}  ${String(r.errors).padStart(6)}  ${r.verdict}`,
    );
  }
  const { errors, start, end } = report;
  const byStatus = Object.entries(errors.by_status)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');
  lines.push('');
  lines.push(
    `errors: ${errors.total}${errors.total ? ` (${byStatus || 'none by status'}; ${errors.timeouts_or_connection} timed out or lost their connection)` : ''}  goal 0  ${goal(errors.total === 0)}`,
  );
  const growth = (end.rssBytes - start.rssBytes) / start.rssBytes;
  lines.push(
    `api RSS: ${mb(start.rssBytes)} MB at start, ${mb(end.rssBytes)} MB at end (${growth >= 0 ? '+' : ''}${round(growth * 100)} %)  goal < +${RSS_GROWTH_GOAL * 100} %  ${goal(growth < RSS_GROWTH_GOAL)}`,
  );
  lines.push(`api RSS by minute (MB): ${report.rss_mb_by_minute.join(', ')}`);
  lines.push(`api heap used by minute (MB): ${report.heap_used_mb_by_minute.join(', ')}  (no goal; beside RSS, growing live data tells from memory V8 keeps)`);
  lines.push(`api event-loop delay p99: ${round(start.loopP99Ms)} ms over the warm-up, ${round(end.loopP99Ms)} ms over the last minute  (no goal; reported)`);
  // Other processes may use the same database and Redis server, so these are reported, not judged.
  lines.push(
    `Postgres connections to the data set's database (pg_stat_activity): ${start.postgresConnections} at start, ${end.postgresConnections} at end  (no goal; reported)`,
  );
  lines.push(`Redis clients (INFO clients, the whole server): ${start.redisClients} at start, ${end.redisClients} at end  (no goal; reported)`);
  const s = report.sockets;
  if (report.nodes > 1) {
    lines.push(`nodes: ${report.nodes} apis and ${report.nodes} workers behind a round-robin proxy; RSS is the apis' sum, event-loop delay the worst api's`);
  }
  lines.push(`live updates: ${s.album_updates} album:stats deliveries to the sockets watching album 1`);
  lines.push(
    `sockets: ${s.connected_at_start} of ${s.wanted} connected at start, ${s.connected_at_end} at end, ${s.disconnects} disconnects  goal: all stay  ${goal(s.connected_at_end === s.wanted && s.disconnects === 0)}`,
  );
  const over = report.routes.filter((r) => r.verdict === 'over').map((r) => r.route);
  lines.push(`p99 within the DESIGN budgets: ${over.length ? `MISSED by ${over.join(', ')}` : 'ok'}`);
  lines.push(`soak: ${report.goals_met ? 'every goal met' : 'goals MISSED'}`);
  return lines.join('\n');
}

/** Whether every goal printed by formatSoak is met. */
export function goalsMet(report: Omit<SoakReport, 'goals_met' | 'machine'>): boolean {
  const s = report.sockets;
  return (
    report.errors.total === 0 &&
    (report.end.rssBytes - report.start.rssBytes) / report.start.rssBytes < RSS_GROWTH_GOAL &&
    report.routes.every((r) => r.verdict === 'ok' || r.verdict === '-') &&
    s.connected_at_end === s.wanted &&
    s.disconnects === 0
  );
}

/** Writes `latest.json` and a copy named after the time into `outDir`; answers the paths. */
export function writeSoakReport(report: Omit<SoakReport, 'machine'>, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const json = `${JSON.stringify({ machine: machineInfo(), ...report }, null, 2)}\n`;
  const files = [
    path.join(
      outDir,
      `${new Date()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/:/g, '-')}.json`,
    ),
    path.join(outDir, 'latest.json'),
  ];
  for (const file of files) fs.writeFileSync(file, json);
  return files;
}
