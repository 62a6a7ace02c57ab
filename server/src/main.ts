import { ConfigError, loadConfig } from './config/config';
import { InfrastructureError, resolveInfrastructure } from './config/infrastructure';
import { createContainer } from './container';
import { migrateLatest } from './db/knex';
import { seedOnFirstRun } from './seed/seed-on-first-run';
import { createLogger } from './lib/logger';
import { resolveProviderSetup, sandboxNeeded, type SandboxEndpoint } from './providers/provider-config';
import { connectToSandbox } from './providers/sandbox/remote-sandbox';
import { startProviderSandbox, type ProviderSandbox } from './providers/sandbox/start-sandbox';
import { startApi } from './roles/api-role';
import { startWorker } from './roles/worker-role';
import { MuseMetrics } from './observability/metrics';
import { startMetricsServer } from './observability/metrics-endpoint';

type Role = 'api' | 'worker' | 'all';

function parseRole(argv: string[]): Role {
  const arg = argv.find((a) => a.startsWith('--role='));
  const role = arg ? arg.slice('--role='.length) : 'all';
  if (role !== 'api' && role !== 'worker' && role !== 'all') {
    console.error(`Unknown role "${role}". Use --role=api, --role=worker or --role=all.`);
    process.exit(2);
  }
  return role;
}

/** Starts Muse in the given role; prints the URL once the api listens. */
async function main(): Promise<void> {
  const role = parseRole(process.argv.slice(2));
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL).child({ role });

  let infra;
  try {
    infra = await resolveInfrastructure(config, logger);
  } catch (err: unknown) {
    if (err instanceof InfrastructureError) {
      console.error((err as Error).message);
      process.exit(1);
    }
    throw err;
  }

  // The offline stand-in for Spotify and Apple Music, when a service has no credentials (PROVIDER_SANDBOX=auto) or it is forced on.
  // A split deployment (api and worker started apart) shares one sandbox through PROVIDER_SANDBOX_URL.
  let sandbox: ProviderSandbox | null = null;
  let sharedSandbox: SandboxEndpoint | null = null;
  if (sandboxNeeded(config)) {
    if (config.PROVIDER_SANDBOX_URL) {
      try {
        sharedSandbox = await connectToSandbox(config.PROVIDER_SANDBOX_URL);
      } catch (err) {
        console.error((err as Error).message);
        process.exit(1);
      }
    } else {
      sandbox = await startProviderSandbox({ port: config.PROVIDER_SANDBOX_PORT });
      logger.info({ url: sandbox.url }, 'provider sandbox started');
    }
  }
  const providerSetup = resolveProviderSetup(config, sandbox ?? sharedSandbox);
  const container = await createContainer({
    config,
    logger,
    databaseUrl: infra.databaseUrl,
    redisUrl: infra.redisUrl,
    mongoUrl: infra.mongoUrl,
    providerSetup,
    metrics: new MuseMetrics({ processMetrics: true }),
  });
  const applied = await migrateLatest(container.knex);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (role === 'api' || role === 'all') await seedOnFirstRun(container);

  const stoppers: Array<() => Promise<void>> = [];
  // The admin port: this process's metrics without a token, whatever its role (the only place a worker serves them).
  if (config.METRICS_PORT !== undefined) {
    const metricsServer = await startMetricsServer(container.metrics, { host: config.METRICS_HOST, port: config.METRICS_PORT });
    stoppers.push(() => metricsServer.stop());
    logger.info({ url: metricsServer.url }, 'metrics served');
  }
  if (role === 'worker' || role === 'all') {
    const worker = await startWorker(container);
    stoppers.push(() => worker.stop());
    logger.info('worker started');
  }
  if (role === 'api' || role === 'all') {
    const api = await startApi(container, { host: config.HOST, port: config.PORT });
    stoppers.unshift(() => api.stop());
    // Plain stdout so scripts and people find the URL without parsing JSON logs.
    process.stdout.write(`Muse is running at ${api.url}\n`);
    if (sandbox) process.stdout.write(`Provider sandbox (offline Spotify and Apple Music) at ${sandbox.url}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      for (const stop of stoppers) await stop();
      await container.close();
      await sandbox?.stop();
      await infra.stop();
      logger.info('shutdown complete');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('Muse failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
