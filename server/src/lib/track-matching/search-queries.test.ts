import { searchQueries } from './search-queries';

const source = (title: string, artists: string[]) => ({ title, artists, album: null, durationMs: null, isrc: null, explicit: null });

describe('searchQueries', () => {
  it('when the title carries feat. and a small version difference, then one query asks for the core title and first artist', () => {
    expect(searchQueries(source('Get Lucky (feat. Pharrell Williams) - Radio Edit', ['Daft Punk', 'Pharrell Williams']))).toEqual(['Get Lucky Daft Punk']);
  });

  it('when the source is a version that must agree, then the query names it', () => {
    expect(searchQueries(source('Señorita - Live at Wembley', ['Shawn Mendes', 'Camila Cabello']))).toEqual(['Señorita Live at Wembley Shawn Mendes']);
  });

  it('when a title or credit is in another script, then the title alone is tried next, since the other service may write the artist another way', () => {
    expect(searchQueries(source('紅蓮華', ['LiSA']))).toEqual(['紅蓮華 LiSA', '紅蓮華']);
    expect(searchQueries(source('Spring Day', ['방탄소년단']))).toEqual(['Spring Day 방탄소년단', 'Spring Day']);
    // Accents and punctuation are Latin still: the services fold them, so no second query.
    expect(searchQueries(source("En Så'n Dag", ['Anita Hegerland']))).toEqual(["En Så'n Dag Anita Hegerland"]);
  });

  it('when text holds query syntax, then it is removed; never an empty query', () => {
    const queries = searchQueries(source('"Heroes" - Live: Remastered', ['David Bowie']));
    expect(queries).toEqual(['Heroes Live David Bowie']);
    for (const q of queries) expect(q).not.toMatch(/["“”:*]|^\s*$/);
    expect(searchQueries(source('   ', ['Nobody']))).toEqual([]);
    expect(searchQueries(source('Intro', []))).toEqual(['Intro']);
  });
});
