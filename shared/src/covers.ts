/* Album covers Muse stores and serves itself: their widths and addresses. */

/**
 * The widths, in pixels, Muse stores every album cover at, smallest first: 64 for list thumbnails,
 * 300 for thumbnails on sharp screens and for cards, 640 for the album page and cards on sharp
 * screens. They are the widths Spotify publishes, so its images are kept as they come; Apple's
 * artwork is asked for at each. The largest is what a cover's address serves on its own.
 */
export const COVER_WIDTHS = [64, 300, 640] as const;
export type CoverWidth = (typeof COVER_WIDTHS)[number];
export const LARGEST_COVER_WIDTH: CoverWidth = 640;

/** The image types a stored cover may have, by the extension its key carries. */
export const ARTWORK_EXTENSIONS = ['png', 'jpg', 'webp', 'gif', 'avif'] as const;
export const ARTWORK_KEY_PATTERN = `[0-9a-f]{64}\\.(?:${ARTWORK_EXTENSIONS.join('|')})`;

const STORED_COVER = new RegExp(`^/api/artwork/${ARTWORK_KEY_PATTERN}$`);

/** Whether an address is a cover Muse stores and serves itself (`/api/artwork/<key>`), the only kind pages may show. */
export function isStoredCoverUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && STORED_COVER.test(url);
}

/** A stored cover's address at one of the stored widths. */
export function coverUrlAt(coverUrl: string, width: CoverWidth): string {
  return width === LARGEST_COVER_WIDTH ? coverUrl : `${coverUrl}?w=${width}`;
}

/** The `srcset` of a stored cover (each stored width with its `w` descriptor), or null for any other address. */
export function coverSrcSet(coverUrl: string | null | undefined): string | null {
  if (!isStoredCoverUrl(coverUrl)) return null;
  return COVER_WIDTHS.map((width) => `${coverUrlAt(coverUrl, width)} ${width}w`).join(', ');
}
