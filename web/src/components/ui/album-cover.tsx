import { useState, type CSSProperties } from 'react';
import { coverSrcSet } from '@muse/shared';

/** 32-bit FNV-1a: a stable number from text, so one album always gets the same colours. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Up to two letters from the title's first words, skipping leading articles and punctuation. */
export function coverInitials(title: string): string {
  const words = title
    .normalize('NFKC')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter(Boolean);
  const meaningful = words.length > 1 && /^(the|a|an)$/i.test(words[0] ?? '') ? words.slice(1) : words;
  const letters = meaningful.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '♪';
}

const PATTERNS = ['rings', 'stripes', 'glow', 'split'] as const;

/** Colours and pattern of the generated cover, derived from title and artist. */
export function generatedCoverStyle(title: string, artist: string): { style: CSSProperties; pattern: (typeof PATTERNS)[number] } {
  const hash = hashText(`${title}\u0000${artist}`);
  const hue = hash % 360;
  const hue2 = (hue + 35 + ((hash >>> 9) % 90)) % 360;
  const pattern = PATTERNS[(hash >>> 17) % PATTERNS.length] ?? 'glow';
  const style = { '--cover-h1': String(hue), '--cover-h2': String(hue2) } as CSSProperties;
  return { style, pattern };
}

/**
 * `srcSet` and `sizes` of a cover image: a cover Muse stores offers each width it keeps, so the
 * browser downloads the smallest one sharp enough for `sizes` on this screen (a 48 px thumbnail
 * never loads the album page's image). Any other address gets neither.
 */
export function coverImageSources(coverUrl: string, sizes: string): { srcSet?: string; sizes?: string } {
  const srcSet = coverSrcSet(coverUrl);
  return srcSet ? { srcSet, sizes } : {};
}

/** The `sizes` of a cover `size` px wide; a fluid one fills a grid column, about half a phone's screen. */
export function coverSizes(size: number, fluid: boolean): string {
  return fluid ? `(max-width: 640px) 50vw, ${size}px` : `${size}px`;
}

interface AlbumCoverProps {
  title: string;
  artist: string;
  coverUrl?: string | null;
  /** Rendered size in pixels; the cover is square. */
  size?: number;
  className?: string;
  /** Hides the cover from assistive technology when the title is read right next to it anyway. */
  decorative?: boolean;
  /** Fills its container's width (grids) instead of keeping `size`; `size` then only guides the lettering. */
  fluid?: boolean;
}

/**
 * An album cover: the real image when the catalog has one (falling back if it fails to load),
 * otherwise a generated one: a gradient from the title and artist with the title's initials.
 * Either way it is announced as "Cover of <title> by <artist>".
 */
export function AlbumCover({ title, artist, coverUrl, size = 160, className, decorative = false, fluid = false }: AlbumCoverProps) {
  const [failed, setFailed] = useState(false);
  const alt = `Cover of ${title} by ${artist}`;
  const classes = ['album-cover', fluid ? 'album-cover-fluid' : '', className ?? ''].filter(Boolean).join(' ');
  // Only the width is fixed: the height follows from the square aspect ratio, so a cover that
  // CSS shrinks on a narrow screen stays square.
  const width = fluid ? undefined : size;

  if (coverUrl && !failed) {
    return (
      <img
        className={classes}
        src={coverUrl}
        {...coverImageSources(coverUrl, coverSizes(size, fluid))}
        alt={decorative ? '' : alt}
        loading="lazy"
        decoding="async"
        width={size}
        height={size}
        style={width === undefined ? undefined : { width }}
        onError={() => setFailed(true)}
      />
    );
  }

  const { style, pattern } = generatedCoverStyle(title, artist);
  const initials = coverInitials(title);
  return (
    <div
      className={`${classes} album-cover-generated cover-pattern-${pattern}`}
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : alt}
      aria-hidden={decorative || undefined}
      style={{ ...style, width, fontSize: `${Math.max(12, Math.round(size * 0.3))}px` }}
    >
      <span className="album-cover-initials" aria-hidden="true">
        {initials}
      </span>
    </div>
  );
}
