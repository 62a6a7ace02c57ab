/**
 * Vocabulary of the scale data set. The SQL generator picks titles and names from these lists,
 * and the search scenario builds its queries from the same lists, so every query has something
 * to find. Accented names are there on purpose: search must fold "Björk" and "bjork" together.
 */

/** Words of album and track titles. */
export const TITLE_WORDS: readonly string[] = [
  'Midnight', 'Echoes', 'River', 'Golden', 'Summer', 'Electric', 'Dreams', 'Silence', 'Horizon', 'Velvet',
  'Ghost', 'Paradise', 'Neon', 'Ocean', 'Fire', 'Glass', 'Shadow', 'Wild', 'Heart', 'Machine',
  'Northern', 'Lights', 'Blue', 'Garden', 'Stone', 'City', 'Night', 'Morning', 'Songs', 'Love',
  'Time', 'World', 'Winter', 'Autumn', 'Spring', 'Desert', 'Mountain', 'Forest', 'Rain', 'Thunder',
  'Starlight', 'Moon', 'Sun', 'Sky', 'Dust', 'Gold', 'Silver', 'Crystal', 'Diamond', 'Mirror',
  'Memory', 'Future', 'Past', 'Tomorrow', 'Yesterday', 'Forever', 'Never', 'Always', 'Lost', 'Found',
  'Broken', 'Sweet', 'Bitter', 'Honey', 'Sugar', 'Salt', 'Wine', 'Whiskey', 'Coffee', 'Cigarettes',
  'Highway', 'Street', 'Avenue', 'Boulevard', 'Harbor', 'Island', 'Coast', 'Valley', 'Canyon', 'Prairie',
  'Kingdom', 'Empire', 'Republic', 'Revolution', 'Rebellion', 'Freedom', 'Liberty', 'Victory', 'Glory', 'Honor',
  'Angel', 'Devil', 'Saint', 'Sinner', 'Prophet', 'Stranger', 'Lover', 'Dancer', 'Dreamer', 'Wanderer',
  'Satellite', 'Rocket', 'Planet', 'Galaxy', 'Comet', 'Orbit', 'Gravity', 'Signal', 'Static', 'Frequency',
  'Harmony', 'Melody', 'Rhythm', 'Chorus', 'Anthem', 'Ballad', 'Lullaby', 'Requiem', 'Symphony', 'Sonata',
  'Paper', 'Satin', 'Leather', 'Cotton', 'Silk', 'Iron', 'Steel', 'Copper', 'Chrome', 'Concrete',
  'Tiger', 'Wolf', 'Raven', 'Sparrow', 'Falcon', 'Serpent', 'Horses', 'Lion', 'Fox', 'Whale',
  'Hunger', 'Thirst', 'Fever', 'Madness', 'Wonder', 'Mercy', 'Grace', 'Faith', 'Hope', 'Desire',
  'Electricity', 'Television', 'Radio', 'Telephone', 'Cassette', 'Vinyl', 'Jukebox', 'Stereo', 'Discotheque', 'Ballroom',
  'Sunrise', 'Sunset', 'Twilight', 'Daybreak', 'Nightfall', 'Afterglow', 'Eclipse', 'Aurora', 'Solstice', 'Equinox',
  'Café', 'Mañana', 'Corazón', 'Noël', 'Été', 'Fräulein', 'Déjà', 'Cœur', 'Señorita', 'Über',
  'Açaí', 'Naïve', 'Rosé', 'Sérénade', 'Amour', 'Soleil', 'Lumière', 'Nuit', 'Fiesta', 'Saudade',
];

/** First names of solo artists and users; some accented. */
export const FIRST_NAMES: readonly string[] = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Grace', 'Henry', 'Iris', 'Jack',
  'Kate', 'Leo', 'Maya', 'Noah', 'Olivia', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara',
  'Umar', 'Vera', 'Will', 'Xena', 'Yusuf', 'Zoe', 'Marcus', 'Nina', 'Oscar', 'Priya',
  'José', 'María', 'Zoë', 'Søren', 'Björn', 'Chloé', 'Renée', 'Łukasz', 'François', 'Ólafur',
  'Agnès', 'Håkon', 'Inés', 'Jürgen', 'Małgorzata', 'Nuño', 'Stéphane', 'Tomáš', 'Ümit', 'Élodie',
];

/** Family names of solo artists and users; some accented. */
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright',
  'Cooper', 'Harris', 'Clarke', 'Lewis', 'Young', 'King', 'Hill', 'Baker', 'Green', 'Adams',
  'Nakamura', 'Okafor', 'Rossi', 'Novak', 'Jensen', 'Kowalski', 'Silva', 'Murphy', 'Costa', 'Ivanova',
  'González', 'Müller', 'Dvořák', 'Gómez', 'Hardy', 'Arnalds', 'Sigurðsson', 'Lefèvre', 'Åberg', 'Çelik',
  'Nuñez', 'Brontë', 'Schäfer', 'Pérez', 'Østergaard', 'Wójcik', 'Herrera', 'Jóhannsson', 'Fauré', 'Szabó',
];

/** Single-word stage names (famous accented ones included). */
export const STAGE_NAMES: readonly string[] = [
  'Björk', 'Motörhead', 'Beyoncé', 'Sigur Rós', 'Mötley Crüe', 'Céline', 'Röyksopp', 'Moderat', 'Kraftwerk', 'Portishead',
  'Radiohead', 'Bonobo', 'Caribou', 'Daft', 'Jamiroquai', 'Massive', 'Morcheeba', 'Nightwish', 'Opeth', 'Queen',
  'Sade', 'Shakira', 'Stromae', 'Zaz', 'Rosalía', 'Maná', 'Juanes', 'Anitta', 'Mø', 'Aurora',
  'Lorde', 'Grimes', 'Solange', 'Kelis', 'Moby', 'Seal', 'Prince', 'Madonna', 'Enya', 'Yanni',
];

/** Words of band names ("The Velvet Tigers"). */
export const BAND_WORDS: readonly string[] = [
  'Tigers', 'Wolves', 'Ravens', 'Strangers', 'Machines', 'Ghosts', 'Angels', 'Saints', 'Sinners', 'Dreamers',
  'Wanderers', 'Lovers', 'Dancers', 'Prophets', 'Satellites', 'Rockets', 'Comets', 'Horses', 'Foxes', 'Whales',
  'Kings', 'Queens', 'Knights', 'Pilots', 'Sailors', 'Drifters', 'Outlaws', 'Rebels', 'Orphans', 'Twins',
];

/** Discogs genres. */
export const GENRES: readonly string[] = [
  'Rock', 'Electronic', 'Pop', 'Jazz', 'Hip Hop', 'Folk, World, & Country', 'Funk / Soul', 'Classical', 'Reggae', 'Blues', 'Latin',
];

/** Discogs styles. */
export const STYLES: readonly string[] = [
  'Indie Rock', 'Alternative Rock', 'Synth-pop', 'House', 'Techno', 'Ambient', 'Post-Punk', 'Shoegaze', 'Trip Hop', 'Soul',
  'Bossa Nova', 'Hard Bop', 'Boom Bap', 'Folk Rock', 'Downtempo', 'Dream Pop', 'Krautrock', 'Disco', 'Dub', 'Chanson',
];

/** Record labels. */
export const LABELS: readonly string[] = [
  'Warp', 'Rough Trade', '4AD', 'Sub Pop', 'Matador', 'XL Recordings', 'Domino', 'Ninja Tune', 'Blue Note', 'Motown',
  'Mute', 'Factory', 'Island', 'Virgin', 'Columbia', 'Nonesuch', 'Stax', 'Atlantic', 'Def Jam', 'Erased Tapes',
];

/** Release countries (ISO codes, as Discogs prints them). */
export const COUNTRIES: readonly string[] = ['US', 'UK', 'DE', 'FR', 'IS', 'SE', 'JP', 'BR', 'ES', 'CA', 'AU', 'NO', 'MX', 'IT', 'NL'];

/** Sentences that reviews are made of. */
export const REVIEW_SENTENCES: readonly string[] = [
  'The production is warm and the bass sits right where it should.',
  'I did not expect the second half to hit this hard.',
  'A grower: the third listen finally made it click.',
  'Every song feels like a late train home in the rain.',
  'The vocals are mixed too low, which is a shame.',
  'Side B is where the real magic happens.',
  'This is the record I put on when friends ask what I am into.',
  'Ambitious, messy, and completely worth it.',
  'The closing track is one of the best things they have ever written.',
  'It sounds like summer in a city that never sleeps.',
  'Too long by about fifteen minutes, but the highs are very high.',
  'The drums! Listen to the drums on the opener.',
  'I keep coming back to the lyrics; they reward attention.',
  'Not their best, but a solid step sideways.',
  'The remaster finally gives the guitars room to breathe.',
  'Heard it live last year and the album captures that energy.',
  'Beautiful arrangements, strings that never feel like decoration.',
  'Could have been an EP, and a great one.',
  'Café mornings, corazón roto, and one perfect chorus.',
  'Déjà vu in the best way: familiar, but somehow new.',
  'This made my year-end list without a second thought.',
  'Some tracks drift, but the mood never breaks.',
  'The interludes are the secret heart of this record.',
  'Honestly overrated, though I understand why people love it.',
  'Perfect for headphones on a long walk.',
];

/** Latin-letter folding the way search folds text (unaccent + lower), for building typo queries. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ð/g, 'd')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .toLowerCase();
}
