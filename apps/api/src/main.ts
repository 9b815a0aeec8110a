import { Logger } from '@nestjs/common';
import { validateEnv, HttpEnvSchema } from '@lib/core';
import { createApiApp, ensureFirstAdmin } from './bootstrap.js';
import { HealthService } from './health/health.service.js';

const { PORT, HOST, SHUTDOWN_DRAIN_SECONDS } = validateEnv(HttpEnvSchema);
const app = await createApiApp();
await ensureFirstAdmin(app);
await app.listen(PORT, HOST);
console.log(`API listening on http://${HOST === '0.0.0.0' ? 'localhost' : HOST}:${PORT}`);

/**
 * Graceful shutdown (docs/operations.md): readiness turns 503 at once while requests are still served for
 * SHUTDOWN_DRAIN_SECONDS, so the load balancer stops sending; then the server stops accepting, finishes what is in
 * flight, closes its pools and exits. A second signal exits at once.
 */
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    const log = new Logger('Shutdown');
    log.log(`${signal}: draining for ${SHUTDOWN_DRAIN_SECONDS} s, then closing`);
    app.get(HealthService).draining = true;
    setTimeout(() => {
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error(`close failed: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    }, SHUTDOWN_DRAIN_SECONDS * 1000);
  });
}
