import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestApp } from '../../testing/test-app';
import { makeAlbum } from '../../testing/factories';
import { PreviewRefusedError } from './audio-download';
import type { PreviewSources } from './preview-sources';
import { PreviewsRepo } from './previews.repo';
import { PreviewsService } from './previews.service';
import { HUNDRED_MB, startAudioServer, type AudioServer } from './testing/audio-server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-preview-fetch-'));
const app = useTestApp({ env: { DATA_DIR: dataDir } });
const knex = () => app.container.knex;
let audio: AudioServer;

beforeAll(async () => {
  audio = await startAudioServer();
});
afterAll(async () => {
  await audio.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A previews service with the test app's store, database and queues whose only source is `file` on the audio server. */
function serviceFetching(file: string) {
  const sources = { anyUsable: () => true, find: async () => ({ provider: 'apple' as const, url: `${audio.url}${file}`, foundId: null }) };
  return new PreviewsService({
    repo: new PreviewsRepo(knex()),
    blobs: app.container.services.blobs,
    queues: app.container.queues,
    sources: sources as unknown as PreviewSources,
    logger: app.container.logger,
    unavailableForMs: 60_000,
    download: { headersTimeoutMs: 300, totalTimeoutMs: 3000 },
  });
}

const previewRow = (trackId: string) => knex()('track_previews').where({ track_id: trackId }).first();

/** Every stored blob file (the spool folder's leftovers included), to prove nothing half-written stays. */
function storedFiles(): string[] {
  const root = path.join(dataDir, 'blobs');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
}

async function oneTrack(): Promise<string> {
  return (await makeAlbum(knex(), { tracks: ['Only Track'] })).trackIds[0]!;
}

describe('fetching a preview clip', () => {
  it('when the source sends a real M4A clip, then it is stored once and the track is ready', async () => {
    const trackId = await oneTrack();
    expect(await serviceFetching('/clip.m4a').storePreview(trackId, { lastAttempt: false })).toBe('stored');
    const row = await previewRow(trackId);
    expect(row).toMatchObject({ provider: 'apple', unavailable_until: null, source_url: `${audio.url}/clip.m4a` });
    expect(row.blob_key).toMatch(/^[0-9a-f]{64}\.m4a$/);
    const stored = await app.container.services.blobs.head(row.blob_key);
    expect(stored).toMatchObject({ size: audio.clip.length, contentType: 'audio/mp4' });
    expect(await serviceFetching('/clip.m4a').storePreview(trackId, { lastAttempt: false })).toBe('already_stored');
    expect(audio.hits('/clip.m4a')).toBe(1);
  });

  it('when the source sends an MP3, then it is stored as audio/mpeg', async () => {
    const trackId = await oneTrack();
    await serviceFetching('/clip.mp3').storePreview(trackId, { lastAttempt: false });
    expect((await previewRow(trackId)).blob_key).toMatch(/\.mp3$/);
  });

  it.each([
    ['/page.html', /not audio Muse keeps \(text\/html\)/],
    ['/fake.m4a', /bytes are not audio\/mp4/],
    ['/huge.m4a', /larger than 2097152 bytes/],
    ['/huge-stream.m4a', /larger than 2097152 bytes/],
    ['/missing.m4a', /answered 404/],
  ])('when the source answers %s, then the clip is refused, nothing is stored and the track has no preview for a while', async (file, message) => {
    const before = storedFiles();
    const trackId = await oneTrack();
    const attempt = serviceFetching(file).storePreview(trackId, { lastAttempt: false });
    await expect(attempt).rejects.toBeInstanceOf(PreviewRefusedError);
    await expect(attempt).rejects.toThrow(message);
    expect(storedFiles()).toEqual(before);
    const row = await previewRow(trackId);
    expect(row).toMatchObject({ blob_key: null, unavailable_reason: 'refused' });
    expect(new Date(row.unavailable_until).getTime()).toBeGreaterThan(Date.now());
    const status = await serviceFetching(file).statuses([trackId]);
    expect(status).toEqual([{ trackId, state: 'none', reason: 'refused' }]);
  });

  it('when a 100 MB body streams without a length, then reading stops soon after 2 MB', async () => {
    const trackId = await oneTrack();
    await expect(serviceFetching('/huge-stream.m4a').storePreview(trackId, { lastAttempt: false })).rejects.toBeInstanceOf(PreviewRefusedError);
    expect(audio.sent('/huge-stream.m4a')).toBeLessThan(HUNDRED_MB / 4);
  });

  it('when the source never answers or answers 503, then the error is one worth retrying and the track stays pending until the last attempt', async () => {
    const trackId = await oneTrack();
    const hang = serviceFetching('/hang.m4a').storePreview(trackId, { lastAttempt: false });
    await expect(hang).rejects.toThrow(/preview could not be fetched/);
    await expect(hang).rejects.not.toBeInstanceOf(PreviewRefusedError);
    expect(await previewRow(trackId)).toBeUndefined();
    expect(await serviceFetching('/hang.m4a').statuses([trackId])).toEqual([{ trackId, state: 'pending', reason: null }]);

    const flaky = serviceFetching('/flaky.m4a').storePreview(trackId, { lastAttempt: true });
    await expect(flaky).rejects.toThrow(/answered 503/);
    expect(await previewRow(trackId)).toMatchObject({ blob_key: null, unavailable_reason: 'fetch_failed', generation: 1 });
  });

  it('when the track is gone, then nothing is fetched', async () => {
    expect(await serviceFetching('/clip.m4a').storePreview('999999999999', { lastAttempt: false })).toBe('track_gone');
  });
});
