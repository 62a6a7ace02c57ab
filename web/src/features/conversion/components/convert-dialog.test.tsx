import type { ConversionView } from '@muse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../lib/api-client';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { conversionView, spotifyOnly } from '../testing/conversion-fixtures';
import { ConvertDialog, type ConvertSourceChoice } from './convert-dialog';

const museChoice: ConvertSourceChoice = { source: { kind: 'muse', playlistId: 'pl-00000001' }, title: 'Night drive', provider: null };

function renderDialog(choice: ConvertSourceChoice, post: Parameters<typeof mockFetch>[0][string]) {
  setCsrfToken('t');
  const { requests } = mockFetch({ 'GET /api/connections': () => jsonResponse(spotifyOnly), 'POST /api/conversions': post });
  const onStarted = vi.fn<(view: ConversionView) => void>();
  renderWithProviders(<ConvertDialog open choice={choice} onClose={vi.fn()} onStarted={onStarted} />);
  const dialog = screen.getByRole('dialog', { name: 'Convert playlist' });
  return { requests, onStarted, dialog, posts: () => requests.filter((r) => r.method === 'POST') };
}

describe('Convert dialog', () => {
  it('when only Spotify is connected, then Apple Music cannot be chosen and says why, with the way to Settings; Muse is refused for a Muse playlist', async () => {
    const { dialog } = renderDialog(museChoice, () => jsonResponse(conversionView(), 202));

    const spotify = await within(dialog).findByRole('radio', { name: 'Spotify' });
    expect(spotify).toBeChecked();
    const apple = within(dialog).getByRole('radio', { name: 'Apple Music' });
    expect(apple).toBeDisabled();
    expect(apple).toHaveAccessibleDescription('Connect Apple Music first. Settings → Connected services');
    expect(within(dialog).getByRole('link', { name: 'Settings → Connected services' })).toHaveAttribute('href', '/settings#connections');
    expect(within(dialog).getByRole('radio', { name: 'Muse' })).toBeDisabled();
    expect(within(dialog).getByText('Night drive')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Name of the new playlist' })).toHaveValue('Night drive');
  });

  it('when the name is too long, then it says so at the field, focuses it and sends nothing', async () => {
    const { dialog, posts } = renderDialog(museChoice, () => jsonResponse(conversionView(), 202));
    await within(dialog).findByRole('radio', { name: 'Spotify' });
    const name = within(dialog).getByRole('textbox', { name: 'Name of the new playlist' });
    await userEvent.clear(name);
    await userEvent.click(name);
    await userEvent.paste('x'.repeat(201));

    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to Spotify' }));

    expect(within(dialog).getByText('Title must be at most 200 characters')).toBeInTheDocument();
    expect(name).toHaveFocus();
    expect(name).toBeInvalid();
    expect(posts()).toHaveLength(0);
  });

  it('when submitted, then it sends the source, target, mode and name with the CSRF header and hands over the started conversion', async () => {
    const started = conversionView({ id: 'conv-0000009', status: 'queued' });
    const { dialog, posts, onStarted } = renderDialog(museChoice, () => jsonResponse(started, 202));
    await within(dialog).findByRole('radio', { name: 'Spotify' });
    const name = within(dialog).getByRole('textbox', { name: 'Name of the new playlist' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Night drive (Spotify)');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to Spotify' }));

    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(started));
    expect(posts()[0]?.body).toEqual({ source: { kind: 'muse', playlistId: 'pl-00000001' }, target: 'spotify', mode: 'new', name: 'Night drive (Spotify)' });
    expect(posts()[0]?.headers['x-csrf-token']).toBe('t');
  });

  it('when sync is chosen, then no name is asked or sent', async () => {
    const { dialog, posts } = renderDialog(museChoice, () => jsonResponse(conversionView(), 202));
    await within(dialog).findByRole('radio', { name: 'Spotify' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'The playlist the last conversion made (sync)' }));
    expect(within(dialog).queryByRole('textbox', { name: 'Name of the new playlist' })).not.toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to Spotify' }));

    await waitFor(() => expect(posts()[0]?.body).toEqual({ source: { kind: 'muse', playlistId: 'pl-00000001' }, target: 'spotify', mode: 'sync' }));
  });

  it('when the server wants the service connected, then it says so plainly and links to Connected services', async () => {
    const { dialog, onStarted } = renderDialog(museChoice, () =>
      problemResponse(409, 'connection_required', 'Spotify needs reconnecting before Muse can write to it.'),
    );
    await within(dialog).findByRole('radio', { name: 'Spotify' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to Spotify' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Connect the service first');
    expect(alert).toHaveTextContent('Spotify needs reconnecting before Muse can write to it.');
    expect(within(alert).getByRole('link', { name: 'Go to Settings → Connected services' })).toHaveAttribute('href', '/settings#connections');
    expect(onStarted).not.toHaveBeenCalled();
  });

  it('when there is nothing to sync into, then it says so and suggests a new playlist', async () => {
    const { dialog } = renderDialog(museChoice, () => problemResponse(409, 'nothing_to_sync', 'This playlist has not been converted to Spotify before.'));
    await within(dialog).findByRole('radio', { name: 'Spotify' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'The playlist the last conversion made (sync)' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to Spotify' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Nothing to sync into');
    expect(alert).toHaveTextContent('This playlist has not been converted to Spotify before.');
    expect(alert).toHaveTextContent('choose “A new playlist”');
  });

  it('when a pasted link is refused, then the reason is shown', async () => {
    const choice: ConvertSourceChoice = { source: { kind: 'url', url: 'https://example.com/nope' }, title: null, provider: null };
    const { dialog } = renderDialog(choice, () =>
      problemResponse(400, 'validation_failed', 'The request is not valid.', [
        { path: 'source.url', message: 'That is not a Spotify or Apple Music playlist link' },
      ]),
    );
    expect(within(dialog).getByText('https://example.com/nope')).toBeInTheDocument();
    // A link's service is not known yet, so every connected service and Muse are offered.
    expect(await within(dialog).findByRole('radio', { name: 'Spotify' })).toBeEnabled();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Muse' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Convert to Muse' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That is not a Spotify or Apple Music playlist link');
  });
});
