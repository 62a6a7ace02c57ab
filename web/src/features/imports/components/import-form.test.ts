import { describe, expect, it } from 'vitest';
import { guessSource } from './import-form';

describe('guessSource', () => {
  it('when the header is a Rate Your Music export, then it is recognised, even with a byte-order mark', () => {
    expect(guessSource('RYM Album, First Name,Last Name,Title\n"1","","Björk","Homogenic"')).toBe('rym');
    expect(guessSource('\uFEFFFirst Name,Last Name,Title,Rating\r\n')).toBe('rym');
  });

  it('when the header is a Letterboxd-style diary, or empty, then it is taken as Letterboxd-style', () => {
    expect(guessSource('Date,Name,Year,Rating,Rewatch,Tags,Review\n2024-01-05,Homogenic,1997,4.5,,,')).toBe('letterboxd');
    expect(guessSource('')).toBe('letterboxd');
  });

  it('when the file is named like a Letterboxd watchlist, then it goes to Listen later; the same columns under another name stay a diary', () => {
    const csv = 'Date,Name,Year,Letterboxd URI\n2024-01-05,Björk - Homogenic,1997,https://boxd.it/x';
    expect(guessSource(csv, 'watchlist.csv')).toBe('letterboxd-watchlist');
    expect(guessSource(csv, 'My Watchlist (2).CSV')).toBe('letterboxd-watchlist');
    expect(guessSource(csv, 'watched.csv')).toBe('letterboxd');
  });
});
