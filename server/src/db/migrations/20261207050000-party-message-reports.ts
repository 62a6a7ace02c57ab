import type { Knex } from 'knex';

/**
 * Reports of party chat messages join the one moderation queue (`reports`, target type
 * `party_message`), so administrators see and resolve them beside reviews and comments; the
 * reports filed so far move over with their excerpt and author.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE reports DROP CONSTRAINT reports_target_type_check;
    ALTER TABLE reports ADD CONSTRAINT reports_target_type_check CHECK (target_type IN ('review', 'comment', 'party_message'));
    INSERT INTO reports (reporter_id, target_type, target_id, target_author_id, excerpt, reason, created_at)
      SELECT r.reporter_id, 'party_message', r.message_id, m.user_id, left(m.body, 280), r.reason, r.created_at
        FROM party_message_reports r JOIN party_messages m ON m.id = r.message_id
      ON CONFLICT (reporter_id, target_type, target_id) DO NOTHING;
    DROP TABLE party_message_reports;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE party_message_reports (
      message_id bigint NOT NULL REFERENCES party_messages (id) ON DELETE CASCADE,
      reporter_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (message_id, reporter_id)
    );
    INSERT INTO party_message_reports (message_id, reporter_id, reason, created_at)
      SELECT r.target_id, r.reporter_id, r.reason, r.created_at
        FROM reports r WHERE r.target_type = 'party_message' AND EXISTS (SELECT 1 FROM party_messages m WHERE m.id = r.target_id);
    DELETE FROM reports WHERE target_type = 'party_message';
    ALTER TABLE reports DROP CONSTRAINT reports_target_type_check;
    ALTER TABLE reports ADD CONSTRAINT reports_target_type_check CHECK (target_type IN ('review', 'comment'));
  `);
}
