import { dropMigratedTemplate, TEMPLATE_DB_ENV } from './migrated-template';

/** Once per jest run, after every file. */
export default async function globalTeardown(): Promise<void> {
  await dropMigratedTemplate(process.env[TEMPLATE_DB_ENV]);
}
