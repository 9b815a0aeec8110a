import { timingSafeEqual } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { PublicReads, redisConfig, type RedisConfig } from '@lib/core';
import { OutboxService } from '@lib/events';
import { openQueues } from '../admin/queues.js';
import { languageOf } from '../common/language.js';
import { problemOf, sendProblem } from '../common/problem.filter.js';

export const METRICS_PATH = '/metrics';
/** Recent completed jobs per queue from which the job-duration quantiles are read at each scrape. */
const RECENT_JOBS = 100;

/**
 * `GET /metrics` in Prometheus' text format (docs/operations.md "Metrics and alerts"): requests by route, method and
 * status, latency histograms by route, queue depths and recent job durations, the outbox's backlog and age, the
 * database pool, where public reads were answered (the read replica), and the process's own figures. Off unless METRICS_TOKEN (a bearer token the scraper sends) or
 * METRICS_PUBLIC=true is configured; then it answers 404 like any unknown path.
 */
export async function registerMetrics(app: NestFastifyApplication, access: { token?: string; public: boolean }): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'api' });
  collectDefaultMetrics({ register: registry, prefix: 'childcare_api_' });

  const requests = new Counter({
    name: 'childcare_http_requests_total',
    help: 'HTTP requests answered, by method, route (the matched pattern) and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'childcare_http_request_duration_seconds',
    help: 'Time to answer, by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  fastify.addHook('onResponse', async (request, reply) => {
    // The pattern, never the raw URL: ids and query strings would make a series per request.
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === METRICS_PATH) return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  const dataSource = app.get<DataSource>(getDataSourceToken());
  const backlog = sharedBacklog(app.get(OutboxService));
  new Gauge({
    name: 'childcare_outbox_pending',
    help: 'Domain events not yet handled by the worker (outbox rows without done_at)',
    registers: [registry],
    async collect() {
      this.set((await backlog()).pending);
    },
  });
  new Gauge({
    name: 'childcare_outbox_oldest_pending_seconds',
    help: 'Age of the oldest pending outbox row (0 when none)',
    registers: [registry],
    async collect() {
      this.set((await backlog()).oldestSeconds);
    },
  });
  new Gauge({
    name: 'childcare_db_pool_connections',
    help: "The API's PostgreSQL pool: total, idle and waiting clients",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  const reads = app.get(PublicReads, { strict: false });
  new Counter({
    name: 'childcare_public_reads_total',
    help: 'Public reads (search, map, public facility pages, register pages) answered, by the server that answered them',
    labelNames: ['source'],
    registers: [registry],
    collect() {
      this.reset();
      for (const source of ['replica', 'primary'] as const) this.inc({ source }, reads.served[source]);
    },
  });
  if (reads.configured) {
    new Gauge({
      name: 'childcare_read_replica_in_use',
      help: 'With DATABASE_READ_URL: 1 while public reads go to the replica, 0 while they fall back to the primary',
      registers: [registry],
      collect() {
        this.set(reads.source === 'replica' ? 1 : 0);
      },
    });
  }

  const queues = openQueues(app.get<RedisConfig>(redisConfig.KEY));
  new Gauge({
    name: 'childcare_queue_jobs',
    help: 'Jobs per queue and state (BullMQ)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const q of queues) {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed').catch(() => null);
        for (const [state, n] of Object.entries(counts ?? {})) this.set({ queue: q.name, state }, n);
      }
    },
  });
  new Gauge({
    name: 'childcare_job_duration_seconds',
    help: `Processing time of the last ${RECENT_JOBS} completed jobs per queue, as quantiles`,
    labelNames: ['queue', 'quantile'],
    registers: [registry],
    async collect() {
      for (const q of queues) {
        const jobs = await q.getJobs(['completed'], 0, RECENT_JOBS - 1).catch(() => []);
        const durations = jobs
          .filter((j) => j.processedOn && j.finishedOn)
          .map((j) => (j.finishedOn! - j.processedOn!) / 1000)
          .sort((a, b) => a - b);
        if (durations.length === 0) continue;
        for (const quantile of [0.5, 0.95, 0.99]) {
          this.set(
            { queue: q.name, quantile: String(quantile) },
            durations[Math.min(durations.length - 1, Math.floor(quantile * durations.length))]!,
          );
        }
      }
    },
  });

  fastify.get(METRICS_PATH, async (request, reply) => {
    if (!allowed(request.headers.authorization, access)) {
      const lang = languageOf(request.headers['accept-language']);
      const off = !access.token && !access.public;
      sendProblem(
        reply,
        off
          ? problemOf(404, { zh: '未找到', en: 'Not found' }, [], lang, 'route_not_found')
          : problemOf(401, { zh: '需要指标令牌', en: 'The metrics token is required' }, [], lang, 'unauthenticated'),
      );
      return reply;
    }
    void reply.header('Content-Type', registry.contentType).header('Cache-Control', 'no-store');
    return registry.metrics();
  });
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
  });
}

function allowed(header: string | undefined, access: { token?: string; public: boolean }): boolean {
  if (access.public) return true;
  if (!access.token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(access.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One query per scrape for both outbox gauges: the answer is shared for a second. */
function sharedBacklog(outbox: OutboxService): () => Promise<{ pending: number; oldestSeconds: number }> {
  let cached: { at: number; value: Promise<{ pending: number; oldestSeconds: number }> } | null = null;
  return () => {
    if (!cached || Date.now() - cached.at > 1000) {
      cached = { at: Date.now(), value: outbox.backlog().catch(() => ({ pending: -1, oldestSeconds: -1 })) };
    }
    return cached.value;
  };
}
