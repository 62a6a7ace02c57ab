import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlbumCover, coverInitials, generatedCoverStyle } from './album-cover';

describe('AlbumCover', () => {
  it('when the album has no cover art, then a generated cover is announced as "Cover of <title> by <artist>"', () => {
    render(<AlbumCover title="Low" artist="David Bowie" coverUrl={null} size={120} />);
    const cover = screen.getByRole('img', { name: 'Cover of Low by David Bowie' });
    expect(cover).toHaveTextContent('L');
    expect(cover).toHaveStyle({ width: '120px' });
  });

  it('when the album has cover art, then the image carries the same alt text', () => {
    render(<AlbumCover title="Low" artist="David Bowie" coverUrl="https://img.example/low.jpg" />);
    const cover = screen.getByRole('img', { name: 'Cover of Low by David Bowie' });
    expect(cover).toHaveAttribute('src', 'https://img.example/low.jpg');
    // Only Muse's stored covers come in several widths.
    expect(cover).not.toHaveAttribute('srcset');
    expect(cover).not.toHaveAttribute('sizes');
  });

  it('when the cover is a stored copy, then the image offers each stored width and sizes itself to its drawn width, so a thumbnail downloads a small image', () => {
    const stored = `/api/artwork/${'c'.repeat(64)}.jpg`;
    render(<AlbumCover title="Low" artist="David Bowie" coverUrl={stored} size={48} />);
    const thumbnail = screen.getByRole('img', { name: 'Cover of Low by David Bowie' });
    expect(thumbnail).toHaveAttribute('src', stored);
    expect(thumbnail).toHaveAttribute('srcset', `${stored}?w=64 64w, ${stored}?w=300 300w, ${stored} 640w`);
    expect(thumbnail).toHaveAttribute('sizes', '48px');
  });

  it('when a stored cover fills a grid column, then its sizes say so: half the screen on phones, about its size elsewhere', () => {
    const stored = `/api/artwork/${'d'.repeat(64)}.png`;
    render(<AlbumCover title="Low" artist="David Bowie" coverUrl={stored} size={200} fluid />);
    const card = screen.getByRole('img', { name: 'Cover of Low by David Bowie' });
    expect(card).toHaveAttribute('srcset', expect.stringContaining(`${stored}?w=300 300w`));
    expect(card).toHaveAttribute('sizes', '(max-width: 640px) 50vw, 200px');
  });

  it('when decorative, then it is hidden from assistive technology', () => {
    const { container } = render(<AlbumCover title="Low" artist="David Bowie" decorative />);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
  });

  it('when titles start with articles, punctuation or non-Latin letters, then the initials still make sense', () => {
    expect(coverInitials('The Rise and Fall of Ziggy Stardust')).toBe('RA');
    expect(coverInitials('“Heroes”')).toBe('H');
    expect(coverInitials('Ágætis byrjun')).toBe('ÁB');
    expect(coverInitials('新しい')).toBe('新');
    expect(coverInitials('...')).toBe('♪');
    expect(coverInitials('')).toBe('♪');
  });

  it('when the same album is drawn twice, then it gets the same colours; another album gets others', () => {
    expect(generatedCoverStyle('Low', 'David Bowie')).toEqual(generatedCoverStyle('Low', 'David Bowie'));
    expect(generatedCoverStyle('Low', 'David Bowie')).not.toEqual(generatedCoverStyle('Lodger', 'David Bowie'));
  });
});
