import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Redis } from 'ioredis';
import { withTimeout } from './async.js';
import { redisConfig, type RedisConfig } from './env.js';

const TIMEOUT_MS = 500;

/**
 * Rate-limit counters in Redis, shared by every API process (issue #14: limits per process let 8 processes or
 * addresses multiply them). Commands fail at once while Redis is away (no queueing): each caller decides whether
 * that means open (public reads) or closed (logins). Keys live under QUEUE_PREFIX:rl: and expire by themselves.
 */
@Injectable()
export class SharedCounters implements OnModuleInit, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(redisConfig.KEY) config: RedisConfig) {
    this.prefix = `${config.queuePrefix}:rl:`;
    this.redis = new Redis(config.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000 });
    this.redis.on('error', () => undefined);
  }

  /** Connects at start (a process whose Redis is away starts all the same; ioredis keeps reconnecting). */
  async onModuleInit(): Promise<void> {
    await withTimeout(this.redis.connect(), 2000).catch(() => undefined);
  }

  /**
   * Counts one hit in the fixed window of `windowMs` containing now; returns the count so far in it and the
   * seconds until it ends. Throws when Redis does not answer.
   */
  async hit(key: string, windowMs: number): Promise<{ count: number; retryAfter: number }> {
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    const k = `${this.prefix}w:${key}:${window}`;
    const result = await withTimeout(this.redis.multi().incr(k).pexpire(k, windowMs).exec(), TIMEOUT_MS);
    const count = Number(result?.[0]?.[1] ?? 0);
    return { count, retryAfter: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
  }

  /** Seconds until fewer than `max` events of `key` lie in the last `windowMs` (sliding); 0 when fewer already. */
  async retryAfter(key: string, max: number, windowMs: number): Promise<number> {
    const now = Date.now();
    const k = `${this.prefix}s:${key}`;
    const result = await withTimeout(
      this.redis
        .multi()
        .zremrangebyscore(k, '-inf', now - windowMs)
        .zrange(k, 0, -1, 'WITHSCORES')
        .exec(),
      TIMEOUT_MS,
    );
    const flat = (result?.[1]?.[1] as string[] | undefined) ?? [];
    const times = flat.filter((_, i) => i % 2 === 1).map(Number);
    if (times.length < max) return 0;
    const oldest = times[times.length - max]!;
    return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  }

  /** Records one event of `key` (sliding window of `windowMs`). */
  async record(key: string, windowMs: number): Promise<void> {
    const now = Date.now();
    const k = `${this.prefix}s:${key}`;
    await withTimeout(
      this.redis
        .multi()
        .zadd(k, now, `${now}:${Math.random().toString(36).slice(2)}`)
        .pexpire(k, windowMs)
        .exec(),
      TIMEOUT_MS,
    );
  }

  async clear(key: string): Promise<void> {
    await withTimeout(this.redis.del(`${this.prefix}s:${key}`), TIMEOUT_MS);
  }

  /** Whether the counters can answer now (connected to Redis). */
  get connected(): boolean {
    return this.redis.status === 'ready';
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({ imports: [ConfigModule.forFeature(redisConfig)], providers: [SharedCounters], exports: [SharedCounters] })
export class CountersModule {}
