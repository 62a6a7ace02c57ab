/**
 * Every threshold and weight the conversion matcher decides by, in one place.
 *
 * How they were chosen. The weights are round figures set from what each signal means, before
 * looking at any score: title and artist must both agree (a product, not a sum), a version tag
 * that changes what is heard is a gate, a remaster or a radio edit costs a few hundredths, a
 * duration past its tolerance costs three hundredths a second (the same recording on two
 * services differs by a second or two; a remaster's fade by a few more), and every uncertain signal pulls
 * confidence down, never up, because a missed track is better than a wrong one. The two
 * thresholds were then read off the spread of confidences on the development cases
 * (`npm run eval:matching -- <cases> --scores`, scripts/eval-matching/cases/*-dev*.jsonl, 348 cases):
 * every expected candidate scored 0.90 or more, and in cases with no right answer the best decoy
 * (a tribute band named "Oasish", the same title 22 s longer, another song by the artist) scored
 * at most 0.80. ACCEPT sits in the middle of that empty band, 0.05 from either side; REVIEW sits
 * where decoys become unlikely to be the song (an ISRC hit whose text disagrees, a title one word
 * apart, a duration far off), so a person sees those with alternatives instead of a bare "not found".
 * The held-out cases were only run once these were fixed.
 */
export const MATCH_THRESHOLDS = {
  /** At or above: matched without asking. */
  accept: 0.85,
  /** At or above (and below accept): needs review with alternatives. Below: not found. */
  review: 0.55,
  /** A different-looking runner-up this close to the best makes the pick ambiguous: review. */
  ambiguityMargin: 0.06,
  /** At most this many alternatives are offered. */
  maxAlternatives: 5,
} as const;

export const TEXT_WEIGHTS = {
  /**
   * Text confidence is title^title × artist^artist, so both must agree. The exponents sum past 1 on
   * purpose: a title 80 % alike ("Love Me" / "Love Me Do") by the same artist is another song, and
   * must land in review (0.8), not be accepted.
   */
  title: 1,
  /** Artist names that differ at all are usually other people ("Oasis" / "Oasish"): steeper still. */
  artist: 1.5,
  /** Within the artist score: the first-named artist found on the other side, then coverage each way. */
  artistPrimary: 0.75,
  artistSourceCoverage: 0.17,
  artistCandidateCoverage: 0.08,
  /** Name or title similarities under this are treated as no resemblance at all. */
  similarityFloor: 0.5,
  /** What a title or artist in another script contributes to text confidence: unknown, not equal (0.7: review; both unknown, 0.49: not found). */
  incomparable: 0.7,
  /**
   * A Cyrillic, Greek or kana text compared through its romanisation ("Король и Шут" / "Korol I Shut"):
   * its similarity times this, since romanisations vary and a letter map can be fooled; an exact
   * romanised title and credit still clear `accept` (0.97 × 0.97^1.5 ≈ 0.93).
   */
  romanised: 0.97,
  /** A title whose romanisation is less alike than this is no evidence either way (loanwords, other romanisations): it counts as in another script. */
  romanisedFloor: 0.8,
  /** A name and the same name with an ensemble after it ("Jimi Hendrix" / "The Jimi Hendrix Experience"): alike, not equal (0.92^1.5 ≈ 0.88, just past `accept`). */
  ensembleName: 0.92,
  /** Titles equal except for an unexplained bracketed or dashed addition ("(Pretty Young Thing)"). */
  extraTextPenalty: 0.08,
  /** Titles whose numbers differ ("Part 1" / "Part 2") are different pieces: similarity capped here. */
  differentNumbersCap: 0.45,
  /** Two texts that differ only in letters written doubled ("Benny" / "Beny", "Mohammed" / "Mohamed"): spellings of one name. */
  doubledLetters: 0.98,
  /** A katakana word whose consonants are those of a Latin spelling ("スピッツ" / "Spitz"): alike, not proven equal. */
  skeletonAlike: 0.95,
} as const;

export const DURATION = {
  /** Tolerance when text confidence is perfect; it shrinks linearly to `minToleranceMs` as text falls to `toleranceTextFloor`. */
  maxToleranceMs: 4_000,
  minToleranceMs: 2_000,
  toleranceTextFloor: 0.7,
  /** Past the tolerance, confidence falls by `penaltyPerSecond` per second, at most `maxPenalty`. */
  penaltyPerSecond: 0.03,
  maxPenalty: 0.4,
  /** Two candidates whose durations differ by at most this are the same recording for tie-breaking. */
  sameRecordingMs: 3_000,
} as const;

export const ADJUSTMENTS = {
  /** A gate tag that disagrees (live vs studio, a different remix) caps confidence here: never accepted. */
  gateFailCap: 0.3,
  /** Both titles name featured artists and one names someone the other credits nowhere: review at most. */
  otherGuestsCap: 0.8,
  /** Both sides name a version with different details ("Live at Wembley" / "Live in Paris"). */
  gateDetailCap: 0.5,
  /** One side names the version's details, the other does not ("Live" / "Live at Wembley"). */
  gateDetailMissing: 0.05,
  /** Each small version difference (remaster, mono/stereo, radio edit, single version, clean/explicit). */
  penaltyTag: 0.04,
  /** The explicit flags disagree. */
  explicitMismatch: 0.03,
  /** The candidate was found by the source's ISRC and its text agrees. */
  isrcAgreement: 0.1,
  /** ISRC support needs at least this text confidence: an ISRC hit whose title/artist clearly differ is not enough. */
  isrcMinText: 0.6,
  /**
   * With the same ISRC and durations within `DURATION.sameRecordingMs`, a title or artist in another
   * script counts as this similar, if the other part is at least `isrcStandInFloor`; both do when
   * neither can be compared (0.9 × 0.9^1.5 + `isrcAgreement` ≈ 0.87: accepted, by a small margin).
   */
  isrcStandIn: 0.9,
  isrcStandInFloor: 0.9,
  /** With the ISRC, length and album as released agreeing, a title at least this alike stands in as `isrcStandIn`. */
  releaseTitleFloor: 0.7,
  /** Both sides carry an ISRC and they differ (remasters do get new ISRCs, so only a nudge). */
  isrcMismatch: 0.02,
  /**
   * The ISRCs differ and so do the lengths, past the duration tolerance: two signs of another take
   * or edit (a compilation's cut 7 s longer), so at most review, whatever the text.
   */
  isrcAndLengthApartCap: 0.8,
  /** Album titles at or above this similarity agree (a preference between copies, not confidence). */
  albumSimilarity: 0.85,
} as const;
