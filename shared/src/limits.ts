/** Limits shared by the API and the web forms. */
export const LIMITS = {
  handle: { min: 3, max: 30 },
  displayName: { min: 1, max: 50 },
  email: { max: 254 },
  password: { min: 8, max: 1024 },
  notificationsPage: { default: 20, max: 100 },
} as const;

/** Name of the request header that carries the CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';
