import { config } from 'zod';

// The production CSP forbids eval. Zod otherwise probes `new Function` while schemas are
// built, and the browser reports that probe as a CSP violation. Import this module first.
config({ jitless: true });
