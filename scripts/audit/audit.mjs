// Production dependencies must carry no high or critical advisory: `npm run test:audit`, a step of `npm test`.
// Runs `npm audit --omit=dev --json` and judges its report here. An advisory service that cannot be
// asked (this workplace's registry mirror refuses the audit endpoint with 405) skips the check and
// says so loudly; with AUDIT_REQUIRED=1 (a CI that can reach the service) it fails instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BLOCKING = new Set(['high', 'critical']);

/**
 * Judges one `npm audit --json` report: ok only when the report is a real one (the advisory
 * service answered) and no package has a high or critical advisory. `lines` say why, for people.
 */
export function judgeAuditReport(report, { required = false } = {}) {
  const counts = report?.metadata?.vulnerabilities;
  if (!report || typeof report !== 'object' || report.error || !counts || typeof counts.total !== 'number') {
    const why = report?.message ?? report?.error?.summary ?? 'npm audit gave no report';
    return {
      ok: !required,
      skipped: true,
      lines: [
        `npm audit could not ask the advisory service (${why}).`,
        required
          ? 'Production dependencies were NOT checked, and AUDIT_REQUIRED=1 says they must be: this step fails.'
          : 'SKIPPED: production dependencies were NOT checked (set AUDIT_REQUIRED=1 where the service answers, to fail instead).',
      ],
    };
  }
  const blocking = Object.values(report.vulnerabilities ?? {}).filter((v) => BLOCKING.has(v.severity));
  const summary = `production dependencies: ${counts.total} advisories (critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0})`;
  const lines = [summary];
  for (const v of blocking) {
    const advisories = (v.via ?? []).filter((via) => typeof via === 'object').map((via) => `${via.title} ${via.url ?? ''}`.trim());
    const through = (v.via ?? []).filter((via) => typeof via === 'string');
    lines.push(`  ${v.severity}: ${v.name} ${v.range ?? ''} ${advisories.length ? advisories.join('; ') : `through ${through.join(', ')}`}`.trimEnd());
  }
  if (blocking.length) lines.push('Upgrade these (npm update / npm install <pkg>@<fixed version> -w <workspace>) before merging.');
  return { ok: blocking.length === 0, lines };
}

function main() {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = { message: (run.stderr || run.error?.message || `exit ${run.status}`).trim().split('\n').pop() };
  }
  const { ok, skipped, lines } = judgeAuditReport(report, { required: process.env.AUDIT_REQUIRED === '1' });
  for (const line of lines) (ok && !skipped ? console.log : console.error)(line);
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
