import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { syntheticItemAttributes, syntheticRatings } from '../../server/src/features/recommendations/model/evaluation/synthetic-ratings';

/**
 * Writes a seeded synthetic ratings CSV (userId,itemId,rating on 0.5 .. 5) for `npm run
 * eval:recs`. The committed small set is `--users 300 --items 400 --ratings 12000 --clusters 8
 * --seed 13`; the scale set (not committed) is the default size:
 *   node --import tsx scripts/eval-recs/generate-ratings.ts --out /tmp/recs-scale.csv
 * `--items-out FILE` also writes the items' attributes (`--items` of eval:recs; itemId, artist,
 * genres and styles separated by |, label, year).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'items-out': { type: 'string' },
      users: { type: 'string', default: '100000' },
      items: { type: 'string', default: '50000' },
      ratings: { type: 'string', default: '5000000' },
      clusters: { type: 'string', default: '20' },
      seed: { type: 'string', default: '7' },
      'outside-affinity': { type: 'string', default: '-0.9' },
    },
  });
  if (!values.out) throw new Error('--out <file> is required');
  const options = {
    users: Number(values.users),
    items: Number(values.items),
    ratings: Number(values.ratings),
    clusters: Number(values.clusters),
    seed: Number(values.seed),
  };
  const outsideAffinity = Number(values['outside-affinity']);
  if (!Number.isFinite(outsideAffinity)) throw new Error('--outside-affinity takes a number');
  for (const [name, value] of Object.entries(options))
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number of at least 1`);
  const rows = await writeLines(
    values.out,
    'userId,itemId,rating',
    (function* () {
      for (const r of syntheticRatings({ ...options, outsideAffinity })) yield `${r.userId},${r.itemId},${r.rating}`;
    })(),
  );
  process.stdout.write(`${rows} ratings written to ${values.out}\n`);
  if (values['items-out']) {
    const items = await writeLines(
      values['items-out'],
      'itemId,artist,genres,styles,label,year',
      (function* () {
        for (const a of syntheticItemAttributes({ ...options, outsideAffinity }))
          yield `${a.itemId},${a.artist},${a.genres.join('|')},${a.styles.join('|')},${a.label},${a.year}`;
      })(),
    );
    process.stdout.write(`${items} items' attributes written to ${values['items-out']}\n`);
  }
}

/** Writes a header and lines to a file in 1 MB chunks, waiting when the stream is full; resolves to the line count. */
async function writeLines(path: string, header: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(path);
  let chunk = `${header}\n`;
  let count = 0;
  for (const line of lines) {
    chunk += `${line}\n`;
    count += 1;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise((resolve) => out.once('finish', resolve));
  return count;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
