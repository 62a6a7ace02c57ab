import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render';
import { loadMusicKit, trustedCallback, type MusicKitGlobal } from '../api/musickit';
import { AppleMusicConnect } from './apple-music-connect';

const origin = window.location.origin;
const callback = `${origin}/api/connections/apple/callback`;

function musicKit(authorize: () => Promise<string>) {
  const configure = vi.fn(() => Promise.resolve({ authorize }));
  return { configure, load: () => Promise.resolve({ configure } as MusicKitGlobal) };
}

describe('trustedCallback', () => {
  it("accepts only this origin's Apple callback, so a Music-User-Token can never be sent elsewhere", () => {
    expect(trustedCallback(callback, origin)?.toString()).toBe(callback);
    expect(trustedCallback('/api/connections/apple/callback', origin)?.toString()).toBe(callback);
    expect(trustedCallback('https://evil.example/api/connections/apple/callback', origin)).toBeNull();
    expect(trustedCallback('//evil.example/api/connections/apple/callback', origin)).toBeNull();
    expect(trustedCallback(`${origin}/api/other`, origin)).toBeNull();
    expect(trustedCallback(`${callback}?music_user_token=planted`, origin)).toBeNull();
    expect(trustedCallback('javascript:alert(1)', origin)).toBeNull();
    expect(trustedCallback(null, origin)).toBeNull();
  });
});

describe('AppleMusicConnect', () => {
  it('configures MusicKit with the developer token and sends the Music-User-Token to the callback with the state', async () => {
    mockFetch({ 'GET /api/connections/apple/developer-token': () => jsonResponse({ developerToken: 'dev.jwt.token', storefront: 'gb' }) });
    const kit = musicKit(() => Promise.resolve('music-user-token'));
    const go = vi.fn();
    renderWithProviders(<AppleMusicConnect redirectUri={callback} state="st4te" go={go} load={kit.load} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue with Apple Music' }));
    await waitFor(() => expect(go).toHaveBeenCalledTimes(1));
    expect(kit.configure).toHaveBeenCalledWith({ developerToken: 'dev.jwt.token', app: { name: 'Muse', build: '1' }, storefrontId: 'gb' });
    const sent = new URL(go.mock.calls[0]![0] as string);
    expect(sent.origin + sent.pathname).toBe(callback);
    expect(Object.fromEntries(sent.searchParams)).toEqual({ music_user_token: 'music-user-token', state: 'st4te' });
  });

  it('shows what went wrong when the person closes Apple’s window, and lets them try again or cancel', async () => {
    mockFetch({ 'GET /api/connections/apple/developer-token': () => jsonResponse({ developerToken: 'd', storefront: 'us' }) });
    const kit = musicKit(() => Promise.reject(new Error('The authorization window was closed.')));
    const go = vi.fn();
    renderWithProviders(<AppleMusicConnect redirectUri={callback} state="s" go={go} load={kit.load} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Continue with Apple Music' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The authorization window was closed.');
    expect(go).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Continue with Apple Music' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(Object.fromEntries(new URL(go.mock.calls[0]![0] as string).searchParams)).toEqual({ error: 'access_denied', state: 's' });
  });

  it('says so when the server has no Apple Music set up', async () => {
    mockFetch({
      'GET /api/connections/apple/developer-token': () => problemResponse(404, 'provider_not_configured', 'Apple Music is not configured on this server.'),
    });
    const go = vi.fn();
    renderWithProviders(<AppleMusicConnect redirectUri={callback} state="s" go={go} load={musicKit(() => Promise.resolve('t')).load} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue with Apple Music' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not configured');
    expect(go).not.toHaveBeenCalled();
  });

  it('refuses a request whose callback is foreign or whose state is missing, offering no button', () => {
    renderWithProviders(<AppleMusicConnect redirectUri="https://evil.example/api/connections/apple/callback" state="s" />);
    expect(screen.getByRole('alert')).toHaveTextContent('not a valid Apple Music connection request');
    expect(screen.queryByRole('button', { name: 'Continue with Apple Music' })).toBeNull();
  });
});

describe('loadMusicKit', () => {
  it('adds Apple’s script once and resolves when MusicKit announces itself', async () => {
    const pending = loadMusicKit(document, 5_000);
    const script = document.head.querySelector<HTMLScriptElement>('script[src="https://js-cdn.music.apple.com/musickit/v3/musickit.js"]');
    expect(script).not.toBeNull();
    const global = { configure: vi.fn() } as unknown as MusicKitGlobal;
    window.MusicKit = global;
    document.dispatchEvent(new Event('musickitloaded'));
    await expect(pending).resolves.toBe(global);
    await expect(loadMusicKit(document)).resolves.toBe(global);
    delete window.MusicKit;
    script!.remove();
  });
});
