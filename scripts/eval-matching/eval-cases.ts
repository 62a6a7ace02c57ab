import type { ProviderTrack } from '../../server/src/providers/music-provider.port';
import { decideMatch, normaliseIsrc, type MatchDecision, type SourceTrack } from '../../server/src/lib/track-matching';

/** One labelled case: a source track, the target service's candidates, and which one is right (null: none). */
export interface EvalCase {
  id: string;
  kind: string;
  source: SourceTrack;
  candidates: Array<SourceTrack & { id: string }>;
  expected: string | null;
  /** Where the case was read from, for messages: "cases.jsonl:12". */
  at: string;
}

/** A line that is not a valid case: the message names the file and line. */
export class CaseFormatError extends Error {
  override readonly name = 'CaseFormatError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the track fields of a case's source or candidate; unknown fields are ignored. */
function readTrack(v: unknown, what: string): SourceTrack {
  if (!isObject(v)) throw new Error(`${what} must be an object`);
  const { title, artists, album, durationMs, isrc, explicit } = v;
  if (typeof title !== 'string') throw new Error(`${what}.title must be a string`);
  if (!Array.isArray(artists) || !artists.every((a) => typeof a === 'string')) throw new Error(`${what}.artists must be an array of strings`);
  if (album !== undefined && album !== null && typeof album !== 'string') throw new Error(`${what}.album must be a string or null`);
  if (durationMs !== undefined && durationMs !== null && (typeof durationMs !== 'number' || !Number.isFinite(durationMs)))
    throw new Error(`${what}.durationMs must be a number or null`);
  if (isrc !== undefined && isrc !== null && typeof isrc !== 'string') throw new Error(`${what}.isrc must be a string or null`);
  if (explicit !== undefined && explicit !== null && typeof explicit !== 'boolean') throw new Error(`${what}.explicit must be true, false or null`);
  return { title, artists, album: album ?? null, durationMs: durationMs ?? null, isrc: isrc ?? null, explicit: explicit ?? null };
}

/** Parses one JSONL line into a case, or throws with what is wrong (without the line number). */
function readCase(line: string, at: string): EvalCase {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    throw new Error(`not valid JSON (${(err as Error).message})`, { cause: err });
  }
  if (!isObject(v)) throw new Error('a case must be a JSON object');
  if (v.kind !== undefined && typeof v.kind !== 'string') throw new Error('kind must be a string');
  if (v.id !== undefined && typeof v.id !== 'string' && typeof v.id !== 'number') throw new Error('id must be a string or a number');
  const source = readTrack(v.source, 'source');
  if (!Array.isArray(v.candidates)) throw new Error('candidates must be an array');
  const candidates = v.candidates.map((c: unknown, i: number) => {
    const what = `candidates[${i}]`;
    if (!isObject(c) || (typeof c.id !== 'string' && typeof c.id !== 'number')) throw new Error(`${what}.id must be a string or a number`);
    return { ...readTrack(c, what), id: String(c.id) };
  });
  const ids = new Set(candidates.map((c) => c.id));
  if (ids.size !== candidates.length) throw new Error('candidate ids must be unique within a case');
  if (!('expected' in v)) throw new Error('expected is missing (a candidate id, or null when none is right)');
  if (v.expected !== null && typeof v.expected !== 'string' && typeof v.expected !== 'number') throw new Error('expected must be a candidate id or null');
  const expected = v.expected === null ? null : String(v.expected);
  if (expected !== null && !ids.has(expected)) throw new Error(`expected "${expected}" is not one of the candidates' ids`);
  return { id: v.id === undefined ? at : String(v.id), kind: typeof v.kind === 'string' && v.kind ? v.kind : '(none)', source, candidates, expected, at };
}

/** Every case in a JSONL text; blank lines are skipped, the first malformed line throws a `CaseFormatError` naming it. */
export function parseCases(text: string, file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const at = `${file}:${i + 1}`;
    try {
      cases.push(readCase(line, at));
    } catch (err) {
      throw new CaseFormatError(`${file}, line ${i + 1}: ${(err as Error).message}`);
    }
  });
  return cases;
}

/** A case's candidate as the target service would return it. */
const asProviderTrack = (c: EvalCase['candidates'][number]): ProviderTrack => ({
  id: c.id,
  title: c.title,
  artists: c.artists,
  album: c.album === null ? null : { id: null, title: c.album },
  durationMs: c.durationMs,
  isrc: c.isrc,
  explicit: c.explicit,
  available: true,
  isLocal: false,
});

/** How one case came out. `empty`: nothing expected and nothing offered (not_found). `missed`: something expected, not_found. */
export type CaseResult = 'correct' | 'wrong' | 'review' | 'missed' | 'empty';

/** Runs the matcher on one case, as the conversion job would: candidates carrying the source's ISRC came from the ISRC lookup. */
export function runCase(c: EvalCase): { result: CaseResult; decision: MatchDecision } {
  const isrc = normaliseIsrc(c.source.isrc);
  const decision = decideMatch(
    c.source,
    c.candidates.map((cand) => ({
      track: asProviderTrack(cand),
      via: isrc !== null && normaliseIsrc(cand.isrc) === isrc ? ('isrc' as const) : ('search' as const),
    })),
  );
  if (decision.outcome === 'matched') return { result: decision.chosen!.track.id === c.expected ? 'correct' : 'wrong', decision };
  if (decision.outcome === 'needs_review') return { result: 'review', decision };
  return { result: c.expected === null ? 'empty' : 'missed', decision };
}

export interface Tally {
  cases: number;
  correct: number;
  wrong: number;
  review: number;
  missed: number;
  empty: number;
  /** Cases whose expected is not null. */
  expectable: number;
}

const emptyTally = (): Tally => ({ cases: 0, correct: 0, wrong: 0, review: 0, missed: 0, empty: 0, expectable: 0 });

/** Counts results overall and by kind (kinds sorted by name). */
export function tally(results: Array<{ c: EvalCase; result: CaseResult }>): { total: Tally; byKind: Map<string, Tally> } {
  const total = emptyTally();
  const byKind = new Map<string, Tally>();
  for (const { c, result } of results) {
    const kind = byKind.get(c.kind) ?? emptyTally();
    byKind.set(c.kind, kind);
    for (const t of [total, kind]) {
      t.cases++;
      t[result]++;
      if (c.expected !== null) t.expectable++;
    }
  }
  return { total, byKind: new Map([...byKind].sort(([a], [b]) => a.localeCompare(b))) };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The summary line's object, with exactly the fields and definitions. */
export function summary(t: Tally) {
  return {
    cases: t.cases,
    correct: t.correct,
    wrong: t.wrong,
    review: t.review,
    wrongRate: t.cases ? round(t.wrong / t.cases) : 0,
    recall: t.expectable ? round(t.correct / t.expectable) : 0,
  };
}

/** The table by kind, plain text with aligned columns. */
export function formatTable(byKind: Map<string, Tally>, total: Tally): string {
  const head = ['kind', 'cases', 'correct', 'wrong', 'review', 'missed', 'empty ok', 'recall'];
  const row = (kind: string, t: Tally) => [
    kind,
    String(t.cases),
    String(t.correct),
    String(t.wrong),
    String(t.review),
    String(t.missed),
    String(t.empty),
    t.expectable ? `${(100 * (t.correct / t.expectable)).toFixed(1)} %` : '-',
  ];
  const rows = [head, ...[...byKind].map(([k, t]) => row(k, t)), row('all', total)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1]!)].join('\n');
}

/**
 * Where confidences fall, in bins of 0.05: of the expected candidate, and of the best candidate in
 * cases where none is right (only decoys: live, karaoke, another artist, ...). Thresholds are read
 * off this: ACCEPT above every such decoy with margin, REVIEW below most right answers.
 */
export function scoreHistogram(results: Array<{ c: EvalCase; decision: MatchDecision }>): string {
  const bins = 20;
  const right = new Array<number>(bins).fill(0);
  const wrong = new Array<number>(bins).fill(0);
  const bin = (x: number) => Math.min(bins - 1, Math.floor(x * bins));
  for (const { c, decision } of results) {
    const scored = [...(decision.chosen ? [decision.chosen] : []), ...decision.alternatives];
    const expected = scored.find((s) => s.track.id === c.expected);
    if (c.expected !== null) right[bin(expected?.confidence ?? 0)]!++;
    if (c.expected === null && scored.length) wrong[bin(Math.max(...scored.map((s) => s.confidence)))]!++;
  }
  const rows = ['confidence   expected  best decoy'];
  for (let i = bins - 1; i >= 0; i--)
    rows.push(`${(i / bins).toFixed(2)}-${((i + 1) / bins).toFixed(2)}  ${String(right[i]).padStart(8)}  ${String(wrong[i]).padStart(10)}`);
  return rows.join('\n');
}
