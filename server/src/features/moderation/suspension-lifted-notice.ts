/**
 * What a user is told when an administrator lifts their suspension. They read it after signing
 * in again (the suspension ended their sessions), so it says what came back and what did not.
 */
export const suspensionLiftedNotice = {
  type: 'suspension_lifted' as const,
  title: 'Your account is active again.',
  body: 'An administrator lifted the suspension. Your profile, reviews and ratings show again, except what was hidden because of a report.',
  link: null,
};
