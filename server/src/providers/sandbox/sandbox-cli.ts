import { startProviderSandbox } from './start-sandbox';

/** `npm run sandbox`: the provider sandbox alone, for trying the adapters or a browser against it. */
async function main(): Promise<void> {
  const portArg = process.argv.find((a) => a.startsWith('--port='));
  const port = portArg ? Number(portArg.slice('--port='.length)) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('--port must be a number from 0 to 65535');
    process.exit(2);
  }
  const sandbox = await startProviderSandbox({ port });
  const apple = sandbox.appleCredentials();
  const lines = [
    `Provider sandbox listening on ${sandbox.url}`,
    `  Spotify Accounts  ${sandbox.url}/spotify-accounts   (client id muse-sandbox-client, secret muse-sandbox-secret)`,
    `  Spotify Web API   ${sandbox.url}/spotify/v1`,
    `  Apple Music API   ${sandbox.url}/apple/v1   (team ${apple.teamId}, key ${apple.keyId})`,
    `  Apple sign-in     ${sandbox.url}/apple-auth/authorize`,
    `  Knobs and counts  ${sandbox.url}/_sandbox/knobs, ${sandbox.url}/_sandbox/calls`,
    'Apple private key for developer tokens (APPLE_PRIVATE_KEY):',
    apple.privateKeyPem.trim(),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => void sandbox.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
