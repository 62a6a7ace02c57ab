import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CoverMosaic } from './cover-mosaic';

const stored = (digit: string) => `/api/artwork/${digit.repeat(64)}.jpg`;

describe('CoverMosaic', () => {
  it('when four stored covers make a mosaic, then each tile offers the stored widths sized to half the mosaic', () => {
    const covers = ['a', 'b', 'c', 'd'].map(stored);
    const { container } = render(<CoverMosaic covers={covers} title="Road trip" size={200} />);
    const tiles = [...container.querySelectorAll('img')];
    expect(tiles.map((tile) => tile.getAttribute('src'))).toEqual(covers);
    for (const [index, tile] of tiles.entries()) {
      expect(tile).toHaveAttribute('srcset', `${covers[index]}?w=64 64w, ${covers[index]}?w=300 300w, ${covers[index]} 640w`);
      expect(tile).toHaveAttribute('sizes', '100px');
    }
  });

  it('when a fluid mosaic has one cover, then the cover sizes itself as a grid column', () => {
    const { container } = render(<CoverMosaic covers={[stored('e')]} title="Road trip" size={180} fluid />);
    expect(container.querySelector('img')).toHaveAttribute('sizes', '(max-width: 640px) 50vw, 180px');
  });
});
