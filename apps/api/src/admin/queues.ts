import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import cookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { redisConfig, redisOptionsFromUrl, type RedisConfig } from '@lib/core';
import { AuthService } from '@lib/auth';
import { QueueName } from '@lib/events';
import { problemOf, sendProblem } from '../common/problem.filter.js';
import { languageOf } from '../common/language.js';

export const QUEUES_PATH = '/admin/queues';
export const QUEUES_COOKIE = 'queues_session';

/** A handle on every queue, for reading only (the dashboard, the metrics); errors while Redis is away are ignored. */
export function openQueues(redis: RedisConfig): Queue[] {
  return Object.values(QueueName).map((name) => {
    const q = new Queue(name, {
      prefix: redis.queuePrefix,
      connection: { ...redisOptionsFromUrl(redis.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    });
    q.on('error', () => undefined);
    return q;
  });
}

/**
 * The queue dashboard (Bull Board) at /admin/queues, for admins only: the page cannot send a bearer header,
 * so it accepts the short-lived HttpOnly cookie that POST /api/v1/admin/queues-session issues, on this path only.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const redis = app.get<RedisConfig>(redisConfig.KEY);
  const auth = app.get(AuthService);
  const board = new BoardAdapter();
  board.setBasePath(QUEUES_PATH);
  const queues = openQueues(redis);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: board });

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(cookie);
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[QUEUES_COOKIE];
      if (token && (await auth.queuesTokenValid(token))) return;
      const lang = languageOf(request.headers['accept-language']);
      sendProblem(
        reply,
        problemOf(
          401,
          { zh: '请以管理员身份登录后再打开队列面板', en: 'Sign in as an admin to open the queue dashboard' },
          [],
          lang,
          'unauthenticated',
        ),
      );
      return reply;
    });
    await scope.register(board.registerPlugin(), { prefix: QUEUES_PATH });
  });
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
  });
}
