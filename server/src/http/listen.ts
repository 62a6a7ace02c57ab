import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts `server` listening on host:port (0: any free port) and answers its base URL, `[::1]` style for IPv6. */
export async function listenOn(server: Server, listen: { host: string; port: number }): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return `http://${host}:${port}`;
}
