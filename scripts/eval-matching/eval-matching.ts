import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CaseFormatError, formatTable, parseCases, runCase, scoreHistogram, summary, tally, type EvalCase } from './eval-cases';

/**
 * `npm run eval:matching -- <cases.jsonl> [more.jsonl ...] [--misses]`: runs the conversion
 * matcher's decision over labelled cases and prints a table by case kind, then, as its very last
 * line, `{"cases","correct","wrong","review","wrongRate","recall"}`.
 *
 * Counting, per issue 11:
 * - correct: the matcher matched, and chose the expected candidate (so only cases with an expected id).
 * - wrong: the matcher matched, and chose anything else, including any pick when null was expected.
 * - review: the matcher left the case for review (needs_review); that is not a pick, so neither correct nor wrong.
 * - a not_found when null was expected is the right answer, but it is not counted in `correct`
 *   (the table shows it as "empty ok"), so that recall = correct / cases whose expected is not null
 *   stays a share of the findable tracks; a not_found when an id was expected is "missed".
 * - wrongRate = wrong / cases.
 *
 * Candidates whose ISRC equals the source's are passed as found by ISRC, the others as found by search.
 * A malformed line stops the run with its file and line number and exit code 1.
 */
const USAGE = `npm run eval:matching -- <cases.jsonl> [more.jsonl ...] [--misses] [--scores]
  --misses   list every case that was not answered right, with the decision
  --scores   show where the confidence of right and of other candidates falls`;

function describe(c: EvalCase, decision: ReturnType<typeof runCase>['decision']): string {
  const got = decision.chosen ? `chose ${decision.chosen.track.id}` : decision.outcome;
  const alts = decision.alternatives.map((a) => `${a.track.id}=${a.confidence} [${a.reasons.join('; ')}]`).join('\n      ');
  const chosen = decision.chosen ? `${decision.chosen.track.id}=${decision.chosen.confidence} [${decision.chosen.reasons.join('; ')}]` : '';
  return `[${c.kind}] ${c.id} (${c.at}): expected ${c.expected ?? 'none'}, ${got}${decision.reason ? ` (${decision.reason})` : ''}
    source: ${JSON.stringify(c.source)}
    ${chosen ? `chosen: ${chosen}\n    ` : ''}alternatives: ${alts || '(none)'}`;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { misses: { type: 'boolean' }, scores: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!positionals.length) {
    process.stderr.write(`Give the labelled cases file.\n${USAGE}\n`);
    return 1;
  }
  const cases: EvalCase[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      process.stderr.write(`Cannot read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
    try {
      cases.push(...parseCases(text, file));
    } catch (err) {
      if (err instanceof CaseFormatError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  }
  const results = cases.map((c) => ({ c, ...runCase(c) }));
  const { total, byKind } = tally(results);
  process.stdout.write(`Matching evaluation: ${cases.length} cases from ${positionals.join(', ')}\n\n${formatTable(byKind, total)}\n`);
  if (values.misses) {
    const misses = results.filter((r) => r.result !== 'correct' && r.result !== 'empty');
    if (misses.length) process.stdout.write(`\n${misses.map((r) => describe(r.c, r.decision)).join('\n')}\n`);
  }
  if (values.scores) process.stdout.write(`\n${scoreHistogram(results)}\n`);
  process.stdout.write(`\n${JSON.stringify(summary(total))}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error('Matching evaluation failed:', err);
  process.exitCode = 1;
}
