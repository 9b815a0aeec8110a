import { Queue } from 'bullmq';
import { redisOptionsFromUrl, type RedisConfig } from '@lib/core';

/** A queue to add jobs to; it fails fast while Redis is away (callers keep their work pending and retry). */
export function producerQueue(name: string, redis: RedisConfig): Queue {
  const queue = new Queue(name, {
    prefix: redis.queuePrefix,
    connection: { ...redisOptionsFromUrl(redis.url), enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 },
  });
  queue.on('error', () => undefined);
  return queue;
}
