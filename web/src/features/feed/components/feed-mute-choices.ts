import type { ActivityView, FeedItem, MuteCreateInput } from '@muse/shared';
import { ACTIVITY_LABELS } from './feed-text';

/** At most this many of an item's artists are offered for muting, so the menu stays short. */
export const MAX_ARTIST_CHOICES = 3;

/** Something a feed item's menu offers to mute, with the words the menu and the notice use. */
export interface MuteChoice {
  mute: MuteCreateInput;
  /** The menu entry: "Mute Ana", "Hide ratings from my feed". */
  label: string;
  /** Said once it is muted: "Muted Ana.". */
  done: string;
  /** Said once the mute is undone: "Unmuted Ana.". */
  undone: string;
}

function distinctArtists(item: FeedItem): ActivityView['albumArtists'] {
  const seen = new Map<string, ActivityView['albumArtists'][number]>();
  for (const activity of item.activities) {
    for (const artist of activity.albumArtists) if (!seen.has(artist.id)) seen.set(artist.id, artist);
  }
  return [...seen.values()];
}

/**
 * What the menu of a feed item offers, in order: its actor, its kind of activity, then up to
 * `MAX_ARTIST_CHOICES` distinct artists credited on its albums. Users are muted by handle and
 * artists by id, as the mutes API takes them.
 */
export function muteChoices(item: FeedItem): MuteChoice[] {
  const name = item.actor.displayName;
  const kind = ACTIVITY_LABELS[item.type];
  const choices: MuteChoice[] = [
    { mute: { kind: 'user', target: item.actor.handle }, label: `Mute ${name}`, done: `Muted ${name}.`, undone: `Unmuted ${name}.` },
    {
      mute: { kind: 'activity_type', target: item.type },
      label: `Hide ${kind.toLowerCase()} from my feed`,
      done: `${kind} hidden from your feed.`,
      undone: `${kind} are back in your feed.`,
    },
  ];
  for (const artist of distinctArtists(item).slice(0, MAX_ARTIST_CHOICES)) {
    choices.push({
      mute: { kind: 'artist', target: artist.id },
      label: `Mute ${artist.name}`,
      done: `Muted ${artist.name}.`,
      undone: `Unmuted ${artist.name}.`,
    });
  }
  return choices;
}
