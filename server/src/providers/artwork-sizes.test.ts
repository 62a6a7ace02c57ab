import { appleArtworkUrl } from './apple/apple-mapping';
import { artworkAddress, artworkSources } from './artwork-sizes';
import { largestImage } from './spotify/spotify-mapping';

const image = (url: string, width: number | null) => ({ url, width, height: width });
const sourcesOf = (address: string) => Object.fromEntries(artworkSources(address).map(({ width, url }) => [width, url]));

describe('artwork sizes', () => {
  it('when Spotify lists its 640, 300 and 64 px images, then each stored width takes its own and the address itself loads the largest', () => {
    const address = largestImage([
      image('https://i.scdn.co/image/s300', 300),
      image('https://i.scdn.co/image/s640', 640),
      image('https://i.scdn.co/image/s64', 64),
    ])!;
    expect(address.split('#')[0]).toBe('https://i.scdn.co/image/s640');
    expect(sourcesOf(address)).toEqual({ 64: 'https://i.scdn.co/image/s64', 300: 'https://i.scdn.co/image/s300', 640: 'https://i.scdn.co/image/s640' });
    expect(artworkSources(address).map((s) => s.width)).toEqual([640, 300, 64]);
  });

  it('when Spotify lists other widths, then each stored width takes the closest image at or above it, else the largest', () => {
    const address = largestImage([image('https://img.test/a1000', 1000), image('https://img.test/a500', 500), image('https://img.test/a200', 200)])!;
    expect(sourcesOf(address)).toEqual({ 64: 'https://img.test/a200', 300: 'https://img.test/a500', 640: 'https://img.test/a1000' });

    const small = largestImage([image('https://img.test/b120', 120), image('https://img.test/b60', 60)])!;
    expect(sourcesOf(small)).toEqual({ 64: 'https://img.test/b120', 300: 'https://img.test/b120', 640: 'https://img.test/b120' });
    expect(small).toBe('https://img.test/b120');

    // A playlist mosaic comes without widths: its one image serves every width.
    expect(largestImage([image('https://mosaic.test/m', null)])).toBe('https://mosaic.test/m');
    expect(largestImage([])).toBeNull();
  });

  it('when Apple gives an artwork template, then each stored width is asked of it, never larger than the original', () => {
    const template = 'https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/source/{w}x{h}bb.{f}';
    const address = appleArtworkUrl({ url: template, width: 3000, height: 3000 })!;
    expect(address.split('#')[0]).toBe('https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/source/1000x1000bb.jpg');
    expect(sourcesOf(address)).toEqual({
      64: 'https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/source/64x64bb.jpg',
      300: 'https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/source/300x300bb.jpg',
      640: 'https://is1-ssl.mzstatic.com/image/thumb/Music/v4/ab/cd/source/640x640bb.jpg',
    });

    const small = appleArtworkUrl({ url: template, width: 500, height: 500 })!;
    expect(sourcesOf(small)).toMatchObject({ 300: expect.stringContaining('/300x300bb.jpg'), 640: expect.stringContaining('/500x500bb.jpg') });
    expect(appleArtworkUrl(null)).toBeNull();
  });

  it('when an address names no widths (a cover found before, another source), then its one image serves every width', () => {
    expect(sourcesOf('https://img.test/cover.png')).toEqual({
      64: 'https://img.test/cover.png',
      300: 'https://img.test/cover.png',
      640: 'https://img.test/cover.png',
    });
    // A width the address names only partly falls back to the address too.
    expect(sourcesOf(artworkAddress('https://img.test/big.png', new Map([[300, 'https://img.test/mid.png']])))).toEqual({
      64: 'https://img.test/big.png',
      300: 'https://img.test/mid.png',
      640: 'https://img.test/big.png',
    });
  });

  it('when an address already carries a fragment, then it is replaced, and the addresses round-trip whatever characters they hold', () => {
    const odd = 'https://img.test/a b/c?x=1&y=#z';
    const address = artworkAddress('https://img.test/big.png#old', new Map([[64, odd]]));
    expect(new URL(address).hash).not.toContain('old');
    expect(sourcesOf(address)[64]).toBe(odd);
  });
});
