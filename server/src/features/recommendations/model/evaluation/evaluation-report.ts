import type { EvaluationResult, MethodFigures } from './evaluate';

/** The last line of `npm run eval:recs`, with exactly the keys issue 13 fixes. */
export interface EvaluationSummary {
  ndcg10: number;
  recall20: number;
  coverage: number;
  popNdcg10: number;
  randomNdcg10: number;
  users: number;
  items: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** The summary object printed as the last line. */
export function evaluationSummary(result: EvaluationResult): EvaluationSummary {
  return {
    ndcg10: round(result.model.ndcg10),
    recall20: round(result.model.recall20),
    coverage: round(result.model.coverage),
    popNdcg10: round(result.popularity.ndcg10),
    randomNdcg10: round(result.random.ndcg10),
    users: result.users,
    items: result.items,
  };
}

/** The table of the three rankings, one row each, aligned for a terminal. */
export function formatFiguresTable(result: EvaluationResult): string {
  const rows: MethodFigures[] = [result.model, result.popularity, result.random];
  const width = Math.max(10, ...rows.map((r) => r.name.length));
  const line = (name: string, a: string, b: string, c: string): string => `${name.padEnd(width)}  ${a.padStart(8)}  ${b.padStart(9)}  ${c.padStart(8)}`;
  const out = [line('method', 'NDCG@10', 'Recall@20', 'coverage'), line('-'.repeat(width), '-------', '---------', '--------')];
  for (const r of rows) out.push(line(r.name, r.ndcg10.toFixed(4), r.recall20.toFixed(4), `${(r.coverage * 100).toFixed(1)} %`));
  const ratio = result.popularity.ndcg10 > 0 ? (result.model.ndcg10 / result.popularity.ndcg10).toFixed(2) : 'n/a';
  out.push('', `model / popularity NDCG@10: ${ratio}×`);
  return out.join('\n');
}
