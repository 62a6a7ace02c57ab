import { syntheticItemAttributes, syntheticRatings } from './synthetic-ratings';
import { readItemAttributeLines } from './item-attributes-csv';

describe('item attributes for the offline evaluation', () => {
  it('when a file has columns in any order, lists, quotes, unicode and bad rows, then good rows are read and bad ones counted', async () => {
    const { byItem, badRows } = await readItemAttributeLines([
      'Year,itemId,GENRES,label,artist',
      '1997,i1,Rock|Electronic ,Parlophone,Radiohead',
      '2001,"i,2",Pop,"One Little Independent",Björk',
      '',
      'nineteen,i3,Jazz,,',
      '1970,,Rock,,',
      ',i4,,,',
    ]);
    expect(badRows).toBe(2);
    expect(byItem.get('i1')).toEqual({ artist: 'Radiohead', genres: ['Rock', 'Electronic'], styles: [], label: 'Parlophone', year: 1997 });
    expect(byItem.get('i,2')).toMatchObject({ artist: 'Björk', label: 'One Little Independent', year: 2001 });
    expect(byItem.get('i4')).toEqual({ artist: undefined, genres: [], styles: [], label: undefined, year: undefined });
    expect(byItem.has('i3')).toBe(false);
  });

  it('when the header has no itemId or the file is empty, then it says so', async () => {
    await expect(readItemAttributeLines(['id,artist', '1,a'])).rejects.toThrow(/itemId/);
    await expect(readItemAttributeLines([])).rejects.toThrow(/empty/);
  });

  it('when generated with the options of a ratings set, then every rated item has attributes, the same each time, and genres follow taste groups', () => {
    const options = { users: 50, items: 80, ratings: 600, clusters: 4, seed: 3 };
    const items = [...syntheticItemAttributes(options)];
    expect([...syntheticItemAttributes(options)]).toEqual(items);
    expect(new Set(items.map((i) => i.itemId)).size).toBe(80);
    for (const r of syntheticRatings(options)) expect(items.some((i) => i.itemId === r.itemId)).toBe(true);
    // Four groups, each item's first genre its own group's: four genres lead.
    expect(new Set(items.map((i) => i.genres[0])).size).toBe(4);
  });
});
