import { artistNames, comparable, comparableScripts, foldText, parseTitle, scriptOf } from './normalise-text';

describe('foldText', () => {
  it('when text has accents, case and punctuation, then two spellings fold alike', () => {
    expect(foldText('Beyoncé')).toBe(foldText('BEYONCE'));
    expect(foldText('Mötley Crüe')).toBe('motley crue');
    expect(foldText('Ça plane pour moi')).toBe('ca plane pour moi');
    expect(foldText('Dziwny jest ten świat, Czesław')).toBe('dziwny jest ten swiat czeslaw');
    expect(foldText('R.E.M.')).toBe('rem');
    expect(foldText('Don’t Stop')).toBe(foldText("Don't Stop"));
  });

  it('when "&", "+" or "\'n\'" join words, then they read as "and"', () => {
    expect(foldText('Rock & Roll')).toBe('rock and roll');
    expect(foldText('Florence + the Machine')).toBe('florence and the machine');
    expect(foldText("Rock 'n' Roll")).toBe('rock and roll');
  });

  it('when names are stylised with symbols, then they read as letters', () => {
    expect(foldText('P!nk')).toBe('pink');
    expect(foldText('Ke$ha')).toBe('kesha');
  });

  it('when one service masks a word with asterisks and the other writes it out, then both fold alike; another word does not', () => {
    expect(foldText('Fuck You')).toBe(foldText('F**k You'));
    expect(foldText('Bitches Broken Hearts')).toBe(foldText('B*tches Broken Hearts'));
    expect(foldText('Forget You')).not.toBe(foldText('F**k You'));
  });

  it('when Chinese is written in traditional characters on one side and simplified on the other, then both fold alike', () => {
    expect(foldText('月亮代表我的心 (鄧麗君)')).toBe(foldText('月亮代表我的心 (邓丽君)'));
    expect(foldText('後來')).toBe(foldText('后来'));
    expect(foldText('紅蓮華')).not.toBe(foldText('紅蓮'));
  });

  it('when text is in another script, then its letters are kept, voicing marks included', () => {
    expect(foldText('群青')).toBe('群青');
    expect(foldText('Группа крови')).toBe('группа крови');
    expect(foldText('ガ')).not.toBe(foldText('カ'));
    expect(foldText('तुम ही हो')).toBe('तुम ही हो'.normalize('NFC'));
    expect(foldText('ＡＢＣ')).toBe('abc');
  });
});

describe('comparable', () => {
  it('when a leading "the" is there, then it is dropped, but never down to nothing', () => {
    expect(comparable('The Beatles')).toBe('beatles');
    expect(comparable('The The')).toBe('the');
    expect(comparable('The')).toBe('the');
  });

  it('when folding leaves nothing, then the raw text is kept', () => {
    expect(comparable('!!!')).toBe('!!!');
    expect(comparable('÷')).toBe('÷');
  });
});

describe('parseTitle', () => {
  it('when a title carries feat. in brackets and a dashed version, then both are taken off the core', () => {
    expect(parseTitle('Get Lucky (feat. Pharrell Williams & Nile Rodgers) - Radio Edit')).toEqual({
      core: 'Get Lucky',
      segments: ['Radio Edit'],
      featured: ['Pharrell Williams', 'Nile Rodgers'],
    });
  });

  it('when the credit is inline or a "with" clause, then the artists move out of the title', () => {
    expect(parseTitle('Cheap Thrills ft. Sean Paul')).toEqual({ core: 'Cheap Thrills', segments: [], featured: ['Sean Paul'] });
    expect(parseTitle('Stay (with Justin Bieber)')).toEqual({ core: 'Stay', segments: [], featured: ['Justin Bieber'] });
    expect(parseTitle('Lose Control featuring Ciara, Fat Man Scoop').featured).toEqual(['Ciara', 'Fat Man Scoop']);
  });

  it('when brackets nest or come first, then only trailing segments are cut', () => {
    expect(parseTitle('(I Can’t Get No) Satisfaction - Mono Version')).toEqual({
      core: '(I Can’t Get No) Satisfaction',
      segments: ['Mono Version'],
      featured: [],
    });
    expect(parseTitle('Let It Go (From "Frozen" (Soundtrack))').segments).toEqual(['From "Frozen" (Soundtrack)']);
    expect(parseTitle('Titanium (feat. Sia) [Alesso Remix]')).toEqual({ core: 'Titanium', segments: ['Alesso Remix'], featured: ['Sia'] });
  });

  it('when Spotify joins additions with " / " or ";", then each is a segment of its own', () => {
    expect(parseTitle('Let It Be - Naked Version / Remastered 2013').segments).toEqual(['Naked Version', 'Remastered 2013']);
    expect(parseTitle('Layla - Acoustic; Live at MTV Unplugged; 2013 Remaster').segments).toEqual(['Acoustic', 'Live at MTV Unplugged', '2013 Remaster']);
    expect(parseTitle('Hallelujah (Live at Sin-é, July/August 1993)').segments).toEqual(['Live at Sin-é, July/August 1993']);
  });

  it('when a dashed suffix holds hyphenated words, then it is still one segment', () => {
    expect(parseTitle('Sunflower - Spider-Man: Into the Spider-Verse')).toEqual({
      core: 'Sunflower',
      segments: ['Spider-Man: Into the Spider-Verse'],
      featured: [],
    });
  });

  it('when the whole title is bracketed, then the core is not emptied', () => {
    expect(parseTitle('(Untitled)').core).toBe('(Untitled)');
    expect(parseTitle('Intro').core).toBe('Intro');
  });
});

describe('artistNames', () => {
  it('when services credit the same artists differently, then the names agree', () => {
    expect(artistNames(['Daft Punk', 'Pharrell Williams'])).toEqual(artistNames(['Daft Punk & Pharrell Williams']));
    expect(artistNames(['Queen & David Bowie'])).toEqual(['queen', 'david bowie']);
    expect(artistNames(['Beatles, The'])).toEqual(['beatles']);
    expect(artistNames(['Nirvana (2)'])).toEqual(['nirvana']);
    expect(artistNames(['Calvin Harris feat. Rihanna'])).toEqual(['calvin harris', 'rihanna']);
    expect(artistNames(['Shaggy', 'shaggy'])).toEqual(['shaggy']);
  });

  it('when a band name holds separators, then both sides split it the same way', () => {
    expect(artistNames(['Earth, Wind & Fire'])).toEqual(artistNames(['Earth, Wind and Fire']));
    expect(artistNames(['AC/DC'])).toEqual(['ac', 'dc']);
  });
});

describe('scripts', () => {
  it('when texts are in different scripts, then they are not comparable letter by letter', () => {
    expect(scriptOf('spring day')).toBe('latin');
    expect(scriptOf('봄날')).toBe('other');
    expect(scriptOf('gangnam style 강남스타일')).toBe('mixed');
    expect(comparableScripts('spring day', '봄날')).toBe(false);
    expect(comparableScripts('lemon', 'lemon')).toBe(true);
    expect(comparableScripts('gangnam style 강남스타일', '강남스타일')).toBe(true);
  });
});

describe('parseTitle: Japanese subtitles', () => {
  it('when a title closes with a subtitle between wave dashes or in full-width brackets, then it is a segment', () => {
    expect(parseTitle('猫 ~THE FIRST TAKE ver.~')).toMatchObject({ core: '猫', segments: ['THE FIRST TAKE ver.'] });
    expect(parseTitle('残響散歌〜Live〜')).toMatchObject({ core: '残響散歌', segments: ['Live'] });
    expect(parseTitle('夜に駆ける（Live）')).toMatchObject({ core: '夜に駆ける', segments: ['Live'] });
    // A wave dash inside a title is the title's own.
    expect(parseTitle('真夜中のドア〜stay with me').core).toBe('真夜中のドア〜stay with me');
  });
});
