import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IDEMPOTENCY_RETENTION_MS, IdempotencyStore, outboxConfig, type OutboxConfig } from '@lib/core';
import { OutboxService } from '@lib/events';

const EVERY_MS = 3_600_000;

/**
 * Housekeeping (issue #14): every hour, and once at start, done outbox rows older than OUTBOX_RETENTION_DAYS are
 * deleted, so the table holds the pending work and a recent past only. Several workers pruning at once skip each
 * other's rows. Idempotency keys older than their 24 hours go at the same time.
 */
@Injectable()
export class OutboxPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxPruner.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyStore,
    @Inject(outboxConfig.KEY) private readonly config: OutboxConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.prune();
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  async prune(): Promise<number> {
    try {
      const n = await this.outbox.pruneDone(this.config.retentionMs);
      if (n > 0) this.logger.log(`outbox: ${n} done rows pruned`);
      const keys = await this.idempotency.prune(IDEMPOTENCY_RETENTION_MS);
      if (keys > 0) this.logger.log(`idempotency keys: ${keys} expired keys pruned`);
      return n;
    } catch (error) {
      this.logger.warn(`outbox not pruned: ${(error as Error).message}`);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
