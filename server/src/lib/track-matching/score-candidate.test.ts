import { normaliseIsrc } from '../isrc';
import { MATCH_THRESHOLDS } from './match-thresholds';
import { sourceTrack, targetTrack } from './match-tracks.testing';
import { durationToleranceMs, scoreCandidate } from './score-candidate';
import { profileOf, sourceOf, type SourceTrack } from './track-profile';

const profile = (t: SourceTrack) => profileOf(t, normaliseIsrc);
const score = (source: Partial<SourceTrack>, candidate: Parameters<typeof targetTrack>[0], via: 'isrc' | 'search' = 'search') =>
  scoreCandidate(profile(sourceTrack(source)), profile(sourceOf(targetTrack(candidate))), via);
const { accept, review } = MATCH_THRESHOLDS;

describe('scoreCandidate', () => {
  it('when title, artist, album and duration agree, then confidence is full', () => {
    const s = score({}, {});
    expect(s.confidence).toBe(1);
    expect(s.gateFailure).toBeNull();
  });

  it.each([
    ['Mr. Blue Sky (Live)', 'a live version'],
    ['Mr. Blue Sky (Daft Punk Remix)', 'a remix version'],
    ['Mr. Blue Sky (Acoustic)', 'an acoustic version'],
    ['Mr. Blue Sky (Instrumental)', 'an instrumental version'],
    ['Mr. Blue Sky (Karaoke Version)', 'a karaoke version'],
    ['Mr. Blue Sky (Cover)', 'a cover version'],
    ["Mr. Blue Sky (Jeff's Version)", 'an alternative version'],
    ['Mr. Blue Sky - Re-Recorded', 'a re-recorded version'],
    ['Mr. Blue Sky (Demo)', 'a demo version'],
    ['Mr. Blue Sky - Sped Up', 'a sped-up version'],
    ['Mr. Blue Sky (Slowed + Reverb)', 'a slowed version'],
    ['Mr. Blue Sky (Extended Version)', 'an extended version'],
  ])('when the candidate is "%s" and the source is the studio take, then the gate fails: %s', (title, reason) => {
    const s = score({}, { title });
    expect(s.gateFailure).toBe(reason);
    expect(s.confidence).toBeLessThan(review);
  });

  it('when the source is the version and the candidate is not, then the gate fails the other way', () => {
    expect(score({ title: 'Mr. Blue Sky - Live' }, {}).gateFailure).toBe('not the live version');
    expect(score({ title: "Love Story (Taylor's Version)" }, { title: 'Love Story' }).gateFailure).toBe('not the re-recorded version');
  });

  it('when both are the same kind of version with different details, then it is not accepted', () => {
    const s = score({ title: 'Mr. Blue Sky - Live at Wembley' }, { title: 'Mr. Blue Sky (Live in Paris)' });
    expect(s.gateFailure).toBeNull();
    expect(s.confidence).toBeLessThan(accept);
    expect(score({ title: 'Mr. Blue Sky - Live at Wembley' }, { title: 'Mr. Blue Sky (Live at Wembley Stadium, 1986)' }).confidence).toBeGreaterThanOrEqual(
      accept,
    );
  });

  it.each([
    ['Mr. Blue Sky (Remastered 2012)', 'remastered'],
    ['Mr. Blue Sky (Mono)', 'mono'],
    ['Mr. Blue Sky (Stereo)', 'stereo'],
    ['Mr. Blue Sky (Radio Edit)', 'radio edit'],
    ['Mr. Blue Sky (Single Version)', 'single version'],
    ['Mr. Blue Sky (Clean)', 'clean'],
  ])('when the candidate is "%s", then it costs a little and is still accepted', (title, reason) => {
    const s = score({}, { title });
    expect(s.reasons).toContain(reason);
    expect(s.confidence).toBeLessThan(1);
    expect(s.confidence).toBeGreaterThanOrEqual(accept);
  });

  it('when the explicit flags disagree, then it costs a little', () => {
    const s = score({ explicit: true }, { explicit: false });
    expect(s.reasons).toContain('clean version');
    expect(s.rank).toBeLessThan(score({ explicit: true }, { explicit: true }).rank);
  });

  it('when durations differ within the tolerance, then nothing is lost; past it, confidence falls with every second', () => {
    expect(score({ durationMs: 303_000 }, { durationMs: 306_500 }).confidence).toBe(1);
    const near = score({ durationMs: 303_000 }, { durationMs: 313_000 }).confidence;
    const far = score({ durationMs: 303_000 }, { durationMs: 333_000 }).confidence;
    expect(near).toBeLessThan(1);
    expect(far).toBeLessThan(near);
    expect(far).toBeLessThan(accept);
  });

  it('when text agreement falls, then the duration tolerance tightens', () => {
    expect(durationToleranceMs(1)).toBeGreaterThan(durationToleranceMs(0.85));
    expect(durationToleranceMs(0.85)).toBeGreaterThan(durationToleranceMs(0.7));
    expect(durationToleranceMs(0.5)).toBe(durationToleranceMs(0.7));
  });

  it('when one side adds a subtitle the other leaves out, then it costs a little; a different number in it costs more', () => {
    const subtitle = score({ title: 'P.Y.T. (Pretty Young Thing)' }, { title: 'P.Y.T.' });
    expect(subtitle.confidence).toBeLessThan(1);
    expect(subtitle.confidence).toBeGreaterThanOrEqual(accept);
    expect(score({ title: 'Hold On (Part 2)' }, { title: 'Hold On' }).confidence).toBeLessThan(accept);
  });

  it('when the title is another song by the same artist, then it is not accepted', () => {
    expect(score({}, { title: 'Mr. Blue' }).confidence).toBeLessThan(accept);
    expect(score({ title: 'Everybody Wants to Rule the World' }, { title: 'Everybody Wants to Run the World' }).confidence).toBeLessThan(accept);
    expect(score({ title: 'Another Brick in the Wall, Pt. 2' }, { title: 'Another Brick in the Wall, Pt. 1' }).confidence).toBeLessThan(review);
  });

  it('when the artist is another one, even with a similar name, then it is not accepted', () => {
    expect(score({}, { artists: ['The Orchestra'] }).confidence).toBeLessThan(review);
    expect(score({ artists: ['Oasis'] }, { artists: ['Oasish'] }).confidence).toBeLessThan(accept);
  });

  it('when artists are credited differently or in the title, then they still agree', () => {
    expect(score({ artists: ['Daft Punk', 'Pharrell Williams'] }, { artists: ['Daft Punk & Pharrell Williams'] }).confidence).toBe(1);
    expect(
      score({ title: 'Get Lucky', artists: ['Daft Punk', 'Pharrell Williams'] }, { title: 'Get Lucky (feat. Pharrell Williams)', artists: ['Daft Punk'] })
        .confidence,
    ).toBe(1);
    expect(score({ artists: ['Earth, Wind & Fire'] }, { artists: ['Earth Wind and Fire'] }).confidence).toBe(1);
  });

  it('when found by the same ISRC with agreeing text, then the ISRC adds confidence; with different text it adds none', () => {
    const withIsrc = score({ isrc: 'GBARL7700016', durationMs: 303_000 }, { isrc: 'GBARL7700016', durationMs: 320_000 }, 'isrc');
    const without = score({ durationMs: 303_000 }, { durationMs: 320_000 });
    expect(withIsrc.confidence).toBeGreaterThan(without.confidence);
    expect(withIsrc.reasons[0]).toBe('same ISRC');
    const disputed = score({ isrc: 'GBARL7700016' }, { title: 'Telephone Line', isrc: 'GBARL7700016' }, 'isrc');
    expect(disputed.reasons[0]).toBe('same ISRC, but the title or artist differ');
    expect(disputed.confidence).toBeLessThan(review);
  });

  it('when one side gives the title in both scripts, then either script matches', () => {
    const src = { title: '강남스타일', artists: ['PSY'], album: null, durationMs: 219_000 };
    expect(score(src, { title: 'Gangnam Style (강남스타일)', artists: ['PSY'], album: null, durationMs: 219_000 }).confidence).toBeGreaterThanOrEqual(accept);
  });

  it('when title or artist is in another script, then only an ISRC can stand in for it', () => {
    const src = { title: 'Spring Day', artists: ['BTS'], album: null, isrc: 'KRA381701137' };
    const target = { title: '봄날', artists: ['BTS'], album: null, isrc: 'KRA381701137' };
    expect(score(src, target, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    const bySearch = score(src, target);
    expect(bySearch.confidence).toBeLessThan(accept);
    expect(bySearch.confidence).toBeGreaterThanOrEqual(review);
    // An artist that differs (not unknown) is not stood in for.
    expect(score({ ...src, artists: ['TWICE'] }, target, 'isrc').confidence).toBeLessThan(review);
  });

  it('when both title and artist are in another script, then the ISRC and the same length stand in for both, and nothing else does', () => {
    const src = { title: 'Uma to Shika', artists: ['Kenshi Yonezu'], album: null, isrc: 'JPU901900604', durationMs: 252_000 };
    const target = { title: '馬と鹿', artists: ['米津玄師'], album: null, isrc: 'JPU901900604', durationMs: 252_133 };
    expect(score(src, target, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    expect(score(src, { ...target, durationMs: 258_000 }, 'isrc').confidence).toBeLessThan(review);
    expect(score(src, { ...target, isrc: null }).confidence).toBeLessThan(review);
  });

  it('when a Cyrillic or Greek title and credit meet their romanisation, then they compare letter for letter', () => {
    const src = { title: 'Кукла колдуна', artists: ['Король и Шут'], album: null, durationMs: 203_000 };
    expect(score(src, { title: 'Kukla Kolduna', artists: ['Korol I Shut'], album: null, durationMs: 203_000 }).confidence).toBeGreaterThanOrEqual(accept);
    // Another song of the band, romanised, is another title.
    expect(score(src, { title: 'Prygnu so skaly', artists: ['Korol I Shut'], album: null, durationMs: 203_000 }).confidence).toBeLessThan(review);
    // Greek spelt as it sounds ("αι" → "e"), as covers and services spell it.
    const greek = { title: 'Τα παιδιά του Πειραιά', artists: ['Μελίνα Μερκούρη'], album: null, durationMs: 187_000 };
    const spelt = score(greek, { title: 'Ta Pedia Tou Pirea', artists: ['Melina Merkouri'], album: null, durationMs: 188_000 });
    expect(spelt.confidence).toBeGreaterThanOrEqual(accept);
    expect(score(greek, { title: 'Ta Pedia Tou Pirea', artists: ['Nana Mouskouri'], album: null, durationMs: 188_000 }).confidence).toBeLessThan(review);
  });

  it('when a credit is in kana on one side and romanised on the other, then it compares; a loanword title meets by its consonants, a Japanese word stays unknown', () => {
    const src = { title: 'Say It.', artists: ['Yorushika'], album: null, durationMs: 248_000 };
    expect(score(src, { title: 'Say It.', artists: ['ヨルシカ'], album: null, durationMs: 248_000 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(src, { title: 'Say It.', artists: ['ヨアソビ'], album: null, durationMs: 248_000 }).confidence).toBeLessThan(review);
    const marigold = score(
      { title: 'Marigold', artists: ['Aimyon'], album: null, durationMs: 304_000 },
      { title: 'マリーゴールド', artists: ['あいみょん'], album: null, durationMs: 304_000 },
    );
    // Its consonants are the English word's, so it is alike; a Japanese word in kana stays unknown.
    expect(marigold.reasons).toContain('a similar title');
    expect(marigold.confidence).toBeGreaterThanOrEqual(review);
    const harunohi = score(
      { title: 'Marigold', artists: ['Aimyon'], album: null, durationMs: 304_000 },
      { title: 'ハルノヒ', artists: ['あいみょん'], album: null, durationMs: 304_000 },
    );
    expect(harunohi.reasons).toContain('title in another script');
  });

  it('when one credit is the other with an ensemble after it, then they are the same act; a one-word name never is', () => {
    const src = { title: 'All Along the Watchtower', artists: ['The Jimi Hendrix Experience'], album: null, durationMs: 241_000 };
    expect(score(src, { title: 'All Along the Watchtower', artists: ['Jimi Hendrix'], album: null, durationMs: 240_800 }).confidence).toBeGreaterThanOrEqual(
      accept,
    );
    const queen = { title: 'U.N.I.T.Y.', artists: ['Queen'], album: null, durationMs: 250_000 };
    expect(score(queen, { title: 'U.N.I.T.Y.', artists: ['Queen Latifah'], album: null, durationMs: 250_000 }).confidence).toBeLessThan(accept);
  });

  it('when one side puts the part numbers in brackets and the other after a comma, then the titles are the same', () => {
    const src = { title: 'Shine On You Crazy Diamond (Pts. 1-5)', artists: ['Pink Floyd'], album: null, durationMs: 811_000 };
    expect(
      score(src, { title: 'Shine On You Crazy Diamond, Pts. 1-5', artists: ['Pink Floyd'], album: null, durationMs: 811_000 }).confidence,
    ).toBeGreaterThanOrEqual(accept);
    expect(score(src, { title: 'Shine On You Crazy Diamond, Pts. 6-9', artists: ['Pink Floyd'], album: null, durationMs: 811_000 }).confidence).toBeLessThan(
      review,
    );
  });

  it('when one title is the other followed by its name in another script, without brackets, then the titles agree', () => {
    const source = { title: '밤편지', artists: ['IU'], album: 'Palette', durationMs: 253_000 };
    const s = score(source, { title: '밤편지 Through the Night', artists: ['IU'], album: 'Palette', durationMs: 253_500 });
    expect(s.title).toBeGreaterThanOrEqual(0.9);
    expect(s.confidence).toBeGreaterThanOrEqual(accept);
    // Either way round, and only when the runs are each in one script.
    expect(score({ ...source, title: 'Through the Night 밤편지' }, { ...source, title: 'Through the Night' }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score({ ...source, title: '봄날' }, { ...source, title: '밤편지 Through the Night' }).confidence).toBeLessThan(review);
  });

  it('when title, lead artist, length and album agree but a featured artist is credited otherwise, then it is accepted; on another album it is not', () => {
    const source = { title: 'DÁKITI', artists: ['Bad Bunny', 'Jhay Cortez'], album: 'EL ÚLTIMO TOUR DEL MUNDO', durationMs: 205_090, explicit: true };
    const renamed = { title: 'DÁKITI', artists: ['Bad Bunny & Jhayco'], album: 'EL ÚLTIMO TOUR DEL MUNDO', durationMs: 205_000, explicit: true };
    expect(score(source, renamed).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { ...renamed, album: 'Reggaeton Hits 2020' }).confidence).toBeLessThan(accept);
    expect(score(source, { ...renamed, durationMs: 215_000 }).confidence).toBeLessThan(accept);
    // The lead artist must be the same: another act's song of that title on an album of that name is not it.
    expect(score(source, { ...renamed, artists: ['Jhayco'] }).confidence).toBeLessThan(accept);
  });

  it('when one service numbers a movement in roman numerals and the other in digits, then the titles agree; another movement does not', () => {
    const source = {
      title: 'Piano Concerto No. 2 in C Minor, Op. 18: II. Adagio sostenuto',
      artists: ['Sviatoslav Richter'],
      album: 'Rachmaninov',
      durationMs: 692_000,
    };
    const same = { ...source, title: 'Piano Concerto No. 2 in C Minor, Op. 18: 2. Adagio sostenuto', durationMs: 692_500 };
    expect(score(source, same).title).toBe(1);
    expect(score(source, { ...same, title: 'Piano Concerto No. 2 in C Minor, Op. 18: 3. Adagio sostenuto' }).confidence).toBeLessThan(review);
  });

  it('when a Cyrillic title is romanised another way than ours, then the title is unknown, and the ISRC and length stand in for it', () => {
    const source = { title: 'Тает лёд', artists: ['Грибы'], album: 'Дом культуры', durationMs: 195_000, isrc: 'RUA1D1600121' };
    const listed = { title: 'Tayet Lyod', artists: ['Griby'], album: 'Dom Kultury', durationMs: 195_400, isrc: 'RUA1D1600121' };
    expect(score(source, listed, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    // Without the ISRC an unknown title is not enough.
    expect(score({ ...source, isrc: null }, { ...listed, isrc: null }).confidence).toBeLessThan(accept);
  });

  it('when a title carries another title in the same script in brackets, then that is not an alias of it; the artist written first is', () => {
    const source = { title: 'Ojos Así', artists: ['Shakira'], album: '¿Dónde Están los Ladrones?', durationMs: 238_000 };
    expect(score(source, { ...source, title: 'Eyes Like Yours (Ojos Así)', album: 'Laundry Service' }).confidence).toBeLessThan(accept);
    expect(score({ ...source, title: 'Shakira - Ojos Así', album: null }, source).confidence).toBeGreaterThanOrEqual(accept);
    expect(
      score({ ...source, title: 'Gangnam Style', artists: ['PSY'] }, { ...source, title: 'Gangnam Style (강남스타일)', artists: ['PSY'] }).confidence,
    ).toBeGreaterThanOrEqual(accept);
  });

  it('when the ISRC, length, album and lead artist agree, then a title written a little otherwise is accepted; on another album it is left for review', () => {
    const source = {
      title: 'Cello Suite No. 1 in G Major, BWV 1007: I. Prélude',
      artists: ['Johann Sebastian Bach', 'Yo-Yo Ma'],
      album: 'Bach: Unaccompanied Cello Suites',
      durationMs: 144_000,
      isrc: 'USSM18300117',
    };
    const apple = { ...source, title: 'Unaccompanied Cello Suite No. 1 in G Major, BWV 1007: I. Prélude', artists: ['Yo-Yo Ma'], durationMs: 144_300 };
    expect(score(source, apple, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { ...apple, album: 'Six Evolutions - Bach: Cello Suites' }, 'isrc').confidence).toBeLessThan(accept);
  });

  it('when the source is a mix made anew years later ("2022 Mix"), then a remaster of the original mix is not it; the same new mix is', () => {
    const source = { title: 'Eleanor Rigby - 2022 Mix', artists: ['The Beatles'], album: 'Revolver (Super Deluxe)', durationMs: 126_500 };
    const remaster = score(source, { ...source, title: 'Eleanor Rigby (Remastered 2009)', album: 'Revolver', durationMs: 126_400 });
    expect(remaster.gateFailure).toBe('not the newly mixed version');
    expect(remaster.confidence).toBeLessThan(review);
    expect(score(source, { ...source, title: 'Eleanor Rigby (2022 Mix)' }).confidence).toBeGreaterThanOrEqual(accept);
  });

  it('when the credit is in another script but title, length and album agree, then it is accepted; without the album, or with another length, it is left for review', () => {
    const source = { title: '七里香', artists: ['Jay Chou'], album: '七里香', durationMs: 299_000 };
    const listed = { ...source, artists: ['周杰倫'], durationMs: 299_500 };
    expect(score(source, listed).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { ...listed, album: '葉惠美' }).confidence).toBeLessThan(accept);
    expect(score(source, { ...listed, durationMs: 320_000 }).confidence).toBeLessThan(accept);
    // A title in another script on the same album is not enough: another track of it can be as long.
    expect(score({ ...source, title: 'Common Jasmine Orange' }, { ...source, artists: ['Jay Chou'] }).confidence).toBeLessThan(accept);
  });

  it('when both titles name their guests and one names someone the other credits nowhere, then a person decides', () => {
    const source = { title: 'Essence (feat. Tems)', artists: ['Wizkid'], album: 'Made In Lagos', durationMs: 248_000, explicit: true };
    const remix = score(source, {
      ...source,
      title: 'Essence (feat. Justin Bieber & Tems)',
      artists: ['Wizkid', 'Justin Bieber', 'Tems'],
      durationMs: 248_500,
    });
    expect(remix.reasons).toContain('other featured artists');
    expect(remix.confidence).toBeLessThan(accept);
    // A guest named within a longer name is there.
    const airplanes = { title: 'Airplanes (feat. Hayley Williams of Paramore)', artists: ['B.o.B'], album: 'The Adventures of Bobby Ray', durationMs: 180_480 };
    expect(score(airplanes, { ...airplanes, title: 'Airplanes (feat. Hayley Williams)', durationMs: 180_000 }).confidence).toBeGreaterThanOrEqual(accept);
    // Only one title naming a guest says nothing.
    expect(score(source, { ...source, title: 'Essence', artists: ['Wizkid', 'Tems'] }).confidence).toBeGreaterThanOrEqual(accept);
  });

  it('when the other service has the Spanish version and the source is it, then it is matched; the English version is not', () => {
    const source = { title: 'Bailando (Español)', artists: ['Enrique Iglesias'], album: null, durationMs: 243_000 };
    expect(score(source, { ...source, title: 'Bailando (Spanish Version)', album: 'SEX AND LOVE' }).confidence).toBeGreaterThanOrEqual(accept);
    const english = score(source, { ...source, title: 'Bailando (English Version)', album: 'SEX AND LOVE' });
    expect(english.confidence).toBeLessThan(accept);
  });

  it('when a credit holds Han characters, then a romanisation far from it is unknown, and the ISRC and length stand in', () => {
    const source = { title: 'Plastic Love', artists: ['Mariya Takeuchi'], album: 'VARIETY', durationMs: 294_000, isrc: 'JPWP08400211' };
    const listed = { title: 'プラスティック・ラブ', artists: ['竹内まりや'], album: 'VARIETY', durationMs: 294_200, isrc: 'JPWP08400211' };
    expect(score(source, listed, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    // Without the ISRC the title's consonants agree but the credit stays unknown: a person decides.
    expect(score({ ...source, isrc: null }, { ...listed, isrc: null }).confidence).toBeLessThan(accept);
  });

  it('when a title is romanised one letter otherwise than by our letter map, then it still agrees', () => {
    const source = { title: 'Million Alyh Roz', artists: ['Alla Pugacheva'], album: null, durationMs: 268_000 };
    const listed = { title: 'Миллион алых роз', artists: ['Алла Пугачёва'], album: 'Как тревожен этот путь', durationMs: 267_500 };
    expect(score(source, listed).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { ...listed, title: 'Арлекино' }).confidence).toBeLessThan(review);
  });

  it('when umlauts are written out on one side ("Maenner", "Groenemeyer"), then they agree with the letters; other words do not', () => {
    const source = { title: 'Maenner', artists: ['Herbert Groenemeyer'], album: '4630 Bochum', durationMs: 239_000 };
    const listed = { title: 'Männer', artists: ['Herbert Grönemeyer'], album: '4630 Bochum', durationMs: 239_400 };
    expect(score(source, listed).confidence).toBe(1);
    expect(score(listed, source).confidence).toBe(1);
    // Dropped umlauts still agree as before.
    expect(score({ ...listed, title: 'Manner', artists: ['Herbert Gronemeyer'] }, listed).confidence).toBe(1);
    expect(score(source, { ...listed, title: 'Mensch' }).confidence).toBeLessThan(review);
  });

  it('when one service censors a word with more asterisks than the other, then the titles agree; the uncensored word is another edit', () => {
    const source = {
      title: "F**kin' Problems (feat. Drake, 2 Chainz & Kendrick Lamar)",
      artists: ['A$AP Rocky'],
      album: 'LONG.LIVE.A$AP',
      durationMs: 233_000,
      explicit: false,
    };
    const censored = score(source, { ...source, title: 'F*****g Problems (feat. Drake, 2 Chainz & Kendrick Lamar)', durationMs: 233_300 });
    expect(censored.title).toBe(1);
    const uncensored = score(source, { ...source, title: "Fuckin' Problems (feat. Drake, 2 Chainz & Kendrick Lamar)", durationMs: 233_300, explicit: true });
    expect(uncensored.confidence).toBeLessThan(censored.confidence);
    // A name with a star in it is not censored.
    expect(score({ ...source, title: 'Mamma Mia', artists: ['A*Teens'] }, { ...source, title: 'Mamma Mia', artists: ['A*Teens'] }).artist).toBe(1);
  });

  it('when a title is half in another script and its other half is in the other title, then it is unknown, and the ISRC and length stand in', () => {
    const source = { title: '真夜中のドア〜stay with me', artists: ['松原みき'], album: 'POCKET PARK', durationMs: 306_000, isrc: 'JPCN07900123' };
    const listed = { title: 'Mayonaka no Door / Stay With Me', artists: ['Miki Matsubara'], album: 'Pocket Park', durationMs: 306_300, isrc: 'JPCN07900123' };
    expect(score(source, listed, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    expect(score({ ...source, isrc: null }, { ...listed, isrc: null }).confidence).toBeLessThan(accept);
  });

  it('when the ISRC, title and length agree on the album and its single ("Subtitle" / "Subtitle - Single"), then a credit half in kanji is accepted', () => {
    const source = { title: 'Subtitle', artists: ['Official HIGE DANdism'], album: 'Subtitle', durationMs: 331_426, isrc: 'JPPC02202341' };
    const listed = { ...source, artists: ['Official髭男dism'], album: 'Subtitle - Single', durationMs: 331_500 };
    expect(score(source, listed, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { ...listed, album: 'Best of 2022' }, 'isrc').confidence).toBeLessThan(accept);
  });

  it('when the source sits on a live album named for its venue ("… at Budokan"), then the take "Live at Nippon Budokan" is it; the studio album is not', () => {
    const source = { title: 'I Want You to Want Me', artists: ['Cheap Trick'], album: 'Cheap Trick at Budokan', durationMs: 220_000 };
    const live = {
      ...source,
      title: 'I Want You To Want Me - Live at Nippon Budokan, Tokyo, JPN - April 1978',
      album: 'Cheap Trick At Budokan',
      durationMs: 219_600,
    };
    expect(score(source, live).gateFailure).toBeNull();
    expect(score(source, live).confidence).toBeGreaterThanOrEqual(review);
    expect(score({ ...source, isrc: 'USSM17800876' }, { ...live, isrc: 'USSM17800876' }, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    // Another venue, or a studio album whose name says "in" something, is not it.
    expect(score({ ...source, album: 'Cheap Trick at the Forum' }, live).gateFailure).toBe('a live version');
    expect(score({ ...source, album: 'In Color' }, live).gateFailure).toBe('a live version');
  });

  it('when a small kana vowel draws out the one before ("うっせぇわ"), then its romanisation doubles it and meets "Usseewa"', () => {
    const source = { title: 'うっせぇわ', artists: ['Ado'], album: '狂言', durationMs: 204_000 };
    expect(score(source, { title: 'Usseewa', artists: ['Ado'], album: 'Kyogen', durationMs: 204_300 }).confidence).toBeGreaterThanOrEqual(accept);
    // A small vowel after another vowel still makes a syllable of its own: "ファ" is "fa".
    expect(score({ ...source, title: 'ファンタジー' }, { ...source, title: 'Fantajii' }).title).toBeGreaterThanOrEqual(0.9);
  });

  it('when a name mixes scripts in one word ("МакSим"), then it meets its romanisation ("MakSim")', () => {
    const source = { title: 'Знаешь ли ты', artists: ['МакSим'], album: 'Мой рай', durationMs: 243_000 };
    expect(score(source, { ...source, artists: ['MakSim'], durationMs: 243_300 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { ...source, artists: ['Zemfira'], durationMs: 243_300 }).confidence).toBeLessThan(review);
  });

  it('when Cyrillic is romanised as it sounds ("Batareyka" for "Батарейка"), then it still agrees', () => {
    const source = { title: 'Батарейка', artists: ['Жуки'], album: 'Весёлые старты', durationMs: 285_000 };
    expect(score(source, { title: 'Batareyka', artists: ['Zhuki'], album: 'Veselye starty', durationMs: 285_400 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { title: 'Batareika', artists: ['Zhuki'], album: 'Veselye starty', durationMs: 285_400 }).confidence).toBeGreaterThanOrEqual(accept);
  });

  it('when a hangul title and credit meet their romanisation, then they agree; another song romanised stays unknown, never accepted', () => {
    const source = { title: '봄날', artists: ['조용필'], album: null, durationMs: 262_000 };
    expect(score(source, { title: 'Bomnal', artists: ['Cho Yong Pil'], album: null, durationMs: 262_300 }).confidence).toBeGreaterThanOrEqual(accept);
    const other = score(source, { title: 'Bounce', artists: ['Cho Yong Pil'], album: null, durationMs: 262_300 });
    expect(other.reasons).toContain('title in another script');
    expect(other.confidence).toBeLessThan(accept);
    // A name with a spelling of its own ("아이유" / "IU") is unknown, not another artist.
    expect(
      score(
        { title: 'Blueming', artists: ['아이유'], album: null, durationMs: 217_000 },
        { title: 'Blueming', artists: ['IU'], album: null, durationMs: 217_000 },
      ).reasons,
    ).toContain('artist in another script');
  });

  it('when an Arabic or Hebrew title and credit meet their romanisation, then their consonants agree; another song of the artist does not', () => {
    const source = { title: 'انت عمري', artists: ['أم كلثوم'], album: null, durationMs: 3_500_000 };
    expect(score(source, { title: 'Enta Omri', artists: ['Umm Kulthum'], album: null, durationMs: 3_500_500 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { title: 'Alf Leila wa Leila', artists: ['Umm Kulthum'], album: null, durationMs: 3_500_500 }).confidence).toBeLessThan(accept);
    const hebrew = { title: 'ירושלים של זהב', artists: ['שולי נתן'], album: null, durationMs: 230_000 };
    expect(score(hebrew, { title: 'Yerushalayim Shel Zahav', artists: ['Shuli Natan'], album: null, durationMs: 230_400 }).confidence).toBeGreaterThanOrEqual(
      accept,
    );
    expect(score(hebrew, { title: 'Hava Nagila', artists: ['Shuli Natan'], album: null, durationMs: 230_400 }).confidence).toBeLessThan(accept);
  });

  it('when a Chinese title and credit are traditional on one side and simplified on the other, then they are the same', () => {
    const source = { title: '童話', artists: ['光良'], album: '童話', durationMs: 250_000 };
    expect(score(source, { title: '童话', artists: ['光良'], album: '童话', durationMs: 250_400 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { title: '第一次', artists: ['光良'], album: '童话', durationMs: 250_400 }).confidence).toBeLessThan(review);
  });

  it('when the ISRCs differ and the length is past its tolerance, then it is at most review however well the text agrees', () => {
    const source = { isrc: 'GBAAA7700001' };
    const apart = score(source, { isrc: 'USBBB0500002', album: 'The Best of ELO', durationMs: 310_000 });
    expect(apart.reasons).toContain('another ISRC');
    expect(apart.confidence).toBeLessThan(accept);
    // Within the tolerance another ISRC is only a nudge (reissues get new ones); without one on a side, the length alone decides.
    expect(score(source, { isrc: 'USBBB0500002', durationMs: 306_500 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { isrc: null, album: 'The Best of ELO', durationMs: 310_000 }).reasons).not.toContain('another ISRC');
  });

  it('when Ukrainian meets its romanisation ("и" read "y", "г" read "h"), then it agrees', () => {
    const source = { title: 'Гуцулка Ксеня', artists: ['Мирослав Скорик'], album: null, durationMs: 200_000 };
    expect(score(source, { title: 'Hutsulka Ksenya', artists: ['Myroslav Skoryk'], album: null, durationMs: 200_400 }).confidence).toBeGreaterThanOrEqual(
      accept,
    );
  });

  it('when a Devanagari title and credit meet their romanisation, then they agree; another film song stays unknown', () => {
    const source = { title: 'कल हो ना हो', artists: ['सोनू निगम'], album: null, durationMs: 321_000 };
    expect(score(source, { title: 'Kal Ho Naa Ho', artists: ['Sonu Nigam'], album: null, durationMs: 321_300 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { title: 'Maahi Ve', artists: ['Sonu Nigam'], album: null, durationMs: 321_300 }).confidence).toBeLessThan(accept);
  });

  it("when a credit in another script holds only one of the other side's names, then that name counts, not the whole credit unknown", () => {
    const s = score(
      { title: 'Kal Ho Naa Ho', artists: ['Shankar-Ehsaan-Loy', 'Sonu Nigam'], album: null, durationMs: 321_000 },
      { title: 'Kal Ho Naa Ho', artists: ['सोनू निगम'], album: null, durationMs: 321_300 },
    );
    expect(s.reasons).not.toContain('artist in another script');
    expect(s.confidence).toBeGreaterThanOrEqual(review);
  });

  it('when a credit gives the name in two scripts ("트와이스 (TWICE)"), then either spelling is the name', () => {
    const source = { title: 'FANCY', artists: ['TWICE'], album: 'FANCY YOU', durationMs: 213_000 };
    const both = score(source, { title: 'FANCY', artists: ['트와이스 (TWICE)'], album: 'FANCY YOU', durationMs: 213_300 });
    expect(both.reasons).toContain('same artist');
    expect(both.confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { title: 'FANCY', artists: ['있지 (ITZY)'], album: 'FANCY YOU', durationMs: 213_300 }).confidence).toBeLessThan(review);
  });

  it('when a name is written in katakana on one side ("ビートルズ"), then its consonants meet the Latin spelling; another band\'s do not', () => {
    const source = { title: 'Let It Be', artists: ['The Beatles'], album: 'Let It Be', durationMs: 243_000 };
    expect(score(source, { title: 'Let It Be', artists: ['ビートルズ'], album: 'Let It Be', durationMs: 243_300 }).confidence).toBeGreaterThanOrEqual(accept);
    expect(score(source, { title: 'Let It Be', artists: ['ローリング・ストーンズ'], album: 'Let It Be', durationMs: 243_300 }).confidence).toBeLessThan(review);
  });

  it('when one title names a guest the other side credits nowhere, on another release, then a person decides; on the same album it is the track', () => {
    const source = { title: 'Stay (feat. Justin Bieber)', artists: ['The Kid LAROI'], album: 'F*CK LOVE 3: OVER YOU', durationMs: 141_000 };
    const solo = score(source, { title: 'Stay', artists: ['The Kid LAROI'], album: 'Stay - Single', durationMs: 141_300 });
    expect(solo.reasons).toContain('a guest missing');
    expect(solo.confidence).toBeLessThan(accept);
    expect(score(source, { title: 'Stay', artists: ['The Kid LAROI'], album: 'F*CK LOVE 3: OVER YOU', durationMs: 141_300 }).confidence).toBeGreaterThanOrEqual(
      accept,
    );
    expect(
      score(source, { title: 'Stay', artists: ['The Kid LAROI', 'Justin Bieber'], album: 'Stay - Single', durationMs: 141_300 }).confidence,
    ).toBeGreaterThanOrEqual(accept);
  });

  it('when the ISRC, length and album agree and one title is the other cut to its first words, then it stands in; found by search it does not', () => {
    const source = { title: 'Sunday Morning Coming Down', artists: ['Johnny Cash'], album: 'The Johnny Cash Show', durationMs: 253_000, isrc: 'USSM17000101' };
    const cut = { title: 'Sunday Morning', artists: ['Johnny Cash'], album: 'The Johnny Cash Show', durationMs: 253_400, isrc: 'USSM17000101' };
    expect(score(source, cut, 'isrc').confidence).toBeGreaterThanOrEqual(accept);
    expect(score({ ...source, isrc: null }, { ...cut, isrc: null }).confidence).toBeLessThan(accept);
  });
});
