import { randomBytes } from 'node:crypto';
import type { ConversionReportRow } from '@muse/shared';
import type { ConversionReportRepository } from './conversion-report-store.port';

/** A report row as a conversion writes it; only what the contract looks at varies. */
export function reportRow(index: number, overrides: Partial<ConversionReportRow> = {}): ConversionReportRow {
  return {
    index,
    source: { title: `Song ${index} — “Björk” 🎧`, artists: ['Ünïcode Artist'], album: null, durationMs: 200_000 + index, isrc: null, explicit: null },
    outcome: 'matched',
    reason: null,
    method: 'isrc',
    confidence: 0.97,
    chosen: {
      id: `t${index}`,
      title: `Song ${index}`,
      artists: ['A'],
      album: 'Album',
      durationMs: 200_000,
      isrc: null,
      explicit: false,
      confidence: 0.97,
      url: null,
    },
    alternatives: [],
    written: false,
    notOnService: false,
    ...overrides,
  };
}

/** The contract every adapter's conversion reports keep (run by document-store.contract.test.ts). */
export function conversionReportsContract(reports: () => ConversionReportRepository): void {
  const conversion = () => `conv_${randomBytes(6).toString('hex')}`;
  const OWNER = `owner-${randomBytes(4).toString('hex')}`;

  it('when rows are written across chunks, then each reads back exactly and lists in index order', async () => {
    const id = conversion();
    const rows = [5, 0, 250, 99, 100, 101].map((i) => reportRow(i, { outcome: i % 2 ? 'not_found' : 'matched' }));
    await reports().putRows(id, OWNER, rows);
    expect(await reports().getRow(id, 250)).toEqual(rows[2]);
    expect(await reports().getRow(id, 7)).toBeNull();
    expect(await reports().getRow(`${id}x`, 0)).toBeNull();
    expect((await reports().listRows(id, { limit: 100 })).map((r) => r.index)).toEqual([0, 5, 99, 100, 101, 250]);
  });

  it('when a row is written again, then it is replaced and its chunk neighbours are kept', async () => {
    const id = conversion();
    await reports().putRows(id, OWNER, [reportRow(1), reportRow(2)]);
    await reports().putRows(id, OWNER, [reportRow(2, { written: true, outcome: 'needs_review' })]);
    const rows = await reports().listRows(id, { limit: 10 });
    expect(rows).toEqual([reportRow(1), reportRow(2, { written: true, outcome: 'needs_review' })]);
  });

  it('when paging with afterIndex, a limit and an outcome, then the pages hold every matching row once', async () => {
    const id = conversion();
    await reports().putRows(
      id,
      OWNER,
      Array.from({ length: 2_345 }, (_, i) => reportRow(i, { outcome: i % 7 === 0 ? 'needs_review' : 'matched' })),
    );
    const seen: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await reports().listRows(id, { afterIndex: after, limit: 40, outcome: 'needs_review' });
      if (!page.length) break;
      expect(page.length).toBeLessThanOrEqual(40);
      seen.push(...page.map((r) => r.index));
      after = page[page.length - 1]!.index;
    }
    expect(seen).toEqual(Array.from({ length: 2_345 }, (_, i) => i).filter((i) => i % 7 === 0));
    expect(await reports().listRows(id, { limit: 1e9 })).toHaveLength(500);
  });

  it('when rows of one report are written concurrently, then none is lost', async () => {
    const id = conversion();
    await Promise.all(Array.from({ length: 20 }, (_, i) => reports().putRows(id, OWNER, [reportRow(i)])));
    expect(await reports().listRows(id, { limit: 100 })).toHaveLength(20);
  });

  it('when a report is deleted, then its rows go and other reports stay', async () => {
    const [a, b] = [conversion(), conversion()];
    await reports().putRows(a, OWNER, [reportRow(0), reportRow(300)]);
    await reports().putRows(b, OWNER, [reportRow(0)]);
    expect(await reports().deleteReport(a)).toBe(true);
    expect(await reports().deleteReport(a)).toBe(false);
    expect(await reports().listRows(a, { limit: 10 })).toEqual([]);
    expect(await reports().listRows(b, { limit: 10 })).toHaveLength(1);
  });

  it('when a row index is not a whole number, then the write is refused', async () => {
    const id = conversion();
    await expect(reports().putRows(id, OWNER, [reportRow(-1)])).rejects.toThrow();
    await expect(reports().putRows(id, OWNER, [reportRow(1.5)])).rejects.toThrow();
    expect(await reports().listRows(id, { limit: 10 })).toEqual([]);
  });

  it('when an owner is deleted, then all of their reports go and no one else’s', async () => {
    const [mine, theirs] = [conversion(), conversion()];
    const owner = `gone-${randomBytes(4).toString('hex')}`;
    await reports().putRows(mine, owner, [reportRow(0), reportRow(150)]);
    await reports().putRows(theirs, OWNER, [reportRow(0)]);
    expect(await reports().deleteByOwner(owner)).toBe(2);
    expect(await reports().listRows(mine, { limit: 10 })).toEqual([]);
    expect(await reports().listRows(theirs, { limit: 10 })).toHaveLength(1);
    expect(await reports().deleteByOwner(owner)).toBe(0);
  });
}
