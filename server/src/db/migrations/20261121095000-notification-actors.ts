import type { Knex } from 'knex';

/**
 * Who caused each notification, so that deleting an account takes its notifications with it.
 *
 * - `notification_actors` links a notification to each person behind it, with how many of the
 *   batched events were theirs; both keys cascade.
 * - When a link goes (its actor's account was deleted), a trigger deletes the notification if
 *   nobody else is behind it; a batched one drops that person from its actors, counts and title
 *   ("Ana and Ben" stays true) and takes the next `seq`, so catch-up clients see the change.
 * - A batched notification's title is `who || data.titleRest`; `muse_notification_who` is
 *   notification-batching.ts's whoPhrase, for the trigger.
 * - Existing notifications are linked from what their data names (followers, requesters, likers…).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE notification_actors (
      notification_id bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
      actor_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      events integer NOT NULL DEFAULT 1 CHECK (events > 0),
      PRIMARY KEY (notification_id, actor_id)
    );
    CREATE INDEX notification_actors_actor_idx ON notification_actors (actor_id);

    CREATE FUNCTION muse_notification_who(actors jsonb, actor_count integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE
        WHEN jsonb_array_length(actors) = 0 THEN 'Someone'
        WHEN actor_count <= 1 THEN actors -> 0 ->> 'displayName'
        WHEN actor_count = 2 AND jsonb_array_length(actors) > 1 THEN (actors -> 0 ->> 'displayName') || ' and ' || (actors -> 1 ->> 'displayName')
        ELSE (actors -> 0 ->> 'displayName') || ' and ' || (actor_count - 1) || CASE WHEN actor_count - 1 = 1 THEN ' other' ELSE ' others' END
      END
    $$;

    CREATE FUNCTION muse_notification_actor_gone() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      n notifications%ROWTYPE;
      actors jsonb;
      actor_count integer;
    BEGIN
      SELECT * INTO n FROM notifications WHERE id = OLD.notification_id FOR UPDATE;
      IF NOT FOUND THEN RETURN NULL; END IF;
      IF NOT EXISTS (SELECT 1 FROM notification_actors WHERE notification_id = n.id) THEN
        DELETE FROM notifications WHERE id = n.id;
        RETURN NULL;
      END IF;
      IF n.group_key IS NULL OR jsonb_typeof(n.data -> 'actors') <> 'array' THEN RETURN NULL; END IF;
      actors := COALESCE((SELECT jsonb_agg(a ORDER BY i) FROM jsonb_array_elements(n.data -> 'actors') WITH ORDINALITY AS x(a, i) WHERE a ->> 'id' <> OLD.actor_id::text), '[]'::jsonb);
      actor_count := GREATEST(1, COALESCE((n.data ->> 'actorCount')::integer, 1) - 1);
      UPDATE notifications SET
        data = n.data || jsonb_build_object(
          'actors', actors,
          'actorIds', COALESCE((SELECT jsonb_agg(a ORDER BY i) FROM jsonb_array_elements(n.data -> 'actorIds') WITH ORDINALITY AS x(a, i) WHERE a #>> '{}' <> OLD.actor_id::text), '[]'::jsonb),
          'actorCount', actor_count,
          'count', GREATEST(1, COALESCE((n.data ->> 'count')::integer, 1) - OLD.events)),
        title = CASE WHEN n.data \\? 'titleRest' THEN muse_notification_who(actors, actor_count) || (n.data ->> 'titleRest') ELSE n.title END,
        seq = nextval('notifications_seq'),
        updated_at = now()
      WHERE id = n.id;
      RETURN NULL;
    END $$;
    CREATE TRIGGER notification_actor_gone AFTER DELETE ON notification_actors
      FOR EACH ROW EXECUTE FUNCTION muse_notification_actor_gone();

    INSERT INTO notification_actors (notification_id, actor_id)
      SELECT DISTINCT n.id, u.id
        FROM notifications n
        CROSS JOIN LATERAL (
          SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(n.data -> 'actorIds') = 'array' THEN n.data -> 'actorIds' ELSE '[]'::jsonb END) AS actor
          UNION ALL SELECT n.data ->> k FROM unnest(ARRAY['followerId', 'requesterId', 'targetId', 'actorId']) AS k
        ) named
        JOIN users u ON u.id::text = named.actor
      WHERE n.type IN ('new_follower', 'follow_request', 'follow_accepted', 'review_liked', 'review_commented', 'thread_reply');

    UPDATE notifications SET data = data || jsonb_build_object('titleRest', substr(title, length(who) + 1))
      FROM (SELECT id AS nid, muse_notification_who(data -> 'actors', COALESCE((data ->> 'actorCount')::integer, 1)) AS who
              FROM notifications WHERE group_key IS NOT NULL AND jsonb_typeof(data -> 'actors') = 'array') w
     WHERE id = w.nid AND starts_with(title, w.who);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE notification_actors;
    DROP FUNCTION muse_notification_actor_gone();
    DROP FUNCTION muse_notification_who(jsonb, integer);
  `);
}
