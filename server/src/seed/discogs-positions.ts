/** A track's place on the release: disc, its 1-based number on that disc, and the label as printed. */
export interface TrackPlace {
  disc: number;
  position: number;
  positionLabel: string;
}

const MAX_DISC = 99;

// "1-3", "CD1-3", "2.5", "1-1.1", "CD2-Video": an explicit disc number before the separator.
const DISC_NUMBERED = /^(?:cd|dvd|bd|lp|disc|disk|d)?\s*(\d{1,3})\s*[-.:]\s*\S/i;
// "7", "12a", "CD7": a plain running number on a one-disc release.
const PLAIN_NUMBER = /^(?:cd|dvd|bd|lp|disc|disk)?\s*\d+[a-z]?$/i;
// "LP-A1", "MP3-1", "WAV-2", "DVD-1": a medium or file-format prefix without a disc number.
const MEDIUM_PREFIX = /^[a-z0-9]+\s*-\s*(?=\S)/i;
// "A", "B2", "AA1", "AB3", "b. 1", "A1a": vinyl or cassette sides (two letters only as AA…AZ).
const SIDE = /^([a-z]|a[a-z])(?:[\s.]*\d+[a-z]?)?$/i;

function letterIndex(letter: string): number {
  return letter.toUpperCase().charCodeAt(0) - 65;
}

/** Disc of a side: sides A/B are disc 1, C/D disc 2, and so on; "AA" (a double-A side) is disc 1. */
function discOfSide(side: string): number {
  const [first, second] = [...side.toUpperCase()];
  let index: number;
  if (second === undefined || second === first) index = letterIndex(first!);
  else index = 26 * (letterIndex(first!) + 1) + letterIndex(second);
  return Math.floor(index / 2) + 1;
}

/**
 * The disc a printed position belongs to, or null when the label says nothing about it.
 * Rules, in order: an explicit disc number ("1-3", "CD1-3", "2.5") → that disc; a plain number →
 * disc 1, also after a bare medium name ("CD7"); a medium prefix ("LP-A1", "MP3-1") is dropped and the rest read again; vinyl sides →
 * one disc per two sides (A/B → 1, C/D → 2, …; "AA" → 1, "AB" continues after Z).
 */
export function discOf(label: string): number | null {
  const text = label.trim();
  const numbered = DISC_NUMBERED.exec(text);
  if (numbered) return Math.min(Math.max(Number(numbered[1]), 1), MAX_DISC);
  if (PLAIN_NUMBER.test(text)) return 1;
  const prefixed = MEDIUM_PREFIX.exec(text);
  if (prefixed) return discOf(text.slice(prefixed[0].length)) ?? 1;
  const side = SIDE.exec(text);
  if (side) return Math.min(discOfSide(side[1]!), MAX_DISC);
  return null;
}

/**
 * Places printed positions in order: each gets its disc (a label that names none stays on the
 * previous track's disc) and the next free number on that disc, so (disc, position) is unique
 * even when labels repeat or skip.
 */
export function placeTracks(labels: string[]): TrackPlace[] {
  const next = new Map<number, number>();
  let disc = 1;
  return labels.map((raw) => {
    const positionLabel = raw.trim();
    disc = discOf(positionLabel) ?? disc;
    const position = (next.get(disc) ?? 0) + 1;
    next.set(disc, position);
    return { disc, position, positionLabel };
  });
}
