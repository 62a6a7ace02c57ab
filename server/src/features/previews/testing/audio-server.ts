import { sandboxClips } from '../../../providers/sandbox/sandbox-audio';
import { startHostileHost, type HostileHost } from '../../../testing/hostile-host';

/** A loopback HTTP server standing in for a service's preview host, with the hostile answers previews must refuse. */
export interface AudioServer extends HostileHost {
  /** The M4A clip `/clip.m4a` serves. */
  clip: Buffer;
}

export const HUNDRED_MB = 100 * 1024 * 1024;

/**
 * Paths: `/clip.m4a` (a real AAC/M4A clip), `/clip.mp3` (an ID3-tagged MP3 start), `/page.html`
 * (text/html), `/fake.m4a` (HTML labelled audio/mp4), `/huge.m4a` (100 MB declared),
 * `/huge-stream.m4a` (100 MB without a length), `/flaky.m4a` (503 once, then the clip),
 * `/missing.m4a` (404), `/hang.m4a` (never answers).
 */
export async function startAudioServer(): Promise<AudioServer> {
  const clip = sandboxClips()[0]!;
  const mp3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(4000)]);
  const host = await startHostileHost({
    '/clip.m4a': (r) => r.send(200, 'audio/mp4', clip),
    '/clip.mp3': (r) => r.send(200, 'audio/mpeg', mp3),
    '/page.html': (r) => r.send(200, 'text/html; charset=utf-8', '<html><body>Preview not found</body></html>'),
    '/fake.m4a': (r) => r.send(200, 'audio/mp4', '<html><body>Sign in to listen to this preview</body></html>'),
    '/huge.m4a': (r) => r.stream({ 'Content-Type': 'audio/mp4', 'Content-Length': String(HUNDRED_MB) }, clip.subarray(0, 64), HUNDRED_MB),
    '/huge-stream.m4a': (r) => r.stream({ 'Content-Type': 'audio/mp4' }, clip.subarray(0, 64), HUNDRED_MB),
    '/flaky.m4a': (r) => (r.hit === 1 ? r.send(503, 'text/plain', 'try later') : r.send(200, 'audio/mp4', clip)),
    '/hang.m4a': (r) => r.hang(),
  });
  return { ...host, clip };
}
