import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { ImportForm } from './import-form';

describe('ImportForm', () => {
  it('when choosing the source, then the Letterboxd-style hint names the Artist column and the "Artist - Title" alternative', () => {
    renderWithProviders(<ImportForm onStarted={vi.fn()} />);

    const letterboxd = screen.getByRole('radio', { name: /Letterboxd-style diary/ });
    expect(letterboxd).toHaveAccessibleName(/Date, Name, Artist, Year, Rating, Rewatch, Tags, Review/);
    expect(letterboxd).toHaveAccessibleName(/Name as "Artist - Title"/);
  });
});
