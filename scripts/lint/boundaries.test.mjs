// The lint rules that keep the house style's boundaries: each must fire on the code it forbids
// and stay quiet on the code it allows, or the boundaries would hold only by luck.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function ruleIds(code, filePath) {
  return (await messages(code, filePath)).map((m) => m.ruleId);
}

async function messages(code, filePath) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages;
}

test("when a feature imports another feature's repo, then lint refuses it once, saying so", async () => {
  const found = await messages(
    "import { ReviewsRepo } from '../reviews/reviews.repo';\nexport const r = ReviewsRepo;\n",
    'server/src/features/diary/diary.service.ts',
  );
  assert.deepEqual(
    found.map((m) => m.ruleId),
    ['no-restricted-imports'],
  );
  assert.match(found[0].message, /never through that feature's repo/);
});

test("when a feature imports its own repo, another feature's service, a read model or a row type, then lint allows it", async () => {
  const code = [
    "import { DiaryRepo } from './diary.repo';",
    "import { ReviewsService } from '../reviews/reviews.service';",
    "import { CatalogReadModel } from '../catalog/catalog.read-model';",
    "import { Transactions } from '../../db/transaction';",
    "import type { ReviewViewRow } from '../reviews/reviews.repo';",
    'export const all: unknown[] = [DiaryRepo, ReviewsService, CatalogReadModel, Transactions, {} as ReviewViewRow];',
    '',
  ].join('\n');
  assert.deepEqual(await ruleIds(code, 'server/src/features/diary/diary.service.ts'), []);
});

test("when a feature imports another feature's helper, presenter or folder, then lint refuses it and names the seams to use", async () => {
  for (const from of ['../feed/feed-sources', '../catalog/catalog.presenter', '../conversion/matching', '../ratings/prior-mean.cache']) {
    const found = await messages(`import { x } from '${from}';\nexport const y = x;\n`, 'server/src/features/profiles/profiles.service.ts');
    assert.deepEqual(
      found.map((m) => m.ruleId),
      ['no-restricted-imports'],
      from,
    );
    assert.match(found[0].message, /through its service \(\*\.service\.ts\), a named read model/);
  }
});

test("when a file in a feature's subfolder imports another feature's helper, then lint refuses it; its own feature and lib are fine", async () => {
  const file = 'server/src/features/search/eval/demo-search-eval.ts';
  assert.deepEqual(await ruleIds("import { PriorMeanCache } from '../../ratings/prior-mean.cache';\nexport const c = PriorMeanCache;\n", file), [
    'no-restricted-imports',
  ]);
  const fine = [
    "import { SearchService } from '../search.service';",
    "import { PriorMeanCache } from '../../../lib/prior-mean.cache';",
    "import { CatalogReadModel } from '../../catalog/catalog.read-model';",
    'export const all: unknown[] = [SearchService, PriorMeanCache, CatalogReadModel];',
    '',
  ].join('\n');
  assert.deepEqual(await ruleIds(fine, file), []);
});

test("when a feature enqueues another feature's job or imports a helper's type only, then lint allows it; tests may reach anything", async () => {
  const code = [
    "import { welcomeNotificationJob } from '../notifications/welcome-notification.job';",
    "import type { ProfileAccess } from '../profiles/profile-access';",
    "import { type NewNotification } from '../notifications/notification-batching';",
    'export const all: unknown[] = [welcomeNotificationJob, {} as ProfileAccess, {} as NewNotification];',
    '',
  ].join('\n');
  assert.deepEqual(await ruleIds(code, 'server/src/features/auth/auth.service.ts'), []);
  const helper = "import { pullSource } from '../feed/feed-sources';\nexport const p = pullSource;\n";
  assert.deepEqual(await ruleIds(helper, 'server/src/features/profiles/profile-activity.routes.test.ts'), []);
  assert.deepEqual(await ruleIds(helper, 'server/src/features/profiles/profile-kit.testing.ts'), []);
});

test('when a service opens a transaction itself, then lint refuses it; a repo may', async () => {
  const code = 'export async function f(knex: { transaction(w: unknown): Promise<void> }) {\n  await knex.transaction(async () => undefined);\n}\n';
  assert.deepEqual(await ruleIds(code, 'server/src/features/diary/diary.service.ts'), ['no-restricted-syntax']);
  assert.deepEqual(await ruleIds(code, 'server/src/features/diary/diary.repo.ts'), []);
});

test('when a web feature imports another web feature, then lint refuses it; shared components are fine', async () => {
  const across = "import { FeedItemCard } from '../../feed/components/feed-item-card';\nexport const c = FeedItemCard;\n";
  assert.deepEqual(await ruleIds(across, 'web/src/features/profiles/components/recent-activity.tsx'), ['no-restricted-imports']);
  const shared = "import { Button } from '../../../components/ui/button';\nexport const b = Button;\n";
  assert.deepEqual(await ruleIds(shared, 'web/src/features/profiles/components/recent-activity.tsx'), []);
});

test('when the server tree is read, then services are wired in the composition root alone: no feature holds a factory or wiring module of its own', async () => {
  const { readdir } = await import('node:fs/promises');
  const features = fileURLToPath(new URL('../../server/src/features', import.meta.url));
  const files = await readdir(features, { recursive: true });
  // Names the five feature-level wiring modules had before they became one composition root.
  const wiring = files.filter((file) => /(?:^|\/)[a-z-]+(?:\.factory|-services|\.wiring|\.composition)\.ts$/.test(file));
  assert.deepEqual(wiring, []);
  const compositionCalls = [];
  for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = await import('node:fs/promises').then((fs) => fs.readFile(`${features}/${file}`, 'utf8'));
    if (/export function compose[A-Z]\w*\(/.test(text)) compositionCalls.push(file);
  }
  assert.deepEqual(compositionCalls, []);
});
