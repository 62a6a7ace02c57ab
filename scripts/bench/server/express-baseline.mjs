// The framework's ceiling on this machine: a bare Express app answering {"ok":true}, run by the
// bench in its own process so that it competes for the CPU the way the Muse api does.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/', (_req, res) => {
  res.json({ ok: true });
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`Baseline is running at http://127.0.0.1:${server.address().port}\n`);
});
// Same keep-alive window as the Muse api, so connections behave alike.
server.keepAliveTimeout = 5000;

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
