import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readRatingsCsv } from './ratings-csv';
import { resolveScale, splitRatings } from './holdout-split';
import { evaluateSplit } from './evaluate';
import { DEFAULT_CONFIDENCE } from '../train';
import { syntheticItemAttributes } from './synthetic-ratings';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../../../../..');
const SMALL_SET = join(ROOT, 'scripts/eval-recs/data/small-ratings.csv');

describe('npm run eval:recs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-recs-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when given a tiny CSV with bad rows and ratings off the scale, then it counts them and the last line is the JSON summary', async () => {
    const rows = ['userId,itemId,rating'];
    for (let u = 0; u < 12; u += 1)
      for (let i = 0; i < 10; i += 1) if ((u + i) % 3 !== 0) rows.push(`u${u},i${(i + (u % 2) * 5) % 10},${1 + ((u * 7 + i) % 5)}`);
    rows.push('u1,i1', 'u2,,4', 'u3,i2,abc', 'u4,i3,9', 'u5,i4,0');
    const file = join(dir, 'tiny.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/eval-recs/eval-recs.ts', '--ratings', file, '--min', '1', '--max', '5', '--seed', '3'],
      { cwd: ROOT },
    );
    const lines = stdout.trimEnd().split('\n');
    expect(stdout).toContain('3 bad rows skipped, 2 outside the scale skipped');
    expect(stdout).toMatch(/item-knn\s+\d\.\d{4}/);
    const summary = JSON.parse(lines[lines.length - 1]!) as Record<string, number>;
    expect(Object.keys(summary)).toEqual(['ndcg10', 'recall20', 'coverage', 'popNdcg10', 'randomNdcg10', 'users', 'items']);
    for (const value of Object.values(summary)) expect(Number.isFinite(value)).toBe(true);
    expect(summary.items).toBe(10);
    expect(summary.users).toBeGreaterThan(0);
  });

  it('when given item attributes, then the content part takes part and the model still beats popularity twice over', async () => {
    const file = join(dir, 'small-items.csv');
    const rows = ['itemId,artist,genres,styles,label,year'];
    // The options the committed small set was generated with (see generate-ratings.ts).
    for (const a of syntheticItemAttributes({ users: 300, items: 400, ratings: 12000, clusters: 8, seed: 13 }))
      rows.push(`${a.itemId},${a.artist},${a.genres.join('|')},${a.styles.join('|')},${a.label},${a.year}`);
    rows.push('i9999,,,,,not a year');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/eval-recs/eval-recs.ts', '--ratings', SMALL_SET, '--items', file, '--confidence', 'signed'],
      { cwd: ROOT },
    );
    expect(stdout).toContain('items: 400 of 400 with attributes');
    expect(stdout).toContain('(1 bad rows skipped)');
    expect(stdout).toMatch(/item-knn\+content\s+\d\.\d{4}/);
    const summary = JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as Record<string, number>;
    expect(summary.ndcg10).toBeGreaterThanOrEqual(2 * summary.popNdcg10!);
  });

  it('when the file is missing or the scale is empty, then it exits 2 with a message', async () => {
    await expect(
      run(process.execPath, ['--import', 'tsx', 'scripts/eval-recs/eval-recs.ts', '--ratings', join(dir, 'none.csv')], { cwd: ROOT }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
    await expect(
      run(process.execPath, ['--import', 'tsx', 'scripts/eval-recs/eval-recs.ts', '--ratings', SMALL_SET, '--min', '5', '--max', '1'], { cwd: ROOT }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('max > min') });
  });

  it('on the committed small set where tastes differ, then the model beats popularity twice over and covers at least 30 % of the catalogue', async () => {
    const table = await readRatingsCsv(SMALL_SET);
    const split = splitRatings(table, resolveScale(table, {}), 1);
    const result = evaluateSplit(split, { seed: 1, confidence: DEFAULT_CONFIDENCE, train: {} });
    expect(result.model.ndcg10).toBeGreaterThanOrEqual(2 * result.popularity.ndcg10);
    expect(result.popularity.ndcg10).toBeGreaterThan(result.random.ndcg10);
    expect(result.model.coverage).toBeGreaterThanOrEqual(0.3);
  });
});
