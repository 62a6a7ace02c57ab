import type { Knex } from 'knex';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { makeAlbum, makeArtist, registerUser } from '../../testing/factories';

let app: TestApp;
let knex: Knex;

async function lexiconHas(words: string[]): Promise<string[]> {
  const { rows } = await knex.raw<{ rows: { word: string }[] }>('SELECT DISTINCT word FROM search_word_variants WHERE word = ANY(?) ORDER BY word', [words]);
  return rows.map((r) => r.word);
}

async function corrected(query: string): Promise<string | null> {
  const { rows } = await knex.raw<{ rows: { q: string | null }[] }>('SELECT muse_typo_tsquery(?)::text AS q', [query]);
  return rows[0]!.q;
}

beforeAll(async () => {
  app = await createTestApp();
  knex = app.container.knex;
});

afterAll(async () => {
  await app.close();
});

describe('search lexicon', () => {
  it('when albums, tracks and artists are added, then their normalised words of 3 letters or more are learnt, accents folded', async () => {
    const sigur = await makeArtist(knex, 'Sigur Rós');
    await makeAlbum(knex, { title: 'Ágætis byrjun', artists: [sigur], tracks: ['Svefn-g-englar', 'Starálfur'] });
    expect(await lexiconHas(['sigur', 'ros', 'agaetis', 'byrjun', 'svefn', 'englar', 'staralfur'])).toEqual([
      'agaetis',
      'byrjun',
      'englar',
      'ros',
      'sigur',
      'staralfur',
      'svefn',
    ]);
    // Words of one or two letters are too short to correct, and numbers are not corrected.
    await makeAlbum(knex, { title: 'Hits 1999', artists: [sigur] });
    expect(await lexiconHas(['g', 'ágætis', '1999', 'hits'])).toEqual(['hits']);
  });

  it('when a user registers and later renames themself, then both names are learnt', async () => {
    await registerUser(app, { handle: 'lexicon_fan', displayName: 'Þórunn Antonía' });
    expect(await lexiconHas(['lexicon', 'fan', 'thorunn', 'antonia'])).toEqual(['antonia', 'fan', 'lexicon', 'thorunn']);
    await knex('users').where({ handle: 'lexicon_fan' }).update({ display_name: 'Guðmundur Ingólfsson' });
    expect(await lexiconHas(['gudmundur', 'ingolfsson'])).toEqual(['gudmundur', 'ingolfsson']);
  });

  it("when the lexicon is rebuilt, then it holds the words in use now, and no longer a renamed user's old name", async () => {
    expect(await lexiconHas(['thorunn'])).toEqual(['thorunn']);
    await knex.raw('TRUNCATE search_word_variants');
    await knex.raw('SELECT muse_refresh_search_words()');
    expect(await lexiconHas(['gudmundur', 'lexicon', 'sigur', 'staralfur', 'thorunn'])).toEqual(['gudmundur', 'lexicon', 'sigur', 'staralfur']);
  });
});

describe('muse_typo_tsquery', () => {
  beforeAll(async () => {
    const bjork = await makeArtist(knex, 'Björk');
    await makeArtist(knex, 'Brook Benton');
    await makeAlbum(knex, { title: 'Homogenic', artists: [bjork], tracks: ['Jóga', 'Bachelorette'] });
    await makeArtist(knex, 'José González');
  });

  it('when a word misses a letter, has one too many or one wrong, then the lexicon word is an alternative', async () => {
    expect(await corrected('homogenc')).toBe("'homogenc':* | 'homogenic'");
    expect(await corrected('homogennic')).toBe("'homogennic':* | 'homogenic'");
    expect(await corrected('homogemic')).toBe("'homogemic':* | 'homogenic'");
  });

  it('when a word has two neighbouring letters swapped, then its lexicon word is the alternative (not words two edits away), and the typed word stays a prefix', async () => {
    expect(await corrected('bjrok')).toBe("'bjrok':* | 'bjork'");
    expect(await corrected('jsoe')).toBe("'jsoe':* | 'jose'");
  });

  it('when there are several words, then each gets its own alternatives and all must match (in lexeme order)', async () => {
    expect(await corrected('homogneic bjrok')).toBe("( 'bjrok':* | 'bjork' ) & ( 'homogneic':* | 'homogenic' )");
  });

  it('when a word is 3 letters, then one edit is allowed; shorter words get no alternatives', async () => {
    expect(await corrected('ros')).toContain("'ros':*");
    expect(await corrected('jo')).toBe("'jo':*");
  });

  it('when nothing in the lexicon is close, then only the typed word remains', async () => {
    expect(await corrected('xqzvw')).toBe("'xqzvw':*");
  });

  it('when the query holds quotes, backslashes or no words at all, then it is still a valid tsquery (or NULL), never an error', async () => {
    expect(await corrected("o'brien \\ it's")).toEqual(expect.stringContaining("'brien':*"));
    expect(await corrected('!!! ---')).toBeNull();
    expect(await corrected('')).toBeNull();
  });
});
