import { foldText } from './normalise-text';

/**
 * Version markers in titles, albums and artist credits. Gate tags change what is heard (a live take
 * is not the studio recording) and must agree for a match; penalty tags are small differences of the
 * same recording (a remaster, a radio edit) that only lower confidence.
 */
export type GateTag =
  | 'live'
  | 'remix'
  | 'new-mix'
  | 'acoustic'
  | 'instrumental'
  | 'karaoke'
  | 'cover'
  | 're-recorded'
  | 'demo'
  | 'sped-up'
  | 'slowed'
  | 'extended'
  | 'alternate'
  | 'language';
export type PenaltyTag = 'remaster' | 'mono' | 'stereo' | 'radio-edit' | 'single-version' | 'edit' | 'clean' | 'explicit';
export type VersionTag = GateTag | PenaltyTag;

export const GATE_TAGS: readonly GateTag[] = [
  'live',
  'remix',
  'new-mix',
  'acoustic',
  'instrumental',
  'karaoke',
  'cover',
  're-recorded',
  'demo',
  'sped-up',
  'slowed',
  'extended',
  'alternate',
  'language',
];
const GATE_SET: ReadonlySet<VersionTag> = new Set(GATE_TAGS);

/** Whether a tag must agree between source and candidate. */
export const isGate = (tag: VersionTag): tag is GateTag => GATE_SET.has(tag);

// Order matters: longer phrases first ("radio edit" is not also an "edit", "2009 mix" not a remix).
// Patterns run on folded text, where "&" is "and" and apostrophes are gone ("taylors version").
const TAG_PATTERNS: ReadonlyArray<readonly [RegExp, VersionTag]> = [
  // "(2012 Version)" is how re-recordings are usually titled; remasters say "Remaster".
  [/\bre ?record(?:ed|ing)?\b|\brerecorded\b|\btaylors version\b|\b(?:19|20)\d\d version\b/, 're-recorded'],
  [/\bsped up\b|\bspeed up\b|\bsuper sped\b|\bnightcore\b/, 'sped-up'],
  [/\b(?:super )?slowed(?: down)?\b(?: and reverb)?|\bchopped and screwed\b|\bscrewed\b/, 'slowed'],
  [/\bkaraoke\b|\bbacking track\b|\bin the style of\b|\bsing ?along\b|カラオケ|卡拉ok|노래방/, 'karaoke'],
  [/\boriginally performed by\b|\bmade famous by\b|\bas made famous\b|\bcover(?:ed)?\b|\btribute\b/, 'cover'],
  [/\binstrumental\b|\binst\b|\bminus one\b|伴奏|伴唱|インスト|반주/, 'instrumental'],
  [/\bacoustic\b|\bstripped\b|\bacustic[oa]\b|\bakustisch\b|アコースティック|어쿠스틱|不插电|不插電/, 'acoustic'],
  // Services print other languages' markers too: "Ao Vivo", "En Vivo", "En Directo", "Acústico", "Remasterizado".
  [
    /\blive\b|\bunplugged\b|\bin concert\b|\bao vivo\b|\ben vivo\b|\ben directo\b|\bdal vivo\b|\ben concierto\b|ライブ|ライヴ|라이브|现场|現場|演唱会|演唱會/,
    'live',
  ],
  [/\bdemo\b|\bearly (?:take|version)\b|\bhome recording\b|\bwork ?tape\b|\brough mix\b|デモ/, 'demo'],
  [/\b(?:extended|long)(?: (?:mix|version|edit|cut))?\b/, 'extended'],
  // A mix made anew from the multitracks years later ("2019 Mix", "2022 Stereo Mix") is heard
  // differently from the original mix and its remasters: a version of its own, not a remaster.
  [/\b(?:19|20)\d\d (?:stereo |mono )?mix\b|\bnew (?:stereo |mono )?mix\b/, 'new-mix'],
  [/\bradio (?:edit|version|mix|cut)\b/, 'radio-edit'],
  [/\bsingle (?:version|edit|mix)\b|\b7 (?:inch )?(?:version|edit|mix)\b/, 'single-version'],
  [/\bdigital(?:ly)? remaster(?:ed)?\b|\bre ?master(?:ed|ing)?\b|\bremaster(?:ed|ing|isation|ization)?\b|\bremasterizad[oa]\b|\bremasterise?d?\b/, 'remaster'],
  [/\bmono(?: mix| version)?\b/, 'mono'],
  [/\bstereo(?: mix| version)?\b/, 'stereo'],
  [/\bexplicit\b|\bdirty\b/, 'explicit'],
  [/\bclean\b|\bcensored\b|\bedited\b/, 'clean'],
  [/\bremix(?:ed)?\b|\brmx\b|\brework\b|\bre ?fix\b|\bflip\b|\bbootleg\b|\bmash ?up\b|\bvip\b|\bdub\b|\bclub\b|\bmix\b|リミックス|리믹스|混音/, 'remix'],
  [/\bshort (?:version|edit|mix|cut)\b|\bedit\b/, 'edit'],
];

const TAG_PATTERNS_GLOBAL = TAG_PATTERNS.map(([re, tag]) => [re, tag, new RegExp(re.source, 'g')] as const);

/**
 * Performance series whose takes are recordings of their own, however the segment is worded
 * ("From THE FIRST TAKE", "THE FIRST TAKE ver.", "Live from the Tiny Desk"): read before "From …"
 * is taken for the film a song comes from.
 */
const PERFORMANCE_SERIES_RE =
  /\b(?:the )?first take\b|\btiny desk\b|\blive lounge\b|\bspotify (?:sessions?|singles)\b|\bcolors (?:show|session)\b|\bsofar sounds\b/;
/** Segments that say nothing about the recording: a film it is from, a producer credit. */
const BENIGN_SEGMENT_RE = /^(?:from|taken from|as heard in|theme from|prod(?:uced)? by|music from)\b/;
/** Phrases that name the plain version or the release, removed before tags are read ("Original Mix" is no remix). */
const BENIGN_PHRASE_RE =
  /\b(?:album|original|lp|main|full length|full|standard|studio) (?:version|mix|edit|recording)\b|\boriginal\b|\bsoundtrack\b|\bmotion picture\b|\bbonus(?: track)?\b|\bdeluxe\b|\banniversary\b|\bedition\b/g;
/** Words that name some other version even without a known tag ("Piano Version", "Spanish Version", "Extended"). */
const ALTERNATE_RE =
  /\bversion\b|\bextended\b|\breprise\b|\breimagined\b|\bredux\b|\bremake\b|\bouttakes?\b|\bskit\b|\b8d\b|\blo ?fi\b|\bpiano\b|\borchestral\b|\bsymphonic\b|\ba ?cappella\b|\bacapella\b|\binterlude\b|\bintro\b|\boutro\b|\btakes?\b|\bver\b|\bsessions?\b|\brevisited\b|\bacappella\b|\brehearsals?\b|バージョン|버전|\bsketch(?:es)?\b|\balternat(?:e|ive)\b|\bduet\b/;
/** Words that carry no detail of which version ("Live at Wembley" → "wembley"). */
const FILLER_WORDS = new Set([
  'version',
  'mix',
  'edit',
  'at',
  'in',
  'on',
  'from',
  'the',
  'a',
  'of',
  'and',
  'by',
  'for',
  'to',
  'recorded',
  'session',
  'sessions',
  'vs',
  'en',
]);

/** A version sung in a named language ("Spanish Version", "(Español)", "English ver."): its language, in English. */
const LANGUAGES: Record<string, string> = {
  spanish: 'spanish',
  espanol: 'spanish',
  castellano: 'spanish',
  english: 'english',
  ingles: 'english',
  anglais: 'english',
  portuguese: 'portuguese',
  portugues: 'portuguese',
  french: 'french',
  frances: 'french',
  francais: 'french',
  italian: 'italian',
  italiano: 'italian',
  german: 'german',
  deutsch: 'german',
  aleman: 'german',
  japanese: 'japanese',
  korean: 'korean',
  chinese: 'chinese',
  mandarin: 'chinese',
  cantonese: 'cantonese',
};
const LANGUAGE_RE = new RegExp(`\\b(?:${Object.keys(LANGUAGES).join('|')})\\b`);
const LANGUAGE_RE_GLOBAL = new RegExp(LANGUAGE_RE.source, 'g');

/** What one suffix segment says: its tags, the words that detail a gated version, or that it is unexplained text. */
export interface SegmentReading {
  tags: VersionTag[];
  /** Words left once tags and filler are removed, e.g. the remixer or the venue. */
  detail: string[];
  /** A segment with no tag that is not a known harmless addition: compared as extra title text. */
  extra: string | null;
}

const YEAR_OR_ORDINAL_RE = /^(?:\d+(?:st|nd|rd|th)?|'\d\d)$/;

/** Tags and leftover words of one part of a segment, or `benign` when it names nothing about the recording. */
function readPart(part: string): { tags: VersionTag[]; words: string[]; benign: boolean } {
  const folded = foldText(part);
  if (PERFORMANCE_SERIES_RE.test(folded)) return { tags: ['alternate'], words: folded.split(' ').filter((w) => !FILLER_WORDS.has(w)), benign: false };
  if (!folded || !/\p{L}/u.test(folded) || BENIGN_SEGMENT_RE.test(folded)) return { tags: [], words: [], benign: true };
  const withoutBenign = ` ${folded} `.replace(BENIGN_PHRASE_RE, ' ');
  let rest = withoutBenign;
  const tags: VersionTag[] = [];
  for (const [re, tag, all] of TAG_PATTERNS_GLOBAL) {
    if (!re.test(rest)) continue;
    if (!tags.includes(tag)) tags.push(tag);
    rest = rest.replace(all, ' ');
  }
  // The language a version is sung in is its detail, named one way on both sides.
  if (LANGUAGE_RE.test(rest)) {
    tags.push('language');
    rest = rest.replace(LANGUAGE_RE_GLOBAL, (word) => LANGUAGES[word]!);
  }
  const words = rest.split(' ').filter((w) => w && !FILLER_WORDS.has(w) && !YEAR_OR_ORDINAL_RE.test(w));
  // Some other named version ("Naked Version", "Piano Ver.", "Extended"), unless the words only date it.
  if (!tags.some(isGate) && words.length && ALTERNATE_RE.test(folded)) tags.push('alternate');
  return { tags, words, benign: !tags.length && (withoutBenign.trim() !== folded || !words.length) };
}

/**
 * Reads one trailing segment of a title ("Remastered 2011", "Tiësto Remix", "Live at Wembley"). Parts
 * joined by "/" or ";" (Spotify's "Mono / 1997 Remastered", Apple's "From “Frozen”/Karaoke Version")
 * are read one by one; leftover words of a tagged segment detail the version.
 */
export function readSegment(segment: string): SegmentReading {
  const parts = segment.split(/[/;]/).map(readPart);
  const tags = [...new Set(parts.flatMap((p) => p.tags))];
  if (tags.length) return { tags, detail: tags.some(isGate) ? parts.flatMap((p) => p.words) : [], extra: null };
  if (parts.some((p) => p.benign)) return { tags: [], detail: [], extra: null };
  return { tags: [], detail: [], extra: foldText(segment) || null };
}

/** Tags in an album title or artist credit: only markers that make every track on it another version (karaoke, tribute, instrumentals, re-recorded). */
export function contextTags(texts: readonly string[]): VersionTag[] {
  const tags: VersionTag[] = [];
  for (const text of texts) {
    const folded = ` ${foldText(text)} `;
    if (/\bkaraoke\b|\bin the style of\b|\bbacking tracks?\b/.test(folded) && !tags.includes('karaoke')) tags.push('karaoke');
    if (/\btribute\b|\boriginally performed\b|\bmade famous\b|\bcover band\b/.test(folded) && !tags.includes('cover')) tags.push('cover');
    if (/\binstrumentals\b/.test(folded) && !tags.includes('instrumental')) tags.push('instrumental');
    if (/\bre ?recorded\b|\brerecorded\b|\btaylors version\b/.test(folded) && !tags.includes('re-recorded')) tags.push('re-recorded');
  }
  return tags;
}

/** An album recorded on stage: "Live at Leeds", "MTV Unplugged", "Live!", "Live 1975-85", "Alive (Live)"; not "Live Through This". */
export function isLiveAlbum(album: string | null): boolean {
  if (!album) return false;
  const folded = ` ${foldText(album)} `;
  return (
    /\blive (?:at|in|from|on|aus|au|en|em)\b|\bunplugged\b|\bin concert\b|\bconcert\b|^ live(?: \d+)* $/.test(folded) ||
    /[([-]\s*live\b[^)\]]*[)\]]?\s*$/i.test(album)
  );
}

const COMPILATION_RE =
  /\bgreatest\b|\bbest of\b|\bthe best\b|\bvery best\b|\bhits\b|\bcollection\b|\bcollected\b|\bessentials?\b|\banthology\b|\bcompilation\b|\bnow thats what i call\b|\bretrospective\b|\bnumber ones\b|\b1s\b|\bsingles\b|\bgold\b|\bplatinum\b|\bclassics\b|\bultimate\b|\bdefinitive\b|\bicon\b|\bbox ?set\b|\b20th century masters\b|\bmixtape\b|\bplaylist\b|\bvarious\b/;

/** Whether an album title looks like a compilation (a hits collection rather than the original album). */
export function isCompilationAlbum(album: string | null): boolean {
  return album ? COMPILATION_RE.test(` ${foldText(album)} `) : false;
}

/** Whether an album title names a single or EP release ("Song - Single", "Song (Single)"). */
export function isSingleRelease(album: string | null): boolean {
  return album ? /[-(]\s*(?:single|ep)\s*\)?\s*$/i.test(album.trim()) : false;
}
