import { dropMigratedTemplate } from './migrated-template';
import { TEMPLATE_DB_ENV } from './test-infra';

/** Once per jest run, after every file. */
export default async function globalTeardown(): Promise<void> {
  await dropMigratedTemplate(process.env[TEMPLATE_DB_ENV]);
}
