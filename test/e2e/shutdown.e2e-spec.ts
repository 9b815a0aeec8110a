// Issue #14, item 14: on SIGTERM the API drains: readiness answers 503 at once while requests are still served for
// SHUTDOWN_DRAIN_SECONDS, then it stops accepting and exits 0.
import { startApiProcess } from '../helpers/api-process.js';

describe('graceful shutdown', () => {
  it('keeps serving while readiness says draining, then refuses connections and exits cleanly', async () => {
    const api = await startApiProcess({ SHUTDOWN_DRAIN_SECONDS: '3' });
    try {
      expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
      const signalledAt = Date.now();
      api.signal('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      const ready = await fetch(`${api.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'draining' });
      expect((await fetch(`${api.url}/api/v1/public/regions`)).status).toBe(200);
      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
      expect(await api.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(3000);
      await expect(fetch(`${api.url}/health/live`)).rejects.toThrow();
    } finally {
      await api.stop();
    }
  }, 180_000);
});
