import { expect } from '@jest/globals';
import { sign } from 'node:crypto';
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { startMuse, type MuseServer } from './harness';

/** Steps the journeys through Spotify and Apple Music share: Muse with its provider sandbox, signing in, connecting, importing, the sandbox's knobs. */

/** A Muse server and the address of the provider sandbox it started. */
export interface MuseWithSandbox {
  server: MuseServer;
  sandboxUrl: string;
}

/** Spotify sends the browser back to a fixed loopback address, so Muse needs its port before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts Muse on a known free port and reads its provider sandbox's address from what it prints. */
export async function startMuseWithSandbox(): Promise<MuseWithSandbox> {
  const server = await startMuse({ PORT: String(await freePort()) });
  // The sandbox's address is printed on the line after Muse's own.
  const deadline = Date.now() + 10_000;
  const sandboxLine = () => /Provider sandbox \(offline Spotify and Apple Music\) at (\S+)/.exec(server.output());
  while (!sandboxLine() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const printed = sandboxLine();
  if (!printed) {
    await server.stop();
    throw new Error(`Muse did not print its provider sandbox's address.\n${server.output()}`);
  }
  return { server, sandboxUrl: printed[1]! };
}

/** Turns a sandbox knob (per service) on or off, as a test of the real services' slowness would need. */
export async function sandboxKnobs(sandboxUrl: string, knobs: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/knobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(knobs) });
  expect(res.status).toBe(200);
}

/** Signs up through "Sign in with Spotify" as the sandbox's demo listener, with the handle `demo_listener`, and waits for the home page. */
export async function signUpWithSpotify(page: Page, server: MuseServer): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: 'Sign in with Spotify' }).click();
  await page.getByRole('heading', { name: 'Sign in to Spotify (sandbox)' }).waitFor();
  await page.getByRole('button', { name: 'Continue as Demo Listener' }).click();
  await page.waitForURL((url) => url.pathname === '/signup/spotify');
  const handle = page.getByLabel('Handle');
  await expect(handle.inputValue()).resolves.toMatch(/^demo_listener/);
  await handle.fill('demo_listener');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL((url) => url.pathname === '/home');
}

/** Connects Apple Music from Settings → Connected services as the demo listener and waits until it shows as connected. */
export async function connectAppleMusic(page: Page, server: MuseServer): Promise<void> {
  await page.goto(`${server.url}/settings#connections`);
  const connections = page.getByRole('region', { name: 'Connected services' });
  await connections.getByText('Connected as Demo Listener').waitFor();
  await connections.locator('li', { hasText: 'Apple Music' }).getByRole('link', { name: 'Connect' }).click();
  await page.getByRole('heading', { name: 'Connect to Apple Music (sandbox)' }).waitFor();
  await page.getByRole('button', { name: 'Allow as Demo Listener' }).click();
  await page.waitForURL((url) => url.pathname === '/settings' && url.searchParams.get('connected') === 'apple');
  await connections.locator('li', { hasText: 'Apple Music' }).getByRole('button', { name: 'Disconnect' }).waitFor();
}

/** Starts importing one of the listener's Spotify playlists from the import page; the progress bar is showing when it returns. */
export async function startSpotifyImport(page: Page, server: MuseServer, playlist: string): Promise<void> {
  await page.goto(`${server.url}/playlists/import`);
  await page.getByRole('button', { name: 'Spotify', exact: true }).click();
  await page.getByRole('button', { name: `Import ${playlist}` }).click();
  await page.getByRole('progressbar', { name: 'Tracks imported' }).waitFor();
}

/** The Apple developer token Muse's adapter would sign, from the sandbox's demo credentials. */
async function appleDeveloperToken(sandboxUrl: string): Promise<string> {
  const res = await fetch(`${sandboxUrl}/_sandbox/credentials`);
  const { apple } = (await res.json()) as { apple: { teamId: string; keyId: string; privateKeyPem: string } };
  const now = Math.floor(Date.now() / 1000);
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signingInput = `${encode({ alg: 'ES256', kid: apple.keyId })}.${encode({ iss: apple.teamId, iat: now, exp: now + 3600 })}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: apple.privateKeyPem, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** The demo listener's Music-User-Token, as the sandbox's MusicKit page hands it out. */
async function appleUserToken(sandboxUrl: string): Promise<string> {
  const form = new URLSearchParams({ redirect_uri: 'http://127.0.0.1:4000/settings/apple', state: 's', user: 'demo-listener', decision: 'allow' });
  const res = await fetch(`${sandboxUrl}/apple-auth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  return new URL(res.headers.get('location')!).searchParams.get('music_user_token')!;
}

/** The catalog ids of the songs in one of the demo listener's Apple Music library playlists, in order, read straight from the sandbox. */
export async function appleLibraryPlaylistSongIds(sandboxUrl: string, playlistId: string): Promise<string[]> {
  const headers = { authorization: `Bearer ${await appleDeveloperToken(sandboxUrl)}`, 'music-user-token': await appleUserToken(sandboxUrl) };
  const ids: string[] = [];
  let next: string | undefined = `/v1/me/library/playlists/${encodeURIComponent(playlistId)}/tracks?limit=100`;
  while (next) {
    const res = await fetch(`${sandboxUrl}${next}`, { headers });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: { id: string; attributes: { playParams: { catalogId?: string } } }[]; next?: string };
    ids.push(...page.data.map((song) => song.attributes.playParams.catalogId ?? song.id));
    next = page.next;
  }
  return ids;
}
