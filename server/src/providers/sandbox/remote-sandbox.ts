import { z } from 'zod';
import type { SandboxEndpoint } from '../provider-config';

const CredentialsSchema = z.object({
  spotify: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }),
  apple: z.object({ teamId: z.string().min(1), keyId: z.string().min(1), privateKeyPem: z.string().min(1) }),
});

/**
 * A sandbox another process runs (`npm run sandbox`, or the api process of a split deployment):
 * its demo credentials are read once from `/_sandbox/credentials`, so every Muse process signs
 * Apple developer tokens with the key that sandbox checks and sees the same tokens and playlists.
 */
export async function connectToSandbox(url: string, timeoutMs = 5_000): Promise<SandboxEndpoint> {
  const origin = url.replace(/\/+$/, '');
  let body: unknown;
  try {
    const res = await fetch(`${origin}/_sandbox/credentials`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`it answered ${res.status}`);
    body = await res.json();
  } catch (err) {
    throw new Error(
      `The provider sandbox at ${origin} (PROVIDER_SANDBOX_URL) cannot be reached: ${(err as Error).message}. Start it with \`npm run sandbox\` or unset PROVIDER_SANDBOX_URL.`,
      { cause: err },
    );
  }
  const parsed = CredentialsSchema.safeParse(body);
  if (!parsed.success) throw new Error(`${origin} (PROVIDER_SANDBOX_URL) does not look like Muse's provider sandbox.`);
  const { spotify, apple } = parsed.data;
  return { url: origin, appleCredentials: () => ({ ...apple }), spotifyCredentials: () => ({ ...spotify }) };
}
