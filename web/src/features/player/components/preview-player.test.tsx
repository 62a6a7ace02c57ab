import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreviewButton } from '../../../components/ui/preview-button';
import type { PreviewTrack } from '../../../lib/preview-player';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { fakeSounds, readinessFrom } from '../engine/testing/fake-sound';
import { PreviewPlayerProvider } from './preview-player-provider';

const queue: PreviewTrack[] = [
  { trackId: '1', title: 'Hunter', artist: 'Björk', album: 'Homogenic' },
  { trackId: '2', title: 'Jóga', artist: 'Björk', album: 'Homogenic' },
  { trackId: '3', title: 'Unravel', artist: 'Björk', album: 'Homogenic' },
  { trackId: null, title: 'Bootleg', artist: 'Björk', album: null },
];

function renderPlayer() {
  mockFetch({
    'GET /api/previews/status': () =>
      jsonResponse({
        previews: [
          { trackId: '1', state: 'ready', reason: null },
          { trackId: '2', state: 'pending', reason: null },
          { trackId: '3', state: 'none', reason: 'not_on_services' },
        ],
      }),
  });
  const sounds = fakeSounds();
  renderWithProviders(
    <PreviewPlayerProvider createSound={sounds.create} waitUntilReady={readinessFrom()}>
      <label>
        Note <input type="text" />
      </label>
      <ol>
        {queue.map((track) => (
          <li key={track.title}>
            {track.title} <PreviewButton track={track} queue={queue} />
          </li>
        ))}
      </ol>
    </PreviewPlayerProvider>,
  );
  return sounds;
}

afterEach(() => vi.restoreAllMocks());

describe('the preview player', () => {
  it('when there is no player (signed out), then rows show no play button and ask nothing', () => {
    const { requests } = mockFetch({});
    renderWithProviders(<PreviewButton track={queue[0]!} queue={queue} />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('when a row has no preview, then it says why instead of offering a button', async () => {
    renderPlayer();
    expect(await screen.findByText('Unravel: No preview: this track is not available on the connected services.')).toBeInTheDocument();
    expect(screen.getByText('Bootleg: No preview: this track is not in the Muse catalog, so Muse cannot find its clip.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /preview of Unravel/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Play the preview of Jóga' })).toBeInTheDocument();
  });

  it('when play is pressed, then the bar shows the track, the live region announces it, and space pauses it except while typing', async () => {
    const sounds = renderPlayer();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Play the preview of Hunter' }));
    const bar = await screen.findByRole('region', { name: 'Preview player' });
    expect(within(bar).getByText('Hunter')).toBeInTheDocument();
    expect(screen.getByTestId('player-announcer')).toHaveTextContent('Playing Hunter by Björk.');
    expect(screen.getByRole('button', { name: 'Pause the preview of Hunter' })).toBeInTheDocument();
    expect(within(bar).getByRole('slider', { name: 'Seek in the preview' })).toHaveAttribute('aria-valuetext', '0:00 of 0:30');

    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'a b');
    expect(sounds.latest().playing).toBe(true);

    (document.activeElement as HTMLElement).blur();
    await user.keyboard(' ');
    expect(sounds.latest().playing).toBe(false);
    expect(screen.getByTestId('player-announcer')).toHaveTextContent('Paused Hunter.');
    await user.keyboard(' ');
    expect(sounds.latest().playing).toBe(true);
  });

  it('when next is pressed, then the following previews play one at a time; mute and close act on the sound', async () => {
    const sounds = renderPlayer();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Play the preview of Hunter' }));
    await user.click(await screen.findByRole('button', { name: 'Next preview' }));
    await waitFor(() => expect(sounds.latest().src).toBe('/api/tracks/2/preview'));
    await user.click(screen.getByRole('button', { name: 'Next preview' }));
    await waitFor(() => expect(sounds.latest().src).toBe('/api/tracks/3/preview'));
    await user.click(screen.getByRole('button', { name: 'Mute' }));
    expect(sounds.latest().muted).toBe(true);
    expect(screen.getByRole('button', { name: 'Unmute' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Close the player' }));
    expect(screen.queryByRole('region', { name: 'Preview player' })).not.toBeInTheDocument();
    expect(sounds.latest().unloaded).toBe(true);
  });
});
