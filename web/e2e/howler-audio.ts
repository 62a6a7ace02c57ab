import type { Page } from 'playwright-core';

/** What a journey reads of the audio element howler plays a clip with (howler keeps it out of the DOM). */
export interface HowlerAudio {
  src: string;
  currentTime: number;
  paused: boolean;
  /** The page's clock when it was read, to compare readings of two pages taken a moment apart. */
  at: number;
}

/** The audio element playing now (howler may hold others, e.g. one it has unloaded), else the first one. */
export async function howlerAudio(page: Page): Promise<HowlerAudio | null> {
  return page.evaluate(() => {
    type Node = { src: string; currentTime: number; paused: boolean };
    const howler = (window as unknown as { Howler?: { _howls: Array<{ _sounds: Array<{ _node?: Node }> }> } }).Howler;
    const nodes = (howler?._howls.flatMap((howl) => howl._sounds.map((sound) => sound._node)) ?? []).filter((node): node is Node => node !== undefined);
    const node = nodes.find((n) => !n.paused) ?? nodes[0];
    return node ? { src: node.src, currentTime: node.currentTime, paused: node.paused, at: Date.now() } : null;
  });
}

/** Waits until the clip playing is the preview of `trackId` and has played past `seconds`; answers where it is then. */
export async function playingPast(page: Page, trackId: string, seconds: number): Promise<number> {
  await page.waitForFunction(
    ([id, past]) => {
      const howler = (
        window as unknown as { Howler?: { _howls: Array<{ _sounds: Array<{ _node?: { src: string; currentTime: number; paused: boolean } }> }> } }
      ).Howler;
      const nodes = howler?._howls.flatMap((howl) => howl._sounds.map((s) => s._node)) ?? [];
      // One sound at a time: exactly one element is playing, and it is this track's.
      const playing = nodes.filter((node) => node && !node.paused);
      return playing.length === 1 && playing[0]!.src.endsWith(`/api/tracks/${id}/preview`) && playing[0]!.currentTime > past;
    },
    [trackId, seconds] as const,
    { timeout: 30_000 },
  );
  return (await howlerAudio(page))!.currentTime;
}
