import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'express';
import type { SandboxCatalog } from './sandbox-catalog-types';
import { hash32 } from './sandbox-random';

/**
 * The clips the sandbox plays as previews: 30-second synthesised phrases in AAC/M4A, as Apple
 * serves them, made once by `scripts/make-sandbox-audio.sh` and committed. In the bundled
 * server they sit in `dist/sandbox-audio` (server/build.mjs copies them).
 */
const CLIP_DIRS = [path.join(__dirname, 'audio'), path.join(__dirname, 'sandbox-audio')];

let clips: Buffer[] | null = null;

/** The clips, read from disk once (about 120 kB each). */
export function sandboxClips(): Buffer[] {
  if (clips) return clips;
  const dir = CLIP_DIRS.find((d) => fs.existsSync(path.join(d, 'preview-1.m4a')));
  if (!dir) throw new Error(`The sandbox's preview clips are missing (looked in ${CLIP_DIRS.join(', ')}); run scripts/make-sandbox-audio.sh.`);
  const names = fs
    .readdirSync(dir)
    .filter((name) => /^preview-\d+\.m4a$/.test(name))
    .sort();
  clips = names.map((name) => fs.readFileSync(path.join(dir, name)));
  return clips;
}

/** The clip a song plays: the same song always gets the same one, neighbours usually differ. */
export function clipFor(songId: string): Buffer {
  const all = sandboxClips();
  return all[hash32(`preview:${songId}`) % all.length]!;
}

/**
 * `GET /apple/previews/:file` (`<song id>.m4a`): the song's clip as `audio/mp4` with its length,
 * or 404 for a song the catalog does not have.
 */
export function appleSongPreview(catalog: SandboxCatalog) {
  return (req: Request, res: Response): void => {
    const match = /^(\d{1,20})\.m4a$/.exec(String(req.params.file));
    const song = match ? catalog.apple.songById.get(match[1]!) : undefined;
    if (!song) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    const clip = clipFor(song.id);
    res.set({ 'Content-Type': 'audio/mp4', 'Content-Length': String(clip.length), 'Cache-Control': 'public, max-age=86400' });
    res.status(200).end(clip);
  };
}
