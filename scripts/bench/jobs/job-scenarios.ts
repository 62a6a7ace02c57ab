/**
 * Scenarios that time one background job instead of a stream of requests. They run only when
 * named with --scenario: each starts servers of its own and changes data (an import stores a
 * playlist), which a default run has no need of.
 */
export const JOB_SCENARIO_NAMES: readonly string[] = [
  'service-import',
  'conversion',
  'conversion-throttled',
  'conversion-again',
  'conversion-10k',
  'preview-range',
  'recommendations',
  // Not a job either: 5,000 Socket.IO clients and 1,000 album watchers timed (jobs/sockets.ts).
  'sockets',
  // Not a job either: a listening party of 1,000 participants, host actions and chat timed (jobs/party.ts).
  'party',
  // Not a job: Lighthouse's audit of the built web app (web/lighthouse.ts), on an api of its own.
  'lighthouse',
];
