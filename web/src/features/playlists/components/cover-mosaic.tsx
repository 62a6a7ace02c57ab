import { AlbumCover, coverImageSources, coverSizes } from '../../../components/ui/album-cover';

/**
 * A playlist's picture from the covers of its first entries: one cover when there are fewer
 * than four, a 2×2 mosaic with four, a generated cover when there are none. Decorative: the
 * title is always read beside it.
 */
export function CoverMosaic({ covers, title, size = 160, fluid = false }: { covers: string[]; title: string; size?: number; fluid?: boolean }) {
  const className = `cover-mosaic${fluid ? ' cover-mosaic-fluid' : ''}`;
  const style = fluid ? undefined : { width: size, height: size };
  if (covers.length >= 4) {
    // Each tile is a quarter of the mosaic: half its width.
    const tileSizes = fluid ? `(max-width: 640px) 25vw, ${size / 2}px` : coverSizes(size / 2, false);
    return (
      <span className={`${className} cover-mosaic-grid`} style={style} aria-hidden="true">
        {covers.slice(0, 4).map((url, index) => (
          <img key={`${index}-${url}`} src={url} {...coverImageSources(url, tileSizes)} alt="" loading="lazy" decoding="async" />
        ))}
      </span>
    );
  }
  return (
    <span className={className} style={style} aria-hidden="true">
      <AlbumCover title={title} artist="Muse playlist" coverUrl={covers[0] ?? null} size={size} decorative fluid />
    </span>
  );
}
