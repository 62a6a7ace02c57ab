/** SQL expressions naming the columns (or parameters) the visibility rule reads. */
export interface VisibilitySqlColumns {
  /** The viewer's id; NULL for a signed-out visitor. Any SQL expression: a column, `$2::bigint`. */
  viewer: string;
  /** The id of the item's owner (the author of a review). */
  owner: string;
  /** The item's `public` / `followers` / `private`. */
  visibility: string;
  /** Whether the owner's profile is private. */
  ownerIsPrivate: string;
}

/**
 * `canSeeActivity` (lib/visibility-policy.ts) as a SQL condition, so that paged lists apply the rule
 * before a page is cut: the owner sees everything of theirs; `private` is the owner's alone;
 * `public` items of public profiles are for everyone; the rest needs a follow and no block
 * either way. Never NULL, so it can be selected as a flag as well as filtered on.
 */
export function canSeeSql(c: VisibilitySqlColumns): string {
  const { viewer, owner } = c;
  return `(${owner} IS NOT DISTINCT FROM ${viewer}
    OR (${c.visibility} = 'public' AND NOT ${c.ownerIsPrivate})
    OR (${c.visibility} <> 'private' AND ${viewer} IS NOT NULL
        AND EXISTS (SELECT 1 FROM follows vf WHERE vf.follower_id = ${viewer} AND vf.followee_id = ${owner})
        AND NOT EXISTS (SELECT 1 FROM blocks vb
                         WHERE (vb.blocker_id = ${viewer} AND vb.blocked_id = ${owner})
                            OR (vb.blocker_id = ${owner} AND vb.blocked_id = ${viewer}))))`;
}
