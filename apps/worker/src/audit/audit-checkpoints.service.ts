import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { auditConfig, type AuditConfig } from '@lib/core';
import { AuditService } from '@lib/audit';

/**
 * Every AUDIT_CHECKPOINT_INTERVAL_MINUTES, a signed checkpoint of every audit chain's head goes to
 * AUDIT_CHECKPOINT_DIR (outside the database). Several workers each writing one is harmless: more witnesses.
 */
@Injectable()
export class AuditCheckpoints implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditCheckpoints.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly audit: AuditService,
    @Inject(auditConfig.KEY) private readonly config: AuditConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.write(), this.config.checkpointIntervalMs);
    this.timer.unref();
  }

  async write(): Promise<void> {
    try {
      const { path, chains } = await this.audit.writeCheckpoint();
      this.logger.log(`audit checkpoint: ${chains} chains → ${path}`);
    } catch (error) {
      this.logger.error(`audit checkpoint not written: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
