import { startCpuMeter } from '../lib/process-cpu';
import { verdictOf, type ScenarioResult } from '../report/report';
import { runLoad, type RequestSpec } from './load-runner';
import type { Scenario, ScenarioContext } from './scenarios';

/** Where and how long to run the scenarios. */
export interface RunPlan {
  urls: { muse: string; baseline: string };
  /** The servers' process ids, for the CPU each request costs them. */
  pids: { muse?: number; baseline?: number };
  context: ScenarioContext;
  durationSeconds: number;
  warmupSeconds: number;
  log(line: string): void;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Sends one request of the scenario and says what came back when it is not a 2xx. */
async function preflight(baseUrl: string, request: RequestSpec): Promise<string | null> {
  const res = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  if (res.ok) {
    await res.arrayBuffer();
    return null;
  }
  return `${request.method} ${request.path} answered ${res.status}: ${(await res.text()).slice(0, 200)}`;
}

/**
 * Runs one scenario: a warm-up that is thrown away, the budget phase at the scenario's offered
 * rate, then (for scenarios with a rate) a closed-loop phase on the same connections for the
 * maximum throughput.
 */
export async function runScenario(scenario: Scenario, plan: RunPlan): Promise<ScenarioResult> {
  const baseUrl = plan.urls[scenario.target];
  const nextRequest = scenario.requests(plan.context);
  const problem = await preflight(baseUrl, nextRequest());
  if (problem) plan.log(`  warning: ${problem}`);

  const phase = (durationSeconds: number, rate: number | null, connections: number) => runLoad({ baseUrl, durationSeconds, rate, connections, nextRequest });
  await phase(plan.warmupSeconds, scenario.rate, scenario.connections);
  const cpu = startCpuMeter(plan.pids[scenario.target]);
  const budget = await phase(plan.durationSeconds, scenario.rate, scenario.connections);
  const cpuPerRequest = cpu(budget.requests);
  // As many connections as the budget phase: writes wait on commits, and fewer connections would
  // measure that wait rather than the throughput.
  const max = scenario.rate === null ? budget : await phase(plan.durationSeconds, null, scenario.connections);
  if (max !== budget && max.errors > 0) plan.log(`  warning: ${max.errors} errors at maximum throughput (${JSON.stringify(max.statusCodes)})`);

  const result = {
    name: scenario.name,
    rps: round(budget.rps, 1),
    p50_ms: round(budget.p50Ms, 2),
    p99_ms: round(budget.p99Ms, 2),
    errors: budget.errors,
    budget_p99_ms: scenario.budgetP99Ms,
    target_rate: scenario.rate,
    max_rps: round(max.rps, 1),
    requests: budget.requests,
    status_codes: budget.statusCodes,
    cpu_ms_per_request: cpuPerRequest,
  };
  return { ...result, verdict: verdictOf(result) };
}

/** Runs the scenarios in order, logging one line per finished scenario. */
export async function runScenarios(scenarios: readonly Scenario[], plan: RunPlan): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    plan.log(`scenario: ${scenario.name}${scenario.rate === null ? '' : ` at ${scenario.rate}/s`} ...`);
    const result = await runScenario(scenario, plan);
    const { server_ms = null, postgres_ms = null } = result.cpu_ms_per_request ?? {};
    const cpu = server_ms === null ? '' : `, CPU per request: server ${server_ms} ms, Postgres ${postgres_ms ?? '-'} ms`;
    plan.log(`  ${result.rps} req/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, ${result.errors} errors, max ${result.max_rps} req/s${cpu}`);
    results.push(result);
  }
  return results;
}
