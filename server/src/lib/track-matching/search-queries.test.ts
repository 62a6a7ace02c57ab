import { searchQueries } from './search-queries';

const source = (title: string, artists: string[]) => ({ title, artists, album: null, durationMs: null, isrc: null, explicit: null });

describe('searchQueries', () => {
  it('when the title carries feat. and a small version difference, then queries ask for the core title and first artist', () => {
    expect(searchQueries(source('Get Lucky (feat. Pharrell Williams) - Radio Edit', ['Daft Punk', 'Pharrell Williams']))).toEqual([
      'Get Lucky Daft Punk',
      'Get Lucky',
    ]);
  });

  it('when the source is a version that must agree, then the most specific query names it', () => {
    const queries = searchQueries(source('Señorita - Live at Wembley', ['Shawn Mendes', 'Camila Cabello']));
    expect(queries).toEqual(['Señorita Live at Wembley Shawn Mendes', 'Señorita Shawn Mendes', 'senorita shawn mendes']);
  });

  it('when a title is in another script, then it is searched as written', () => {
    expect(searchQueries(source('紅蓮華', ['LiSA']))).toEqual(['紅蓮華 LiSA', '紅蓮華']);
  });

  it('when text holds query syntax, then it is removed; never more than three queries, never an empty one', () => {
    const queries = searchQueries(source('"Heroes" - Live: Remastered', ['David Bowie']));
    expect(queries.length).toBeLessThanOrEqual(3);
    for (const q of queries) expect(q).not.toMatch(/["“”:*]|^\s*$/);
    expect(searchQueries(source('   ', ['Nobody']))).toEqual([]);
  });
});
