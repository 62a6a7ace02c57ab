import { ADJUSTMENTS, DURATION, TEXT_WEIGHTS } from './match-thresholds';
import { abjadSkeleton, foreignSounds, hasAbjad, isKatakana, katakanaSkeleton, latinSkeletons } from './consonant-skeleton';
import { comparableScripts, romanisations, sameActWithEnsemble, scriptOf, scriptRuns } from './normalise-text';
import { sameNumbers, spellingSimilarity, textSimilarity } from './text-similarity';
import type { TrackProfile } from './track-profile';
import { GATE_TAGS, type GateTag, type PenaltyTag, isGate } from './version-tags';

/** How one candidate compares with the source, with the reasons in plain words. */
export interface CandidateScore {
  confidence: number;
  /** Confidence before clamping to 0..1, so two perfect candidates can still be ordered. */
  rank: number;
  /** Title and artist agreement alone, 0..1. */
  text: number;
  title: number;
  artist: number;
  /** Set when a version gate disagrees ("a live version"): such a candidate is never accepted. */
  gateFailure: string | null;
  /** Penalty tags on one side only (remaster, radio edit, ...). */
  penaltyMismatches: number;
  reasons: string[];
}

/** How a version is named in reasons: "a live version", "not the live version". */
const GATE_WORDS: Record<GateTag, string> = {
  live: 'live',
  remix: 'remix',
  'new-mix': 'newly mixed',
  acoustic: 'acoustic',
  instrumental: 'instrumental',
  karaoke: 'karaoke',
  cover: 'cover',
  're-recorded': 're-recorded',
  demo: 'demo',
  'sped-up': 'sped-up',
  slowed: 'slowed',
  extended: 'extended',
  alternate: 'alternative',
  language: 'foreign-language',
};
const PENALTY_WORDS: Record<PenaltyTag, string> = {
  remaster: 'remastered',
  mono: 'mono',
  stereo: 'stereo',
  'radio-edit': 'radio edit',
  'single-version': 'single version',
  edit: 'edit',
  clean: 'clean',
  explicit: 'explicit',
};

const KANA_RE = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN_RE = /\p{Script=Han}/u;
/** Scripts whose readings here are letter by letter, while names and titles are often spelt otherwise or translated. */
const LOOSELY_READ_RE = /[\p{Script=Hangul}\p{Script=Devanagari}]/u;
/** Fewer consonants than this in an Arabic or Hebrew title or name are too few to tell it by. */
const MIN_SKELETON = 3;
/** Katakana skeletons shorter than this ("ロック" → "rk") are too common to tell a name by. */
const MIN_KANA_SKELETON = 3;

/** The pair ordered as [the text `isOther` holds, the Latin one]; nulls when the texts are not such a pair. */
function withLatin(a: string, b: string, isOther: (text: string) => boolean): [string, string] | [null, null] {
  return isOther(a) && scriptOf(b) === 'latin' ? [a, b] : isOther(b) && scriptOf(a) === 'latin' ? [b, a] : [null, null];
}

/**
 * An Arabic or Hebrew text against a Latin one by their consonants ("كيفك إنت" / "Kifak Inta"); a
 * skeleton of a few consonants must be equal, a longer one close. Null when not close (vowels and
 * spellings vary too much for a difference to mean anything) or there is nothing to compare.
 */
function skeletonSimilarity(a: string, b: string): number | null {
  const [abjad, latin] = withLatin(a, b, hasAbjad);
  const skeleton = abjad === null ? null : abjadSkeleton(abjad);
  if (latin === null || skeleton === null || skeleton.length < MIN_SKELETON || skeleton.includes('?')) return null;
  const best = Math.max(
    ...latinSkeletons(latin).map((l) => (l === skeleton ? 1 : Math.min(l.length, skeleton.length) > 4 ? spellingSimilarity(l, skeleton) : 0)),
  );
  return best >= TEXT_WEIGHTS.romanisedFloor ? best : null;
}

/**
 * A foreign word or name in katakana against its Latin spelling ("スピッツ" / "Spitz"), given the
 * katakana side's Hepburn readings: equal consonant skeletons of enough consonants count as just
 * alike enough, less than a reading that agrees letter for letter; 0 otherwise.
 */
function katakanaSimilarity(a: string, b: string, readingsOf: (text: string) => string[]): number {
  const [kana, latin] = withLatin(a, b, isKatakana);
  if (kana === null) return 0;
  const skeleton = katakanaSkeleton(readingsOf(kana)[0] ?? '');
  return skeleton.length >= MIN_KANA_SKELETON && latinSkeletons(foreignSounds(latin), true).includes(skeleton) ? TEXT_WEIGHTS.skeletonAlike : 0;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
const clamp = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Two texts in different scripts compared through a romanisation of the Cyrillic, Greek, kana,
 * hangul or Devanagari one ("Кукла колдуна" / "Kukla Kolduna"), or by consonants for Arabic, Hebrew
 * and katakana spelling a foreign word; a little short of equal since romanisations vary; null
 * (unknown) when there is none to make, or it is not close.
 */
function romanisedSimilarity(a: string, b: string, part: 'title' | 'name'): number | null {
  const skeletal = skeletonSimilarity(a, b);
  if (skeletal !== null) return skeletal * TEXT_WEIGHTS.romanised;
  const ra = romanisations(a);
  const rb = romanisations(b);
  // Each side as written against the other's romanisation where their scripts meet, and both romanised.
  const pairs = [
    ...rb.filter((y) => comparableScripts(a, y)).map((y) => [a, y] as const),
    ...ra.filter((x) => comparableScripts(x, b)).map((x) => [x, b] as const),
    ...ra.flatMap((x) => rb.map((y) => [x, y] as const)),
  ];
  if (!pairs.length) return null;
  const best = Math.max(
    ...pairs.map(([x, y]) => spellingSimilarity(x, y)),
    katakanaSimilarity(a, b, (kana) => (kana === a ? ra : rb)),
  );
  // A kana title that does not come close proves nothing: loanwords are written as they sound
  // ("マリーゴールド" reads "marigorudo", not "marigold"), so the title stays unknown, not different.
  if (part === 'title' && best < TEXT_WEIGHTS.romanisedFloor && KANA_RE.test(a + b)) return null;
  // Nor does one whose Han characters have no romanisation here ("竹内まりや" reads "竹内mariya"), title
  // or name, nor hangul or Devanagari, whose names keep spellings of their own ("아이유" / "IU") and
  // titles are translated ("사건의 지평선" / "Event Horizon").
  if (best < TEXT_WEIGHTS.romanisedFloor && (HAN_RE.test(a + b) || LOOSELY_READ_RE.test(a + b))) return null;
  return best * TEXT_WEIGHTS.romanised;
}

/** Title similarity: the core titles, with unexplained additions compared too and a small cost when they differ. */
function titleSimilarity(source: TrackProfile, candidate: TrackProfile): number | null {
  // A title given in two scripts on one side, in brackets ("Gangnam Style (강남스타일)") or not
  // ("밤편지 Through the Night"), matches the other side's either way; so does a title written after
  // its artist ("Guns N' Roses - Sweet Child O' Mine"). Another title in the same script is not
  // an alias: "Eyes Like Yours (Ojos Así)" is the English recording of "Ojos Así".
  const artistFirst = (side: TrackProfile) =>
    [...side.names, side.names.join(' and ')].some((name) => textSimilarity(name, side.core) >= ADJUSTMENTS.isrcStandInFloor);
  const aliasesOf = (side: TrackProfile, other: TrackProfile) =>
    [
      ...(side.extras.length && artistFirst(side) ? side.extras : side.extras.filter((e) => scriptOf(e) !== scriptOf(side.core))),
      ...(scriptOf(other.core) === 'mixed' ? [] : scriptRuns(side.core)),
    ]
      .filter((e) => comparableScripts(e, other.core))
      .map((e) => textSimilarity(e, other.core));
  const alias = Math.max(0, ...aliasesOf(source, candidate), ...aliasesOf(candidate, source));
  const viaAlias = alias >= 0.95 ? alias - TEXT_WEIGHTS.extraTextPenalty : null;
  if (!comparableScripts(source.core, candidate.core)) {
    // Compared through a romanisation, an addition on either side costs as it does in one script.
    const extraCost = source.extras.length || candidate.extras.length ? TEXT_WEIGHTS.extraTextPenalty : 0;
    const romanised = romanisedSimilarity(source.core, candidate.core, 'title');
    const known = [viaAlias, romanised === null ? null : romanised - extraCost].filter((x): x is number => x !== null && x >= 0);
    return known.length ? Math.max(...known) : null;
  }
  const core = textSimilarity(source.core, candidate.core);
  const main = textSimilarity(source.main, candidate.main);
  const extraDiffersInNumbers = !sameNumbers(source.main, candidate.main);
  // Without additions on either side the core is the whole title.
  const best =
    !source.extras.length && !candidate.extras.length
      ? Math.max(core, viaAlias ?? 0)
      : Math.max(main, core - TEXT_WEIGHTS.extraTextPenalty * (extraDiffersInNumbers ? 2.5 : 1), viaAlias ?? 0);
  // A title partly in another script whose other part is found in the other title ("真夜中のドア〜stay
  // with me" / "Mayonaka no Door / Stay With Me") is unknown, not different, as one wholly in it is.
  if (best < TEXT_WEIGHTS.romanisedFloor && (partlyElsewhere(source.core, candidate.core) || partlyElsewhere(candidate.core, source.core))) return null;
  return best;
}

/** Whether `mixed` is in two scripts, every run of it in `other`'s script is in `other`, and some run is in a script `other` is not. */
function partlyElsewhere(mixed: string, other: string): boolean {
  if (scriptOf(mixed) !== 'mixed' || scriptOf(other) === 'mixed') return false;
  const runs = scriptRuns(mixed);
  const shared = runs.filter((run) => scriptOf(run) !== 'none' && comparableScripts(run, other));
  return shared.length > 0 && shared.length < runs.length && shared.every((run) => ` ${other} `.includes(` ${run} `));
}

/** Best similarity of one name to any of the others, nothing below the floor; a name credited in the other title ("Eric Prydz Remix") counts in full. */
function bestName(name: string, others: string[], otherTitle: string): number {
  if (` ${otherTitle} `.includes(` ${name} `)) return 1;
  // A name given in two scripts ("소녀시대 (GIRLS' GENERATION)") is either of them.
  const spellings = (n: string) => [n, ...scriptRuns(n)];
  let best = 0;
  for (const one of spellings(name)) {
    for (const other of others.flatMap(spellings)) {
      best = Math.max(best, comparableScripts(one, other) ? textSimilarity(one, other) : (romanisedSimilarity(one, other, 'name') ?? 0));
      // A name mixing scripts in one word ("МакSим" / "MakSim") compares through its romanisation too.
      if (scriptOf(one) === 'mixed' || scriptOf(other) === 'mixed') best = Math.max(best, romanisedSimilarity(one, other, 'name') ?? 0);
      if (sameActWithEnsemble(one, other)) best = Math.max(best, TEXT_WEIGHTS.ensembleName);
    }
  }
  return best >= TEXT_WEIGHTS.similarityFloor ? best : 0;
}

/**
 * Artist similarity: the first-credited artist found on the other side, then how much of each
 * credit the other covers (`score`, null when it cannot be compared), and the first alone (`lead`).
 */
function artistSimilarity(source: TrackProfile, candidate: TrackProfile): { score: number | null; lead: number } {
  const s = source.names;
  const c = candidate.names;
  if (!s.length || !c.length) return { score: s.length === c.length ? 1 : null, lead: 0 };
  const comparableCredits = comparableScripts(s.join(' '), c.join(' '));
  const romanised = comparableCredits ? null : romanisedSimilarity(s.join(' '), c.join(' '), 'name');
  const primary = Math.max(bestName(s[0]!, c, ''), bestName(c[0]!, s, ''));
  // A credit in another script that does not read as the other whole may still hold its first
  // name ("Mithoon, Arijit Singh" / "अरिजीत सिंह"); with no first name found it is unknown.
  if (!comparableCredits && romanised === null && primary === 0) return { score: null, lead: 0 };
  const mean = (names: string[], others: string[], otherTitle: string) => names.reduce((sum, n) => sum + bestName(n, others, otherTitle), 0) / names.length;
  const byName =
    TEXT_WEIGHTS.artistPrimary * primary +
    TEXT_WEIGHTS.artistSourceCoverage * mean(s, c, candidate.full) +
    TEXT_WEIGHTS.artistCandidateCoverage * mean(c, s, source.full);
  // The credit read as a whole, for names split differently ("Earth, Wind & Fire" / "Earth Wind and Fire").
  return { score: Math.max(byName, romanised ?? textSimilarity(s.join(' '), c.join(' '))), lead: primary };
}

/** Overlap of two lists of detail words over the shorter one: "wembley" agrees with "wembley stadium london". */
export function detailsAgree(a: string[], b: string[]): boolean {
  const set = new Set(b);
  const common = new Set(a.filter((w) => set.has(w))).size;
  return common / Math.min(new Set(a).size, set.size) >= 0.5;
}

/** Duration tolerance: wide when title and artist agree fully, tight when they barely do. */
export function durationToleranceMs(text: number): number {
  const t = clamp((text - DURATION.toleranceTextFloor) / (1 - DURATION.toleranceTextFloor));
  return DURATION.minToleranceMs + (DURATION.maxToleranceMs - DURATION.minToleranceMs) * t;
}

/** Two album titles alike enough to be one release (both known). */
function alike(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && textSimilarity(a, b) >= ADJUSTMENTS.albumSimilarity;
}

/** Whether the shorter text is the longer one's first words, two or more of them. */
function leadingWords(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.split(' ').length >= 2 && long.startsWith(`${short} `);
}

/** Whether one side's title names a guest the other credits nowhere: not alike, nor within a longer name ("Hayley Williams of Paramore"). */
function guestMissing(side: TrackProfile, other: TrackProfile): boolean {
  const within = (a: string, b: string) => ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
  return side.featured.some((name) => bestName(name, other.names, other.full) < ADJUSTMENTS.isrcStandInFloor && !other.names.some((o) => within(name, o)));
}

/**
 * A live album named for its venue without saying "live" ("Cheap Trick at Budokan"): the side on
 * it is the take the other side's "Live at Nippon Budokan" names, when every word of the venue is
 * among the live version's details.
 */
function venueAlbum(side: TrackProfile, liveDetails: string[]): boolean {
  const venue = side.albumFull ? / (?:at|in) (.+)$/.exec(side.albumFull)?.[1] : undefined;
  const words = venue?.split(' ').filter((w) => w.length > 1 && w !== 'the');
  return Boolean(words?.length) && words!.every((w) => liveDetails.includes(w));
}

/** Gate and penalty tags compared: a failure message, small costs and reasons. */
function compareTags(source: TrackProfile, candidate: TrackProfile, reasons: string[]) {
  let gateFailure: string | null = null;
  let cap = 1;
  let cost = 0;
  let detailMissing = false;
  let penaltyMismatches = 0;
  for (const tag of GATE_TAGS) {
    const s = source.tags.get(tag);
    const c = candidate.tags.get(tag);
    if (!s && !c) continue;
    if (!s || !c) {
      if (tag === 'live' && (c ? venueAlbum(source, c) : venueAlbum(candidate, s!))) continue;
      gateFailure ??= c ? `${article(GATE_WORDS[tag])} ${GATE_WORDS[tag]} version` : `not the ${GATE_WORDS[tag]} version`;
      cap = Math.min(cap, 1);
      continue;
    }
    if (s.length && c.length && !detailsAgree(s, c)) {
      cap = Math.min(cap, ADJUSTMENTS.gateDetailCap);
      reasons.push(`a different ${GATE_WORDS[tag]} version`);
    } else if (s.length !== c.length && (!s.length || !c.length)) {
      detailMissing = true;
    }
  }
  if (detailMissing) cost += ADJUSTMENTS.gateDetailMissing;
  for (const tag of [...new Set([...source.tags.keys(), ...candidate.tags.keys()])]) {
    if (isGate(tag) || source.tags.has(tag) === candidate.tags.has(tag)) continue;
    penaltyMismatches++;
    cost += ADJUSTMENTS.penaltyTag;
    reasons.push(candidate.tags.has(tag) ? PENALTY_WORDS[tag] : `not ${PENALTY_WORDS[tag]}`);
  }
  if (gateFailure) reasons.push(gateFailure);
  return { gateFailure, cap: gateFailure ? ADJUSTMENTS.gateFailCap : cap, cost, penaltyMismatches };
}

/**
 * Scores a candidate against the source: text agreement (weighted geometric mean of title and
 * artist similarity), then version gates, penalty tags, duration within a tolerance that tightens
 * as text agreement falls, explicit flags, album and ISRC agreement. Confidence is in 0..1.
 */
export function scoreCandidate(source: TrackProfile, candidate: TrackProfile, via: 'isrc' | 'search'): CandidateScore {
  // Umlauts written out on one side ("Maenner" / "Männer") are compared written out on the other too.
  const pairs: [TrackProfile, TrackProfile][] = [[source, candidate]];
  if (source.umlautsWrittenOut) pairs.push([source.umlautsWrittenOut, candidate]);
  if (candidate.umlautsWrittenOut) pairs.push([source, candidate.umlautsWrittenOut]);
  return pairs.map(([s, c]) => scoreSpelling(s, c, via)).reduce((best, next) => (next.rank > best.rank ? next : best));
}

function scoreSpelling(source: TrackProfile, candidate: TrackProfile, via: 'isrc' | 'search'): CandidateScore {
  const reasons: string[] = [];
  const comparedTitle = titleSimilarity(source, candidate);
  const credit = artistSimilarity(source, candidate);
  // Text in another script is unknown, not different: a matching ISRC may stand in for it when
  // the durations confirm it and the part that can be compared agrees ("Spring Day" / "봄날" by BTS).
  const durationsAgree =
    source.durationMs !== null && candidate.durationMs !== null && Math.abs(source.durationMs - candidate.durationMs) <= DURATION.sameRecordingMs;
  const isrcConfirmed = via === 'isrc' && durationsAgree;
  // Romanisations vary ("Тает лёд" is "Tayet Lyod" on one service, "Taet Led" by the letter map):
  // with the ISRC and length agreeing, a title far from ours through one is unknown, not different.
  const romanisedApart =
    isrcConfirmed && comparedTitle !== null && comparedTitle < TEXT_WEIGHTS.romanisedFloor && !comparableScripts(source.core, candidate.core);
  const rawTitle = romanisedApart ? null : comparedTitle;
  // One track of one release: the same title, lead artist and length on the same album. The rest
  // of the credit may then differ without doubt (a featured artist who changed name, "Jhay Cortez" /
  // "Jhayco"; a guest one service leaves out): it counts as a name with an ensemble added does.
  const albumAgrees = alike(source.album, candidate.album);
  const leadFound = credit.lead >= 0.95;
  const titleOnAlbum = rawTitle !== null && rawTitle >= ADJUSTMENTS.isrcStandInFloor && durationsAgree && albumAgrees;
  const releaseTrack = titleOnAlbum && leadFound;
  const rawArtist = credit.score !== null && releaseTrack ? Math.max(credit.score, TEXT_WEIGHTS.ensembleName) : credit.score;
  // A credit in another script on that track ("Jay Chou" / "周杰倫" for "七里香" on "七里香"): the
  // title, length and album stand in for it as an ISRC would. Not the other way round: another
  // track of the album by that artist can be as long.
  const creditOnAlbum = titleOnAlbum && rawArtist === null && source.names.length > 0 && candidate.names.length > 0;
  // The ISRC and length stand in for a part in another script when the other part agrees, and for
  // both when neither can be compared ("Marigold" by "Aimyon" / "マリーゴールド" by "あいみょん"):
  // one recording code and one length are what the two copies then have in common.
  const bothUnknown = rawTitle === null && rawArtist === null;
  const standIn = isrcConfirmed && (bothUnknown || (rawTitle ?? rawArtist ?? 0) >= ADJUSTMENTS.isrcStandInFloor);
  // The factor each part contributes: its similarity raised to its weight; a part that cannot be
  // compared contributes a fixed doubt that lands one unknown part in review and two below it.
  const factor = (raw: number | null, weight: number) =>
    raw !== null ? raw ** weight : standIn ? ADJUSTMENTS.isrcStandIn ** weight : TEXT_WEIGHTS.incomparable;
  const title = rawTitle ?? 0;
  const artist = rawArtist ?? 0;
  if (rawTitle === null) reasons.push('title in another script');
  else if (title === 1) reasons.push('same title');
  else if (title < 0.7) reasons.push('a different title');
  else reasons.push('a similar title');
  if (rawArtist === null) reasons.push(source.names.length && candidate.names.length ? 'artist in another script' : 'no artist to compare');
  else if (artist >= 0.95) reasons.push('same artist');
  else if (artist < 0.6) reasons.push('a different artist');
  else reasons.push('a similar artist');
  // The same recording (ISRC, title and length agree) credited another way: an alias ("Kelli Hand" /
  // "K-Hand"), a misspelt or shortened name, a duo written "A feat. B". The credit is then doubtful,
  // not different: it counts as much as one unknown part, which lands the candidate in review with
  // its alternatives instead of not found, and never lets it be accepted on the ISRC alone.
  const creditDoubt = isrcConfirmed && rawTitle !== null && rawTitle >= ADJUSTMENTS.isrcStandInFloor;
  // When the album as released agrees as well, four facts about the recording (code, title, length,
  // release) outweigh the credit: a band name half in kanji ("Official髭男dism"), a composer named
  // first ("Ludwig van Beethoven, Wiener Philharmoniker" / "Vienna Philharmonic"). The credit then
  // stands in as a part in another script does, which is accepted.
  // The album as released, its single or edition marker aside ("Subtitle" / "Subtitle - Single").
  const sameRelease = isrcConfirmed && (alike(source.albumFull, candidate.albumFull) || albumAgrees);
  const releaseAgrees = creditDoubt && sameRelease;
  const creditDoubtFactor = releaseAgrees ? ADJUSTMENTS.isrcStandIn ** TEXT_WEIGHTS.artist : TEXT_WEIGHTS.incomparable;
  const artistFactor = creditOnAlbum ? ADJUSTMENTS.isrcStandIn ** TEXT_WEIGHTS.artist : factor(rawArtist, TEXT_WEIGHTS.artist);
  // The same way round for the title: with the code, length and release agreeing and the lead
  // artist found, a title only alike ("Unaccompanied Cello Suite No. 1 ..." / "Cello Suite No. 1
  // ...") is how each service writes it, and stands in as one in another script does; so is a
  // title cut to its first words ("Killing Me Softly With His Song" / "Killing Me Softly").
  const titleDoubt = sameRelease && rawTitle !== null && (rawTitle >= ADJUSTMENTS.releaseTitleFloor || leadingWords(source.core, candidate.core)) && leadFound;
  const titleFactor = factor(rawTitle, TEXT_WEIGHTS.title);
  const text =
    (titleDoubt ? Math.max(titleFactor, ADJUSTMENTS.isrcStandIn ** TEXT_WEIGHTS.title) : titleFactor) *
    (creditDoubt ? Math.max(artistFactor, creditDoubtFactor) : artistFactor);

  let confidence = text;
  if (via === 'isrc') {
    if (text >= ADJUSTMENTS.isrcMinText) {
      confidence += ADJUSTMENTS.isrcAgreement;
      reasons.unshift('same ISRC');
    } else reasons.unshift('same ISRC, but the title or artist differ');
  }
  const isrcDiffers = via === 'search' && source.isrc !== null && candidate.isrc !== null && source.isrc !== candidate.isrc;
  if (isrcDiffers) confidence -= ADJUSTMENTS.isrcMismatch;

  const tags = compareTags(source, candidate, reasons);
  // Both titles name their guests, and one names someone the other credits nowhere ("Essence (feat.
  // Tems)" / "Essence (feat. Justin Bieber & Tems)"): a version made with another guest, so a
  // person decides.
  const guestUncredited = guestMissing(source, candidate) || guestMissing(candidate, source);
  const otherGuests = source.featured.length > 0 && candidate.featured.length > 0 && guestUncredited;
  if (otherGuests) reasons.push('other featured artists');
  // One title names a guest the other side credits nowhere, on another release ("Without Me (feat.
  // Juice WRLD)" on its single / Halsey's "Without Me" on "Manic"): the version with the guest's
  // verse or the one without, so a person decides. On the same album a service leaving the guest
  // out is common ("Low (feat. T-Pain)" / "Low" on "Mail on Sunday"), and the same ISRC and length
  // say it is one recording.
  const guestAbsent = !otherGuests && !isrcConfirmed && !albumAgrees && guestUncredited;
  if (guestAbsent) reasons.push('a guest missing');
  confidence -= tags.cost;

  let lengthOver = false;
  if (source.durationMs !== null && candidate.durationMs !== null) {
    const diff = Math.abs(source.durationMs - candidate.durationMs);
    const over = diff - durationToleranceMs(text);
    lengthOver = over > 0;
    if (over > 0) {
      confidence -= Math.min(DURATION.maxPenalty, (over / 1000) * DURATION.penaltyPerSecond);
      reasons.push(`duration differs by ${Math.round(diff / 1000)} s`);
    }
  }
  if (source.explicit !== null && candidate.explicit !== null && source.explicit !== candidate.explicit) {
    confidence -= ADJUSTMENTS.explicitMismatch;
    reasons.push(candidate.explicit ? 'explicit version' : 'clean version');
  }
  // The same album helps choose between copies (decide-match), but never makes a different title acceptable.
  if (albumAgrees) reasons.push('same album');
  const isrcAndLengthApart = isrcDiffers && lengthOver;
  if (isrcAndLengthApart) reasons.push('another ISRC');
  confidence = Math.min(
    confidence,
    tags.cap,
    otherGuests || guestAbsent ? ADJUSTMENTS.otherGuestsCap : 1,
    isrcAndLengthApart ? ADJUSTMENTS.isrcAndLengthApartCap : 1,
  );
  return {
    confidence: clamp(confidence),
    rank: confidence,
    text,
    title,
    artist,
    gateFailure: tags.gateFailure,
    penaltyMismatches: tags.penaltyMismatches,
    reasons,
  };
}
