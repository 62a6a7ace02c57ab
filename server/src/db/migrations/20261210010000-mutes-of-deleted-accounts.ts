import type { Knex } from 'knex';

/**
 * A mute names its target by id as text (a user, an artist or an activity type), so no foreign
 * key removes a user mute when the muted account is deleted: it lingered in the list, could not
 * be removed by handle and counted toward the cap. A trigger removes such mutes with the account,
 * by whatever path it is deleted, and the ones already left behind go now.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION muse_drop_mutes_of_deleted_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM mutes WHERE kind = 'user' AND target = OLD.id::text;
      RETURN OLD;
    END $$;
    CREATE TRIGGER users_drop_mutes_of_deleted AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION muse_drop_mutes_of_deleted_user();
    DELETE FROM mutes m WHERE m.kind = 'user' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id::text = m.target);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER IF EXISTS users_drop_mutes_of_deleted ON users;
    DROP FUNCTION IF EXISTS muse_drop_mutes_of_deleted_user();
  `);
}
