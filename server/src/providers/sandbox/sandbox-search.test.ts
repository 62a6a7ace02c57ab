import { containsWords, parseSearchQuery, rankByTitle, searchable } from './sandbox-search';

describe('sandbox search helpers', () => {
  it('when a query has field filters, quoted or not, then they are read apart from the free words', () => {
    expect(parseSearchQuery('remaster track:"Doxy Blues" artist:Miles isrc:usabc9900001 Davis')).toEqual({
      words: ['remaster', 'davis'],
      fields: { track: 'Doxy Blues', artist: 'Miles', isrc: 'usabc9900001' },
    });
    expect(parseSearchQuery('mood:happy')).toEqual({ words: ['mood', 'happy'], fields: {} });
  });

  it('when text has accents and punctuation, then search forgives them, and the last word may be a prefix', () => {
    expect(searchable('Östermalm — Live!')).toBe('ostermalm live');
    expect(containsWords('Björk – Jóga', 'bjork jog')).toBe(true);
    expect(containsWords('Björk – Jóga', 'bjo joga')).toBe(false);
    expect(containsWords('anything', '')).toBe(true);
  });

  it('when hits are ranked, then the title the query names exactly comes first and ties keep catalog order', () => {
    const titles = ['Love Song (Live)', 'Another Song', 'Love Song', 'Song'];
    expect(rankByTitle(titles, (t) => t, 'love song')).toEqual(['Love Song', 'Love Song (Live)', 'Song', 'Another Song']);
  });
});
