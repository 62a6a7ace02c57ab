import { contextTags, isCompilationAlbum, isGate, isLiveAlbum, isSingleRelease, readSegment } from './version-tags';

describe('readSegment', () => {
  it.each([
    ['Live', 'live'],
    ['Live at Wembley Stadium, July 1986', 'live'],
    ['Live On MTV Unplugged, 1993', 'live'],
    ['Ao Vivo', 'live'],
    ['En Vivo', 'live'],
    ['Versión Acústica', 'acoustic'],
    ['Intro', 'alternate'],
    ['Tiësto Remix', 'remix'],
    ['Club Mix', 'remix'],
    ['Jillionaire Flip', 'remix'],
    ['Skrillex Refix', 'remix'],
    ['Acoustic Version', 'acoustic'],
    ['Instrumental', 'instrumental'],
    ['Karaoke Version', 'karaoke'],
    ['In the Style of Adele', 'karaoke'],
    ['Originally Performed by Adele', 'cover'],
    ['Cover', 'cover'],
    ["Taylor's Version", 're-recorded'],
    ['Re-Recorded', 're-recorded'],
    ['2012 Version', 're-recorded'],
    ['Demo', 'demo'],
    ['Home Recording', 'demo'],
    ['Sped Up', 'sped-up'],
    ['Nightcore', 'sped-up'],
    ['Slowed + Reverb', 'slowed'],
    ['Extended Mix', 'extended'],
    ['Long Version', 'extended'],
    ['Peel Session', 'alternate'],
    ['Redux', 'alternate'],
    ['2009 Remake', 'alternate'],
    ['Piano Version', 'alternate'],
    ['Reprise', 'alternate'],
    ['Take 9', 'alternate'],
    ['Naked Version / Remastered 2013', 'alternate'],
    ['Boombox Rehearsals', 'alternate'],
    ['From THE FIRST TAKE', 'alternate'],
    ['THE FIRST TAKE ver.', 'alternate'],
    ['Live from the Tiny Desk', 'alternate'],
    ['伴奏版', 'instrumental'],
    ['オリジナル・カラオケ', 'karaoke'],
    ['라이브', 'live'],
    ['Live at 武道館', 'live'],
    ['リミックス', 'remix'],
    ['Acoustic バージョン', 'acoustic'],
    ['Spanish Version', 'language'],
    ['Español', 'language'],
    ['Versión en Español', 'language'],
    ['English ver.', 'language'],
    ['2019 Mix', 'new-mix'],
    ['2022 Stereo Mix', 'new-mix'],
    ['Outtakes', 'alternate'],
    ['Alternate Takes', 'alternate'],
    ['Piano Sketches', 'alternate'],
  ])('when a segment says "%s", then it gates on %s', (segment, tag) => {
    const reading = readSegment(segment);
    expect(reading.tags).toContain(tag);
    expect(isGate(tag as never)).toBe(true);
    expect(reading.extra).toBeNull();
  });

  it.each([
    ['Remastered 2011', 'remaster'],
    ['2009 Remaster', 'remaster'],
    ['Remasterizado', 'remaster'],
    ['2018 Bob Ludwig Remastering', 'remaster'],
    ['Mono', 'mono'],
    ['Stereo Mix', 'stereo'],
    ['Radio Edit', 'radio-edit'],
    ['Single Version', 'single-version'],
    ['7" Version', 'single-version'],
    ['Clean', 'clean'],
    ['Explicit', 'explicit'],
    ['Edit', 'edit'],
    ['Short Version', 'edit'],
  ])('when a segment says "%s", then it is a small %s difference, not a gate', (segment, tag) => {
    const reading = readSegment(segment);
    expect(reading.tags).toEqual([tag]);
    expect(reading.tags.some(isGate)).toBe(false);
  });

  it('when a version names its details, then they are kept to tell versions apart', () => {
    expect(readSegment('Tiësto Remix').detail).toEqual(['tiesto']);
    expect(readSegment('Live at Wembley Stadium, 1986').detail).toEqual(['wembley', 'stadium']);
    expect(readSegment('Live at Sin-é, New York, July/August 1993').detail).toEqual(expect.arrayContaining(['sin', 'e', 'new', 'york', 'august']));
    expect(readSegment('Remastered 2011').detail).toEqual([]);
  });

  it('when a segment names nothing about the recording, then it is ignored', () => {
    for (const segment of [
      'Original Mix',
      'Album Version',
      'From "Frozen"',
      'From "Frozen"/Soundtrack Version',
      'Bonus Track',
      'Deluxe Edition',
      '1999',
      'feat',
    ])
      expect(readSegment(segment)).toEqual({ tags: [], detail: [], extra: segment === 'feat' ? 'feat' : null });
  });

  it('when a film segment is joined to a version, then the version still counts', () => {
    expect(readSegment('From "Frozen"/Karaoke Version').tags).toEqual(['karaoke']);
    expect(readSegment('Mono / 1997 Remastered').tags.sort()).toEqual(['mono', 'remaster']);
  });

  it('when a segment is ordinary words, then it is extra title text', () => {
    expect(readSegment('Pretty Young Thing')).toEqual({ tags: [], detail: [], extra: 'pretty young thing' });
    expect(readSegment('Part 2').extra).toBe('part 2');
  });
});

describe('album and credit markers', () => {
  it('when an album or artist is a karaoke, tribute, instrumentals or re-recorded release, then every track is that version', () => {
    expect(contextTags(['Karaoke Hits 2011'])).toEqual(['karaoke']);
    expect(contextTags(['The Karaoke Channel'])).toEqual(['karaoke']);
    expect(contextTags(['A Tribute to Aretha Franklin'])).toEqual(['cover']);
    expect(contextTags(['Mezzanine Instrumentals'])).toEqual(['instrumental']);
    expect(contextTags(['Greatest Hits (Re-Recorded Versions)'])).toEqual(['re-recorded']);
    expect(contextTags(['Nevermind', 'Nirvana'])).toEqual([]);
  });

  it('when an album was recorded on stage, then it is a live album', () => {
    expect(isLiveAlbum('Live at Leeds')).toBe(true);
    expect(isLiveAlbum('MTV Unplugged In New York')).toBe(true);
    expect(isLiveAlbum('Knebworth 1996 (Live)')).toBe(true);
    expect(isLiveAlbum('Live!')).toBe(true);
    expect(isLiveAlbum('Live 1975-85')).toBe(true);
    expect(isLiveAlbum('Live and Let Die')).toBe(false);
    expect(isLiveAlbum('Live Through This')).toBe(false);
    expect(isLiveAlbum('Nevermind')).toBe(false);
    expect(isLiveAlbum(null)).toBe(false);
  });

  it('when an album is a collection or a single, then it says so', () => {
    expect(isCompilationAlbum('The Essential Billy Joel')).toBe(true);
    expect(isCompilationAlbum('ABBA Gold: Greatest Hits')).toBe(true);
    expect(isCompilationAlbum("NOW That's What I Call Music! 80s")).toBe(true);
    expect(isCompilationAlbum('The Essentials')).toBe(true);
    expect(isCompilationAlbum('20th Century Masters: The Millennium Collection')).toBe(true);
    expect(isCompilationAlbum('An Innocent Man')).toBe(false);
    expect(isSingleRelease('Levitating - Single')).toBe(true);
    expect(isSingleRelease('Creep - EP')).toBe(true);
    expect(isSingleRelease('Future Nostalgia')).toBe(false);
  });

  it('when a version names its language, then the language is its detail, however it is written', () => {
    expect(readSegment('Español').detail).toEqual(['spanish']);
    expect(readSegment('Spanish Version').detail).toEqual(['spanish']);
    expect(readSegment('Versión en Español').detail).toEqual(['spanish']);
    expect(readSegment('English Version').detail).toEqual(['english']);
  });
});
