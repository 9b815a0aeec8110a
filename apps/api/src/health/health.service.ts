import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { redisConfig, withTimeout, type RedisConfig } from '@lib/core';

const TIMEOUT_MS = 1000;

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis;
  /** Set on SIGTERM (main.ts): readiness answers 503 while requests are still served. */
  draining = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(redisConfig.KEY) config: RedisConfig,
  ) {
    // Fails fast rather than queueing commands while Redis is away.
    this.redis = new Redis(config.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: TIMEOUT_MS,
    });
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<{ postgres: 'up' | 'down'; redis: 'up' | 'down' }> {
    const [postgres, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), TIMEOUT_MS).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.pingRedis(), TIMEOUT_MS).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    return { postgres, redis };
  }

  private async pingRedis(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    await this.redis.ping();
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
