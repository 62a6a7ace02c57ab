// The production CSP forbids eval. Zod otherwise probes `new Function` while schemas are
// built, and the browser reports that probe as a CSP violation. Import this module first.
//
// Zod keeps its settings in the object at `globalThis.__zod_globalConfig` (it adopts one that is
// already there), so setting it here needs no import of zod: the first download stays free of
// zod, and the setting is in place before any lazily loaded page builds a schema.
// zod-config.test.ts proves that zod's own `config()` reads it.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
