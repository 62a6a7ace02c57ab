import { COVER_WIDTHS, type CoverWidth } from '@muse/shared';

/**
 * A service's artwork as one address that also names the service's image for each width Muse
 * stores (`COVER_WIDTHS`). The port, catalog enrichment and `albums.cover_url` carry a cover as
 * one string, while the artwork worker needs the service's own image at every width (Muse
 * resizes nothing). So the address is the largest image's, and its fragment names the image of
 * each width that has its own: `https://i.scdn.co/image/a…#w64=https%3A…&w300=https%3A…`.
 * A fragment never reaches the server asked, so the address still loads the largest image
 * anywhere, and an address without one (older rows, other sources) means that one image for
 * every width.
 */
export function artworkAddress(largest: string, byWidth: ReadonlyMap<CoverWidth, string>): string {
  const base = withoutFragment(largest);
  const named = new URLSearchParams();
  for (const width of COVER_WIDTHS) {
    const url = byWidth.get(width);
    if (url && url !== base) named.set(fragmentName(width), url);
  }
  const fragment = named.toString();
  return fragment ? `${base}#${fragment}` : base;
}

/** The image to fetch for each stored width, largest width first: the one the address names for it, else the address itself. */
export function artworkSources(address: string): { width: CoverWidth; url: string }[] {
  const base = withoutFragment(address);
  const named = new URLSearchParams(address.slice(base.length + 1));
  return [...COVER_WIDTHS].reverse().map((width) => ({ width, url: named.get(fragmentName(width)) || base }));
}

const fragmentName = (width: CoverWidth) => `w${width}`;

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
