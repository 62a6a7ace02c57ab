import { describe, expect, it } from 'vitest';
import './zod-config';

describe('zod-config', () => {
  it('when the app has started, then zod builds schemas without eval (jitless), as the CSP requires', async () => {
    const { config, z } = await import('zod');
    expect(config().jitless).toBe(true);
    // A schema built afterwards still parses (the jitless path).
    expect(z.object({ a: z.string() }).safeParse({ a: 'x' }).success).toBe(true);
  });
});
