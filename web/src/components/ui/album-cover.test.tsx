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
    expect(screen.getByRole('img', { name: 'Cover of Low by David Bowie' })).toHaveAttribute('src', 'https://img.example/low.jpg');
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
