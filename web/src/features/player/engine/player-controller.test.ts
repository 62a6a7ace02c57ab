import { describe, expect, it } from 'vitest';
import type { PreviewTrack } from '../../../lib/preview-player';
import { PlayerController } from './player-controller';
import { nextPlayable } from './player-queue';
import { fakeSounds, readinessFrom } from './testing/fake-sound';

const track = (id: string | null, title = `Song ${id}`): PreviewTrack => ({ trackId: id, title, artist: 'Björk', album: 'Homogenic' });
const album = [track('1'), track('2'), track(null, 'Bonus (not in catalog)'), track('4'), track('5')];

/** Lets the controller's awaited readiness checks settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function player(none: Record<string, string> = {}) {
  const sounds = fakeSounds();
  const controller = new PlayerController({
    createSound: sounds.create,
    waitUntilReady: readinessFrom(none),
    src: (id) => `/api/tracks/${id}/preview`,
    tickMs: 0,
  });
  return { controller, sounds, state: () => controller.getState(), current: () => controller.current()?.trackId };
}

describe('nextPlayable', () => {
  it('when tracks have no id or are skipped, then they are passed over in either direction, and -1 past the ends', () => {
    expect(nextPlayable(album, 1, 1, new Set())).toBe(3);
    expect(nextPlayable(album, 3, -1, new Set())).toBe(1);
    expect(nextPlayable(album, 0, 1, new Set(['2', '4']))).toBe(4);
    expect(nextPlayable(album, 4, 1, new Set())).toBe(-1);
    expect(nextPlayable(album, 0, -1, new Set())).toBe(-1);
  });
});

describe('PlayerController', () => {
  it('when a track is played from an album, then its clip streams, the state says playing and it is announced', async () => {
    const { controller, sounds, state, current } = player();
    controller.toggle(album[1]!, album);
    expect(state().phase).toBe('loading');
    await settle();
    expect(current()).toBe('2');
    expect(sounds.latest().src).toBe('/api/tracks/2/preview');
    expect(state()).toMatchObject({ phase: 'playing', index: 1, duration: 30, announcement: 'Playing Song 2 by Björk.' });
  });

  it('when the same track is toggled, then it pauses and resumes the one sound; another track unloads the first (one sound at a time)', async () => {
    const { controller, sounds, state } = player();
    controller.toggle(album[0]!, album);
    await settle();
    controller.toggle(album[0]!, album);
    expect(state().phase).toBe('paused');
    controller.toggle(album[0]!, album);
    expect(state().phase).toBe('playing');
    expect(sounds.made).toHaveLength(1);
    controller.toggle(album[3]!, album);
    await settle();
    expect(sounds.made).toHaveLength(2);
    expect(sounds.made[0]!.unloaded).toBe(true);
    expect(sounds.made.filter((s) => s.playing)).toHaveLength(1);
  });

  it('when next and previous are pressed, then they go through the queue skipping tracks without a preview, and say so at the ends', async () => {
    const { controller, state, current } = player({ '4': 'No preview: this track is not available on the connected services.' });
    controller.toggle(album[1]!, album);
    await settle();
    controller.next();
    await settle();
    await settle();
    expect(current()).toBe('5');
    expect(state().skipped).toEqual(new Set(['4']));
    controller.next();
    expect(state().announcement).toBe('This is the last preview of the list.');
    controller.previous();
    await settle();
    expect(current()).toBe('2');
  });

  it('when previous is pressed a few seconds into a clip, then the clip starts again', async () => {
    const { controller, sounds, state, current } = player();
    controller.toggle(album[1]!, album);
    await settle();
    sounds.latest().seek(12);
    controller.tick();
    controller.previous();
    expect(current()).toBe('2');
    expect(state().position).toBe(0);
    expect(sounds.latest().at).toBe(0);
  });

  it('when a clip ends, then the next preview plays; when a clip fails, the queue goes on and the error is shown', async () => {
    const { controller, sounds, state, current } = player();
    controller.toggle(album[0]!, album);
    await settle();
    sounds.latest().events.onEnd();
    await settle();
    expect(current()).toBe('2');
    sounds.latest().events.onError('decode');
    await settle();
    expect(current()).toBe('4');
    expect(state().phase).toBe('playing');
    expect(state().skipped.has('2')).toBe(true);
    sounds.latest().events.onEnd();
    await settle();
    sounds.latest().events.onEnd();
    await settle();
    expect(state().phase).toBe('ended');
  });

  it('when the track pressed has no preview, then the player says why and plays the next one that has', async () => {
    const { controller, state, current } = player({ '1': 'No preview: this track is not available on the connected services.' });
    controller.toggle(album[0]!, album);
    await settle();
    await settle();
    expect(current()).toBe('2');
    expect(state().error).toBe('No preview of Song 1: this track is not available on the connected services.');
  });

  it('when seeking, changing the volume or muting, then the sound follows and positions stay inside the clip', async () => {
    const { controller, sounds, state } = player();
    controller.toggle(album[0]!, album);
    await settle();
    controller.seek(95);
    expect(sounds.latest().at).toBe(30);
    controller.seekBy(-40);
    expect(state().position).toBe(0);
    controller.setVolume(0.3);
    expect(sounds.latest().volumeLevel).toBe(0.3);
    controller.toggleMute();
    expect(sounds.latest().muted).toBe(true);
    expect(state().announcement).toBe('Muted.');
  });

  it('when another track is chosen while one is still loading, then the first never plays', async () => {
    let release: (value: { ready: true }) => void = () => undefined;
    const sounds = fakeSounds();
    const controller = new PlayerController({
      createSound: sounds.create,
      waitUntilReady: (id) => (id === '1' ? new Promise((resolve) => (release = resolve)) : Promise.resolve({ ready: true })),
      src: (id) => id,
      tickMs: 0,
    });
    controller.toggle(album[0]!, album);
    controller.toggle(album[1]!, album);
    await settle();
    release({ ready: true });
    await settle();
    expect(sounds.made.map((s) => s.src)).toEqual(['2']);
  });
});

describe('PlayerController following a shared player', () => {
  it('when it follows a playing track, then the clip starts at the shared position as of when it loaded, and only drift past half a second seeks', async () => {
    const { controller, sounds, state, current } = player();
    let at = 12;
    controller.follow(album[1]!, { playing: true, positionSeconds: () => at });
    at = 12.4; // time passed while the clip loaded
    await settle();
    expect(current()).toBe('2');
    expect(sounds.latest().at).toBe(12.4);
    expect(state().queue).toHaveLength(1);
    sounds.latest().at = 13;
    at = 13.3;
    controller.follow(album[1]!, { playing: true, positionSeconds: () => at });
    expect(sounds.latest().at).toBe(13);
    at = 20;
    controller.follow(album[1]!, { playing: true, positionSeconds: () => at });
    expect(sounds.latest().at).toBe(20);
    expect(sounds.made).toHaveLength(1);
  });

  it('when the shared player pauses, moves to another track, or has none, then the follower pauses, switches, or stops', async () => {
    const { controller, sounds, state, current } = player();
    controller.follow(album[0]!, { playing: true, positionSeconds: () => 3 });
    await settle();
    controller.follow(album[0]!, { playing: false, positionSeconds: () => 3 });
    expect(state().phase).toBe('paused');
    controller.follow(album[0]!, { playing: true, positionSeconds: () => 3 });
    expect(state().phase).toBe('playing');
    controller.follow(album[3]!, { playing: true, positionSeconds: () => 7 });
    await settle();
    expect(current()).toBe('4');
    expect(sounds.latest().at).toBe(7);
    controller.follow(null, { playing: false, positionSeconds: () => 0 });
    expect(state().index).toBe(-1);
  });
});
