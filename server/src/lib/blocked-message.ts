/** What a user hears when a block between them and a review's author refuses a like or comment. */
export const BLOCKED_MESSAGE = 'You cannot do that: one of you has blocked the other.';
