import { spawn } from 'node:child_process';
import path from 'node:path';

const CLI = path.join(__dirname, 'sandbox-cli.ts');

function run(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: path.join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('npm run sandbox', () => {
  it('when started, then it prints its loopback URL and answers there until stopped', async () => {
    const child = run(['--port=0']);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Provider sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const knobs = (await (await fetch(`${url}/_sandbox/knobs`)).json()) as { spotify: { devMode403: boolean } };
      expect(knobs.spotify.devMode403).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))).toBe(0);
  });

  it('when the port is not a port, then it exits with 2 and says why', async () => {
    const child = run(['--port=http']);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(err).toContain('--port must be a number');
  });
});
